using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Credit;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Reviews;
using Guanxi.Domain.Surveys;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Features.Credit;
using Guanxi.Web.Features.Grading;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Features.Lifecycle;
using Guanxi.Web.Features.Surveys;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests;

/// <summary>
/// Who did something is kept by id (issue 21, item 4): a member of staff renamed is shown by the new name on what they did
/// before — tier, stage and credit changes, a task done, a survey call, a review cycle, a job run — and the system is
/// "系统" in Chinese and "System" in English, with why it ran; a name an older version kept is shown as it was.
/// </summary>
public abstract class ActorsApiTests(GuanxiApp app)
{
    [Fact]
    public async Task A_rename_shows_on_everything_the_member_of_staff_did_before_and_the_system_speaks_the_viewers_language()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var staff = await AccountsApiTests.CreateStaff(admin, $"actor.{Guid.NewGuid():N}@demo.guanxi.cn");
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var created = await sales.PostAsJsonAsync("/api/customers", new { type = "person", name = "改名客户", phones = new[] { new { kind = "mobile", number = "13700006001" } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customer = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var now = TimeProvider.System.GetUtcNow();
        var staffCycle = ReviewCycle.Open(0, ReviewPolicy.Default, null, new DateOnly(2000, 1, 3), new Actor(staff.Id), now);   // long closed: no other test's cycle moves
        Guid surveyTask, staffRun, systemRun;
        await using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            db.Add(new TierChange { CustomerId = customer, At = now, From = Tier.Ordinary, To = Tier.Important, Score = 70, Reason = "测试", ReasonEn = "test", ById = staff.Id });
            db.Add(new CreditChange { CustomerId = customer, At = now, From = CreditLevel.B, To = CreditLevel.A, Manual = true, Reason = "测试", ReasonEn = "test", ById = staff.Id });
            db.Add(new StageChange { CustomerId = customer, At = now.AddSeconds(-3), From = LifecycleStage.Potential, To = LifecycleStage.FirstPurchase, Reason = "测试", ReasonEn = "test", ById = Actor.SystemId, ByCause = ActorCause.Nightly });
            db.Add(new StageChange { CustomerId = customer, At = now.AddSeconds(-2), From = LifecycleStage.FirstPurchase, To = LifecycleStage.Repeat, Reason = "测试", ReasonEn = "test", ById = Actor.SystemId, ByText = "离职员工（订单）" });
            db.Add(new StageChange { CustomerId = customer, At = now.AddSeconds(-1), From = LifecycleStage.Repeat, To = LifecycleStage.Loyal, Reason = "测试", ReasonEn = "test", ById = staff.Id, ByCause = ActorCause.Orders });
            var task = CustomerTask.Open(customer, CustomerTaskKind.CareCall, staff.Id, staff.DepartmentId, DateOnly.FromDateTime(now.UtcDateTime), ("回访", "Call"), now);
            Assert.True(task.Complete("客户满意", staff.Id, now).Succeeded);
            db.Add(task);
            db.Add(staffCycle);
            surveyTask = await db.Set<SurveyTask>().OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            db.Add(new SurveyAttempt { Id = Guid.CreateVersion7(), TaskId = surveyTask, Result = AttemptResult.NoAnswer, At = now, ById = staff.Id });
            var (mine, nightly) = (new JobRun { Id = Guid.CreateVersion7(), Kind = "test.actors", Status = JobStatus.Succeeded, UserId = staff.Id, CreatedAt = now },
                new JobRun { Id = Guid.CreateVersion7(), Kind = "test.actors", Status = JobStatus.Succeeded, UserId = Actor.SystemId, StartedByCause = ActorCause.Nightly, CreatedAt = now });
            db.AddRange(mine, nightly);
            (staffRun, systemRun) = (mine.Id, nightly.Id);
            await db.SaveChangesAsync();
        }

        var manager = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        async Task<string[]> Shown(HttpClient client) =>
        [
            (await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/grade")).GetProperty("history").EnumerateArray().Single(h => h.GetProperty("byId").GetString() == staff.Id).GetProperty("by").GetString()!,
            (await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/credit")).GetProperty("history").EnumerateArray().Single(h => h.GetProperty("byId").GetString() == staff.Id).GetProperty("by").GetString()!,
            To(await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/lifecycle"), "loyal").GetProperty("by").GetString()!,
            (await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/lifecycle")).GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("doneById").GetString() == staff.Id).GetProperty("doneBy").GetString()!,
            (await client.GetFromJsonAsync<JsonElement>($"/api/surveys/tasks/{surveyTask}")).GetProperty("attempts").EnumerateArray().Last(a => a.GetProperty("byId").GetString() == staff.Id).GetProperty("by").GetString()!,
            (await client.GetFromJsonAsync<JsonElement>($"/api/reviews/tasks?cycleId={staffCycle.Id}&mine=false")).GetProperty("cycle").GetProperty("openedBy").GetString()!,
        ];
        Assert.Equal(["测试员工", "测试员工", "测试员工（订单）", "测试员工", "测试员工", "测试员工"], await Shown(manager));
        Assert.Equal("测试员工", (await admin.GetFromJsonAsync<JsonElement>($"/api/jobs/{staffRun}")).GetProperty("startedBy").GetString());

        var renamed = await admin.PutAsJsonAsync($"/api/users/{staff.Id}", new
        {
            displayName = "改名以后", departmentId = staff.DepartmentId, roles = new[] { "SalesConsultant" }, isActive = true, version = await AccountsApiTests.Version(admin, staff.Id),
        });
        Assert.Equal(HttpStatusCode.NoContent, renamed.StatusCode);

        Assert.Equal(["改名以后", "改名以后", "改名以后（订单）", "改名以后", "改名以后", "改名以后"], await Shown(manager));
        Assert.Equal("改名以后", (await admin.GetFromJsonAsync<JsonElement>($"/api/jobs/{staffRun}")).GetProperty("startedBy").GetString());

        // The system by the viewer's language, with why; a name an older version kept, as it was.
        var english = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Equal("改名以后 (orders)", (await Shown(english))[2]);
        var zh = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/lifecycle");
        var en = await english.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/lifecycle");
        Assert.Equal(("离职员工（订单）", "系统（夜间重算）"), (To(zh, "repeat").GetProperty("by").GetString(), To(zh, "firstPurchase").GetProperty("by").GetString()));
        Assert.Equal(("离职员工（订单）", "System (nightly recompute)", "system"),
            (To(en, "repeat").GetProperty("by").GetString(), To(en, "firstPurchase").GetProperty("by").GetString(), To(en, "firstPurchase").GetProperty("byId").GetString()));
        Assert.Equal("系统（夜间重算）", (await admin.GetFromJsonAsync<JsonElement>($"/api/jobs/{systemRun}")).GetProperty("startedBy").GetString());
        var englishAdmin = await app.SignedInAs("admin@demo.guanxi.cn");
        englishAdmin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Equal("System (nightly recompute)", (await englishAdmin.GetFromJsonAsync<JsonElement>($"/api/jobs/{systemRun}")).GetProperty("startedBy").GetString());
        // The demo's first review cycle was opened by the system while seeding.
        var cycles = (await english.GetFromJsonAsync<JsonElement>("/api/reviews/tasks?mine=false")).GetProperty("cycles").EnumerateArray();
        Assert.Contains(cycles, c => c.GetProperty("openedBy").GetString() == "System (demo data)" && c.GetProperty("openedById").GetString() == "system");
    }

    /// <summary>The stage change into <paramref name="stage"/> in a customer's lifecycle history.</summary>
    private static JsonElement To(JsonElement lifecycle, string stage) =>
        lifecycle.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("to").GetString() == stage);
}

[Collection(SqliteCollection.Name)]
public sealed class ActorsApiTests_Sqlite(SqliteApp app) : ActorsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ActorsApiTests_Postgres(PostgresApp app) : ActorsApiTests(app);
