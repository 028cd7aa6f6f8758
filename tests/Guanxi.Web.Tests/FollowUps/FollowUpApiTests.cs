using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Features.FollowUps;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Guanxi.Web.Tests.FollowUps;

/// <summary>SVC-4 follow-up plans through the API on both databases: the morning's plan by tier, completing a follow-up, overdue ones per owner.</summary>
public abstract class FollowUpApiTests(GuanxiApp app)
{
    private static async Task<Guid> Customer(HttpClient client, string name)
    {
        var mobile = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Sets what the night and the years would have set: the tier and the day the customer was entered.</summary>
    private async Task Age(Guid customer, Tier tier, int daysAgo)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            await db.Set<Customer>().Where(c => c.Id == customer).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Tier, tier).SetProperty(c => c.CreatedAt, TimeProvider.System.GetUtcNow().AddDays(-daysAgo)));
    }

    private async Task<FollowUpPlanRun> Plan()
    {
        using var scope = app.Services.CreateScope();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var clock = new EnterpriseClock(time, Days.Shanghai);
        return await ActivatorUtilities.CreateInstance<PlanFollowUps>(scope.ServiceProvider, clock, (TimeProvider)time).Handle();
    }

    private async Task<List<CustomerTask>> TasksOf(Guid customer)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            return await db.Set<CustomerTask>().AsNoTracking().Where(t => t.CustomerId == customer).ToListAsync();
    }

    [Fact]
    public async Task SVC4_the_morning_plans_each_tiers_calls_and_visits_once()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var (vip, fresh, ordinary, called) = (await Customer(sales, "回访甲"), await Customer(sales, "回访乙"), await Customer(sales, "回访丙"), await Customer(sales, "回访己"));
        await Age(vip, Tier.Vip, 400);
        await Age(called, Tier.Important, 400);        // long a customer, but called last week: the next call is weeks away
        var recorded = await sales.PostAsJsonAsync("/api/contacts", new { customerId = called, channel = "phone", direction = "outbound", at = TimeProvider.System.GetUtcNow().AddDays(-7), summary = "询问用车情况", touchpoint = "afterSale" });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        await Age(fresh, Tier.Important, 10);          // entered 10 days ago: its first call is 50 days away, past the lead days
        await Age(ordinary, Tier.Ordinary, 170);       // due in 10 days: within the 14 lead days

        var run = await Plan();
        Assert.True(run.Calls >= 2 && run.Visits >= 1, $"{run}");
        var vipTasks = await TasksOf(vip);
        Assert.Equal([CustomerTaskKind.FollowUpCall, CustomerTaskKind.FollowUpVisit], vipTasks.Select(t => t.Kind).Order());
        Assert.All(vipTasks, t => Assert.InRange(t.DueOn, Days.Today, Days.Today.AddDays(FollowUpPlan.MaxSpreadDays - 1)));   // a backlog, spread
        Assert.Empty(await TasksOf(fresh));
        Assert.Empty(await TasksOf(called));
        var call = Assert.Single(await TasksOf(ordinary));
        Assert.Equal(Days.Today.AddDays(10), call.DueOn);
        Assert.Contains("180", call.Note);

        await Plan();   // a second morning makes nothing twice
        Assert.Equal(2, (await TasksOf(vip)).Count);
        Assert.Single(await TasksOf(ordinary));

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var owner = await db.Users.SingleAsync(u => u.Email == "sales@demo.guanxi.cn");
            Assert.True(await db.Set<Notification>().AnyAsync(n => n.UserId == owner.Id && n.Link == "/followups"));
        }
    }

    [Fact]
    public async Task SVC4_a_follow_up_done_records_usage_needs_feedback_and_the_opportunity()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "回访丁");
        await Age(customer, Tier.Vip, 400);
        await Plan();
        var call = (await TasksOf(customer)).Single(t => t.Kind == CustomerTaskKind.FollowUpCall);

        var empty = await sales.PostAsJsonAsync($"/api/followups/{call.Id}/complete", new { usage = " ", needs = "", feedback = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("feedback", await empty.Content.ReadAsStringAsync());
        var wrongType = await sales.PostAsJsonAsync($"/api/followups/{call.Id}/complete", new { usage = "每天通勤", opportunity = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("opportunity", await wrongType.Content.ReadAsStringAsync());
        var huge = await sales.PostAsJsonAsync($"/api/followups/{call.Id}/complete", new { usage = new string('长', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);

        var elsewhere = await app.SignedInAs("sales2@demo.guanxi.cn");   // another branch: the task is not there for them
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync($"/api/followups/{call.Id}/complete", new { usage = "x" })).StatusCode);

        var done = await sales.PostAsJsonAsync($"/api/followups/{call.Id}/complete", new { usage = "每天通勤，周末自驾", needs = "想加装行车记录仪", feedback = "对保养很满意", opportunity = "二胎家庭，考虑换七座车" });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await sales.PostAsJsonAsync($"/api/followups/{call.Id}/complete", new { usage = "again" })).StatusCode);

        var timeline = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/timeline?kind=contact");   // the call itself is a contact
        var contact = Assert.Single(timeline.GetProperty("items").EnumerateArray());
        Assert.Contains("想加装行车记录仪", contact.GetProperty("summary").GetString());
        Assert.NotEqual(JsonValueKind.Null, (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}")).GetProperty("lastContactAt").ValueKind);

        var list = await sales.GetFromJsonAsync<JsonElement>("/api/followups?mine=true&status=done&pageSize=500");
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == call.Id);
        Assert.Equal("每天通勤，周末自驾", item.GetProperty("usage").GetString());
        Assert.Equal("想加装行车记录仪", item.GetProperty("needs").GetString());
        Assert.True(item.GetProperty("opportunity").GetBoolean());
        Assert.Equal("二胎家庭，考虑换七座车", item.GetProperty("opportunityNote").GetString());
        Assert.Equal("done", item.GetProperty("status").GetString());

        var open = await sales.GetFromJsonAsync<JsonElement>($"/api/followups?status=open&dueBy={Days.D(Days.Today.AddDays(60))}&pageSize=500");
        Assert.Contains(open.GetProperty("items").EnumerateArray(), i => i.GetProperty("customerId").GetGuid() == customer && i.GetProperty("kind").GetString() == "followUpVisit");

        // One done from the task list (as care calls are) shows what came of it.
        var visit = (await TasksOf(customer)).Single(t => t.Kind == CustomerTaskKind.FollowUpVisit);
        Assert.Equal(HttpStatusCode.NoContent, (await sales.PostAsJsonAsync($"/api/tasks/{visit.Id}/complete", new { outcome = "上门拜访，客户出差，改约下月" })).StatusCode);
        var visited = (await sales.GetFromJsonAsync<JsonElement>("/api/followups?mine=true&status=done&pageSize=500")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == visit.Id);
        Assert.Equal(("上门拜访，客户出差，改约下月", JsonValueKind.Null), (visited.GetProperty("outcome").GetString(), visited.GetProperty("usage").ValueKind));
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.GetAsync("/api/followups?status=later")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.GetAsync("/api/followups?dueBy=tomorrow")).StatusCode);
    }

    [Fact]
    public async Task SVC4_managers_see_overdue_follow_ups_per_owner_and_a_consultant_does_not()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "回访戊");
        var db = app.NewDbContext(out var scope);
        string owner;
        using (scope)
        {
            var row = await db.Set<Customer>().SingleAsync(c => c.Id == customer);
            owner = row.OwnerId;
            db.Add(CustomerTask.Open(customer, CustomerTaskKind.FollowUpCall, owner, row.DepartmentId, Days.Today.AddDays(-3), ("回访", "Follow up"), TimeProvider.System.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var owners = await (await app.SignedInAs("sales.manager@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/followups/owners");
        var mine = owners.EnumerateArray().Single(o => o.GetProperty("ownerId").GetString() == owner);
        Assert.True(mine.GetProperty("overdue").GetInt32() >= 1);
        Assert.False(string.IsNullOrEmpty(mine.GetProperty("owner").GetString()));
        var service = await (await app.SignedInAs("service.manager@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/followups/owners");
        Assert.DoesNotContain(service.EnumerateArray(), o => o.GetProperty("ownerId").GetString() == owner);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/followups/owners")).StatusCode);
        var team = await (await app.SignedInAs("sales.manager@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/followups?mine=false&status=overdue&pageSize=500");
        Assert.Contains(team.GetProperty("items").EnumerateArray(), i => i.GetProperty("customerId").GetGuid() == customer);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FollowUpApiTests_Sqlite(SqliteApp app) : FollowUpApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FollowUpApiTests_Postgres(PostgresApp app) : FollowUpApiTests(app);
