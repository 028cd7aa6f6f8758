using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Web.Features.Lifecycle;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Lifecycle;

/// <summary>LIF-1..3 and GRD-7 through the API on both databases, with a fake clock for the nights that pass.</summary>
public abstract class LifecycleApiTests(GuanxiApp app)
{
    private static async Task<Guid> Customer(HttpClient client, string name, string mobile)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task Order(HttpClient client, Guid customer, string kind, DateOnly on)
    {
        var response = await client.PostAsJsonAsync("/api/orders", new
        {
            kind, externalNo = $"L-{Guid.NewGuid():N}"[..20], customerId = customer, orderedAt = D(on), deliveredAt = D(on), amount = 5000m,
            items = new[] { new { name = kind == "sale" ? "哈弗 H6" : "首保", quantity = 1m, unitPrice = 5000m } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> Lifecycle(HttpClient client, Guid customer) => await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/lifecycle");

    /// <summary>The nightly update as it would run on <paramref name="day"/>: the app's own use case on its database, with the clock set to that day.</summary>
    private async Task Night(DateOnly day, Guid customer)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 15)), TimeSpan.FromHours(8)).ToUniversalTime());
        using var scope = app.Services.CreateScope();
        var update = ActivatorUtilities.CreateInstance<UpdateLifecycle>(scope.ServiceProvider, new EnterpriseClock(time, Shanghai), (TimeProvider)time);
        await update.Handle(LifecycleJob.Nightly, [customer]);   // only this customer: the other tests share the database
    }

    [Fact]
    public async Task LIF_1_one_order_is_first_purchase_a_second_repeat_inactivity_churns_and_a_new_order_brings_them_back_each_step_recorded()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "郑周期", "13700003001");
        Assert.Equal("potential", (await Lifecycle(sales, customer)).GetProperty("stage").GetString());

        await Order(sales, customer, "sale", Today.AddDays(-10));
        var first = await Lifecycle(sales, customer);
        Assert.Equal(("firstPurchase", D(Today.AddDays(-10))), (first.GetProperty("stage").GetString(), first.GetProperty("since").GetString()));
        // LIF-2: the care call, due 3 days after delivery, is on the owner's task list.
        var care = Assert.Single(first.GetProperty("tasks").EnumerateArray());
        Assert.Equal(("careCall", D(Today.AddDays(-7)), true), (care.GetProperty("kind").GetString(), care.GetProperty("dueOn").GetString(), care.GetProperty("overdue").GetBoolean()));

        await Order(sales, customer, "service", Today.AddDays(-3));
        Assert.Equal("repeat", (await Lifecycle(sales, customer)).GetProperty("stage").GetString());

        // Nights pass without an order: one year after the last one (the floor; 7 days × 2.5 is shorter) the customer is churned.
        var churnOn = Today.AddDays(-3).AddMonths(12).AddDays(1);
        await Night(churnOn.AddDays(-1), customer);
        Assert.Equal("repeat", (await Lifecycle(sales, customer)).GetProperty("stage").GetString());
        await Night(churnOn, customer);
        var churned = await Lifecycle(sales, customer);
        Assert.Equal(("churned", D(churnOn)), (churned.GetProperty("stage").GetString(), churned.GetProperty("since").GetString()));
        Assert.Contains(churned.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("kind").GetString() == "winBack" && t.GetProperty("dueOn").GetString() == D(churnOn.AddDays(14)));

        // LIF-3: the owner records why; a wrong code is refused per field; the other branch's consultant does not see the customer.
        var bad = await sales.PutAsJsonAsync($"/api/customers/{customer}/churn-reason", new { reason = "weather" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("sales2@demo.guanxi.cn")).PutAsJsonAsync($"/api/customers/{customer}/churn-reason", new { reason = "price" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await sales.PutAsJsonAsync($"/api/customers/{customer}/churn-reason", new { reason = "competitor", note = "在4S店对面的同品牌店做了保养" })).StatusCode);
        Assert.Equal("competitor", (await Lifecycle(sales, customer)).GetProperty("churnReason").GetString());

        // A new order brings them back.
        await Order(sales, customer, "service", Today);
        var back = await Lifecycle(sales, customer);
        Assert.Equal(("repeat", D(Today)), (back.GetProperty("stage").GetString(), back.GetProperty("since").GetString()));
        var steps = back.GetProperty("history").EnumerateArray().Reverse().Select(h => $"{h.GetProperty("from").GetString()}→{h.GetProperty("to").GetString()}").ToList();
        Assert.Equal(["potential→firstPurchase", "firstPurchase→repeat", "repeat→churned", "churned→repeat"], steps);
        Assert.Contains("超过流失界限", back.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("to").GetString() == "churned").GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.PutAsJsonAsync($"/api/customers/{customer}/churn-reason", new { reason = "price" })).StatusCode);   // no longer churned

        // The churn report counts the churn by its reason, in the period it took effect.
        var manager = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var report = await manager.GetFromJsonAsync<JsonElement>($"/api/reports/churn?from={D(churnOn)}&to={D(churnOn)}");
        Assert.Contains(report.GetProperty("byReason").EnumerateArray(), r => r.GetProperty("reason").GetString() == "competitor" && r.GetProperty("count").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/reports/churn")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/reports/churn?from=2026-12-01&to=2026-01-01")).StatusCode);
    }

    [Fact]
    public async Task LIF_3_the_churn_report_counts_a_churn_by_its_reason_tier_type_and_month()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "钱远行", "13700003004");
        await Order(sales, customer, "sale", Today.AddDays(-30));
        var churnOn = Today.AddDays(-30).AddMonths(12).AddDays(1);
        await Night(churnOn, customer);
        Assert.Equal(HttpStatusCode.NoContent, (await sales.PutAsJsonAsync($"/api/customers/{customer}/churn-reason", new { reason = "moved", note = "调往成都工作" })).StatusCode);

        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");   // the customer's department
        var report = await manager.GetFromJsonAsync<JsonElement>($"/api/reports/churn?from={D(churnOn)}&to={D(churnOn)}");
        Assert.True(report.GetProperty("churned").GetInt32() >= 1);
        Assert.Contains(report.GetProperty("byReason").EnumerateArray(), r => r.GetProperty("reason").GetString() == "moved" && r.GetProperty("count").GetInt32() >= 1);
        Assert.Contains(report.GetProperty("byTier").EnumerateArray(), r => r.GetProperty("kind").GetString() == "普通客户" && r.GetProperty("churned").GetInt32() >= 1);
        Assert.Contains(report.GetProperty("byType").EnumerateArray(), r => r.GetProperty("kind").GetString() == "个人客户" && r.GetProperty("churned").GetInt32() >= 1);
        var month = Assert.Single(report.GetProperty("byMonth").EnumerateArray());
        Assert.Equal((churnOn.ToString("yyyy-MM", CultureInfo.InvariantCulture), true), (month.GetProperty("month").GetString(), month.GetProperty("churned").GetInt32() >= 1));
        Assert.Equal(ChurnReport.CohortMonths, report.GetProperty("cohorts")[0].GetProperty("retained").GetArrayLength());
    }

    [Fact]
    public async Task LIF_2_the_owner_sees_the_care_call_in_my_tasks_and_completes_it_once_with_what_came_of_it()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "冯关怀", "13700003002");
        await Order(sales, customer, "sale", Today.AddDays(-1));
        var mine = await sales.GetFromJsonAsync<JsonElement>("/api/tasks?mine=true&state=open&kind=careCall");
        var task = mine.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("customerId").GetGuid() == customer);
        Assert.Equal(D(Today.AddDays(2)), task.GetProperty("dueOn").GetString());
        var id = task.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("sales2@demo.guanxi.cn")).PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = "x" })).StatusCode);
        var empty = await sales.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("outcome", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await sales.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = "客户对交车满意，已预约首保" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await sales.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = "再来一次" })).StatusCode);
        var done = await sales.GetFromJsonAsync<JsonElement>("/api/tasks?mine=true&state=done");
        Assert.Contains(done.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == id && t.GetProperty("outcome").GetString() == "客户对交车满意，已预约首保");
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.GetAsync("/api/tasks?state=later")).StatusCode);

        // The department manager sees the department's tasks, the consultant only their own.
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var all = await manager.GetFromJsonAsync<JsonElement>("/api/tasks?mine=false&state=done&take=500");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task GRD_7_the_owner_sets_a_prospects_level_and_bad_levels_are_refused()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "韩潜客", "13700003003");
        Assert.Equal(HttpStatusCode.NoContent, (await sales.PutAsJsonAsync($"/api/customers/{customer}/prospect-level", new { level = "key" })).StatusCode);
        Assert.Equal("key", (await Lifecycle(sales, customer)).GetProperty("prospectLevel").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.PutAsJsonAsync($"/api/customers/{customer}/prospect-level", new { level = "gold" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("gm@demo.guanxi.cn")).PutAsJsonAsync($"/api/customers/{customer}/prospect-level", new { level = "seed" })).StatusCode);
    }

    [Fact]
    public async Task LIF_1_only_administrators_set_the_thresholds_and_bad_ones_are_refused_per_field()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var current = await admin.GetFromJsonAsync<JsonElement>("/api/lifecycle/settings");
        Assert.Equal(4, current.GetProperty("loyalOrders").GetInt32());
        var bad = await admin.PutAsJsonAsync("/api/lifecycle/settings", new { loyalOrders = 1, loyalMonths = 24, churnMultiple = 0.5m, churnFloorMonths = 12, careCallDays = 3, winBackDays = 14 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("loyalOrders", out _) && errors.TryGetProperty("churnMultiple", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("cs.manager@demo.guanxi.cn")).PutAsJsonAsync("/api/lifecycle/settings", current)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/lifecycle/settings", current)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LifecycleApiTests_Sqlite(SqliteApp app) : LifecycleApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LifecycleApiTests_Postgres(PostgresApp app) : LifecycleApiTests(app);
