using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Web.Features.Lifecycle;
using Guanxi.Web.Features.Reviews;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Reviews;

/// <summary>ARC-6 periodic review and LIF-4 key-account relationships through the API on both databases.</summary>
public abstract class ReviewApiTests(GuanxiApp app)
{
    private static async Task<Guid> Customer(HttpClient client, string name, string mobile)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task Order(HttpClient client, Guid customer, DateOnly on, decimal amount)
    {
        var response = await client.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = $"R-{Guid.NewGuid():N}"[..20], customerId = customer, orderedAt = D(on), deliveredAt = D(on), amount,
            items = new[] { new { name = "哈弗 H6", quantity = 1m, unitPrice = amount } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static FakeTimeProvider At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.FromHours(8)).ToUniversalTime());

    /// <summary>The daily job's use case as it would run on <paramref name="day"/>, on the app's database.</summary>
    private async Task<JsonElement?> Morning(DateOnly day, bool early)
    {
        var time = At(day);
        using var scope = app.Services.CreateScope();
        var open = ActivatorUtilities.CreateInstance<OpenReviewCycle>(scope.ServiceProvider, new EnterpriseClock(time, Shanghai), (TimeProvider)time);
        var cycle = await open.Handle(ReviewJob.Scheduled, early);
        return cycle is null ? null : JsonSerializer.SerializeToElement(new { cycle.Id, cycle.Number, cycle.Since, cycle.DueOn });
    }

    private async Task Night(DateOnly day, Guid customer)
    {
        var time = At(day);
        using var scope = app.Services.CreateScope();
        await ActivatorUtilities.CreateInstance<UpdateLifecycle>(scope.ServiceProvider, new EnterpriseClock(time, Shanghai), (TimeProvider)time).Handle(LifecycleJob.Nightly, [customer]);
    }

    private static JsonElement Review(JsonElement list, Guid customer) => list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("customerId").GetGuid() == customer);

    [Fact]
    public async Task ARC_6_a_cycle_opens_review_tasks_for_owners_flags_growth_and_churn_and_completing_one_files_the_customer()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var grew = await Customer(sales, "周增长", "13700004001");
        var lost = await Customer(sales, "吴流失", "13700004002");
        var quiet = await Customer(sales, "郑平稳", "13700004003");
        // Cycle k opens on day A; cycle k+1 two months later on B. The grower bought ¥10,000 before A and ¥20,000 after.
        var (a, b) = (Today.AddDays(-30), Today.AddDays(-30).AddMonths(2));
        await Order(sales, grew, Today.AddDays(-60), 10_000m);
        await Order(sales, grew, Today.AddDays(-1), 20_000m);
        // The lost customer's only order is a year old: churned on the day after the 12-month floor, after A.
        var order = Today.AddDays(-1).AddMonths(-12);
        await Order(sales, lost, order, 8_000m);
        var churnOn = order.AddMonths(12).AddDays(1);
        await Night(churnOn, lost);

        var first = (await Morning(a, early: true))!.Value;
        Assert.Null(await Morning(b.AddDays(-1), early: false));   // the job waits for the interval
        var cycle = (await Morning(b, early: false))!.Value;
        Assert.Equal((first.GetProperty("Number").GetInt32() + 1, D(a), D(b.AddDays(14))),
            (cycle.GetProperty("Number").GetInt32(), cycle.GetProperty("Since").GetString(), cycle.GetProperty("DueOn").GetString()));

        var mine = await sales.GetFromJsonAsync<JsonElement>("/api/reviews/tasks?mine=true&take=500");
        Assert.Equal(cycle.GetProperty("Id").GetGuid(), mine.GetProperty("cycle").GetProperty("id").GetGuid());
        var growth = Review(mine, grew);
        Assert.Equal(("fastGrowth", 10_000m, 30_000m), (growth.GetProperty("cause").GetString(), growth.GetProperty("amountBefore").GetDecimal(), growth.GetProperty("amountNow").GetDecimal()));
        Assert.Contains("增长 200%", growth.GetProperty("causeNote").GetString());
        Assert.Equal("churned", Review(mine, lost).GetProperty("cause").GetString());
        Assert.Equal(JsonValueKind.Null, Review(mine, quiet).GetProperty("cause").ValueKind);
        Assert.Equal(D(b.AddDays(14)), Review(mine, quiet).GetProperty("dueOn").GetString());
        var flagged = await sales.GetFromJsonAsync<JsonElement>("/api/reviews/tasks?mine=true&flagged=true&take=500");
        Assert.DoesNotContain(flagged.GetProperty("items").EnumerateArray(), r => r.GetProperty("customerId").GetGuid() == quiet);
        // The review is one of the owner's tasks too.
        var tasks = await sales.GetFromJsonAsync<JsonElement>("/api/tasks?mine=true&kind=review&take=500");
        Assert.Contains(tasks.GetProperty("items").EnumerateArray(), t => t.GetProperty("customerId").GetGuid() == grew);

        // Filing: a flagged customer needs the cause written down, the category must be one of the three, others see nothing.
        var id = growth.GetProperty("id").GetGuid();
        var noNote = await sales.PostAsJsonAsync($"/api/reviews/tasks/{id}/complete", new { category = "important" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.True((await noNote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("note", out _));
        var gold = await sales.PostAsJsonAsync($"/api/reviews/tasks/{id}/complete", new { category = "gold", note = "x" });
        Assert.True((await gold.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("category", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("sales2@demo.guanxi.cn")).PostAsJsonAsync($"/api/reviews/tasks/{id}/complete", new { category = "general" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await sales.PostAsJsonAsync($"/api/reviews/tasks/{id}/complete", new { category = "important", note = "公司扩大车队，年内还有采购计划" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.PostAsJsonAsync($"/api/reviews/tasks/{id}/complete", new { category = "general" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await sales.PostAsJsonAsync($"/api/reviews/tasks/{Review(mine, quiet).GetProperty("id").GetGuid()}/complete", new { category = "general" })).StatusCode);

        var filed = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{grew}/lifecycle");
        Assert.Equal(("important", D(Today)), (filed.GetProperty("archiveCategory").GetString(), filed.GetProperty("reviewedOn").GetString()));
        var done = Review(await sales.GetFromJsonAsync<JsonElement>("/api/reviews/tasks?mine=true&state=done&take=500"), grew);
        Assert.Equal(("important", "公司扩大车队，年内还有采购计划"), (done.GetProperty("category").GetString(), done.GetProperty("note").GetString()));
        Assert.Contains(filed.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("kind").GetString() == "review" && t.GetProperty("outcome").GetString() == "归档为重要：公司扩大车队，年内还有采购计划");

        // The department manager sees each owner's progress; a consultant does not.
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var progress = await manager.GetFromJsonAsync<JsonElement>("/api/reviews/progress");
        var me = (await sales.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString();
        var owner = progress.EnumerateArray().Single(p => p.GetProperty("ownerId").GetString() == me);
        Assert.True(owner.GetProperty("done").GetInt32() >= 2 && owner.GetProperty("total").GetInt32() >= 3);
        Assert.Equal(owner.GetProperty("total").GetInt32(), owner.GetProperty("done").GetInt32() + owner.GetProperty("open").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/reviews/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.GetAsync("/api/reviews/tasks?state=later")).StatusCode);
    }

    [Fact]
    public async Task ARC_6_only_administrators_and_the_customer_service_manager_open_a_cycle_early_and_only_administrators_set_the_interval()
    {
        app.EnsureAvailable();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("sales.manager@demo.guanxi.cn")).PostAsync("/api/reviews/cycles", null)).StatusCode);
        // The demo opened a cycle today: until its due day, opening another early is refused, naming it.
        var opened = await (await app.SignedInAs("cs.manager@demo.guanxi.cn")).PostAsync("/api/reviews/cycles", null);
        Assert.Equal(HttpStatusCode.Conflict, opened.StatusCode);
        Assert.StartsWith("第 1 期核查尚未结束", (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var current = await admin.GetFromJsonAsync<JsonElement>("/api/reviews/settings");
        Assert.Equal(2, current.GetProperty("intervalMonths").GetInt32());
        var bad = await admin.PutAsJsonAsync("/api/reviews/settings", new { intervalMonths = 0, dueDays = 14, growthPercent = 0 });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("intervalMonths", out _) && errors.TryGetProperty("growthPercent", out _) && !errors.TryGetProperty("dueDays", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("cs.manager@demo.guanxi.cn")).PutAsJsonAsync("/api/reviews/settings", current)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/reviews/settings", current)).StatusCode);
    }

    [Fact]
    public async Task LIF_4_the_owner_records_the_relationship_with_a_key_account_and_it_is_in_the_history()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "常州龙城车队", "13700004004");
        var saved = await sales.PutAsJsonAsync($"/api/customers/{customer}/relationship", new { stage = "understanding", type = "proactive", phase = "breakthrough", note = "已签三年框架协议" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/lifecycle")).GetProperty("relationship");
        Assert.Equal(("understanding", "proactive", "breakthrough", "已签三年框架协议"),
            (view.GetProperty("stage").GetString(), view.GetProperty("type").GetString(), view.GetProperty("phase").GetString(), view.GetProperty("note").GetString()));

        var bad = await sales.PutAsJsonAsync($"/api/customers/{customer}/relationship", new { stage = "marriage", type = "partner", phase = "winter" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("stage", out _) && errors.TryGetProperty("phase", out _) && !errors.TryGetProperty("type", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("sales2@demo.guanxi.cn")).PutAsJsonAsync($"/api/customers/{customer}/relationship", new { stage = "interaction" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("gm@demo.guanxi.cn")).PutAsJsonAsync($"/api/customers/{customer}/relationship", new { stage = "interaction" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await sales.PutAsJsonAsync($"/api/customers/{customer}/relationship", new { stage = "relationship", type = "partner", phase = "consolidation" })).StatusCode);
        var history = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/history");
        Assert.Contains(history.GetProperty("items").EnumerateArray(), h => h.GetProperty("field").GetString() == "RelationshipPhase"
            && h.GetProperty("oldValue").GetString() == "Breakthrough" && h.GetProperty("newValue").GetString() == "Consolidation");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReviewApiTests_Sqlite(SqliteApp app) : ReviewApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReviewApiTests_Postgres(PostgresApp app) : ReviewApiTests(app);
