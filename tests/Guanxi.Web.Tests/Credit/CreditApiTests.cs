using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Web.Features.Credit;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Credit;

/// <summary>ARC-5 credit and ARC-7 watch lists through the API on both databases, with a fake clock for the night an instalment falls overdue.</summary>
public abstract class CreditApiTests(GuanxiApp app)
{
    private static async Task<Guid> Firm(HttpClient client, string name, string mobile)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "organization", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A fleet sale paid in two instalments: one today, one on <paramref name="secondDue"/>, unpaid.</summary>
    private static async Task Fleet(HttpClient client, Guid customer, DateOnly secondDue)
    {
        var response = await client.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = $"C-{Guid.NewGuid():N}"[..20], customerId = customer, orderedAt = D(Today), deliveredAt = D(Today), amount = 600_000m,
            items = new[] { new { name = "哈弗 H6 × 4", quantity = 4m, unitPrice = 150_000m } },
            payments = new[] { new { dueAt = D(Today), paidAt = (string?)D(Today), amount = 300_000m }, new { dueAt = D(secondDue), paidAt = (string?)null, amount = 300_000m } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task Night(DateOnly day, Guid customer)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 20)), TimeSpan.FromHours(8)).ToUniversalTime());
        using var scope = app.Services.CreateScope();
        var evaluate = ActivatorUtilities.CreateInstance<EvaluateCredit>(scope.ServiceProvider, new EnterpriseClock(time, Shanghai), (TimeProvider)time);
        await evaluate.Handle(Actor.System(ActorCause.Nightly), [customer]);
    }

    private static async Task<JsonElement> Credit(HttpClient client, Guid customer) => await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/credit");

    private static async Task<List<string>> Inbox(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/notifications?take=200")).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("title").GetString()!)];

    [Fact]
    public async Task ARC_7_a_risky_customer_falling_overdue_notifies_the_owner_and_the_department_manager()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var name = $"龙城出租{Guid.NewGuid():N}"[..10];
        var customer = await Firm(sales, name, "13700004001");
        var manager = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        async Task<bool> OnRiskList() => (await manager.GetFromJsonAsync<JsonElement>("/api/watchlists/risk?take=1000")).EnumerateArray().Any(r => r.GetProperty("customerId").GetGuid() == customer);
        Assert.False(await OnRiskList());   // not rated, nothing overdue
        var flagged = await sales.PutAsJsonAsync($"/api/customers/{customer}/business-conditions", new { conditions = new[] { "debts" } });
        Assert.Equal(HttpStatusCode.OK, flagged.StatusCode);
        Assert.Equal("B", (await Credit(sales, customer)).GetProperty("level").GetString());   // a flag caps the level at B: a risky customer
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.PutAsJsonAsync($"/api/customers/{customer}/business-conditions", new { conditions = new[] { "weather" } })).StatusCode);

        await Fleet(sales, customer, Today.AddDays(1));
        Assert.True(await OnRiskList());
        var title = $"客户逾期未付：{name}";
        Assert.DoesNotContain(title, await Inbox(sales));

        await Night(Today.AddDays(1), customer);   // due today: not overdue yet
        Assert.DoesNotContain(title, await Inbox(sales));
        await Night(Today.AddDays(2), customer);   // the night after: overdue
        Assert.Equal(300_000m, (await Credit(sales, customer)).GetProperty("overdueAmount").GetDecimal());
        using (var scope = app.Services.CreateScope())   // the record keeps the day the overdue began: its days are counted when it is read
            Assert.Equal(Today.AddDays(1), (await scope.ServiceProvider.GetRequiredService<Guanxi.Web.Data.GuanxiDbContext>().Set<CustomerCredit>().FindAsync(customer))!.OverdueSince);
        Assert.Contains(title, await Inbox(sales));
        var departmentManager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        Assert.Contains(title, await Inbox(departmentManager));
        Assert.DoesNotContain(title, await Inbox(await app.SignedInAs("service.manager@demo.guanxi.cn")));   // another department's manager
        await Night(Today.AddDays(3), customer);   // still overdue: no second alert
        Assert.Single(await Inbox(sales), t => t == title);

        var first = (await sales.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true")).GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await sales.PostAsync($"/api/notifications/{first}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await departmentManager.PostAsync($"/api/notifications/{first}/read", null)).StatusCode);   // not theirs
    }

    [Fact]
    public async Task ARC_5_no_payment_history_is_not_rated_on_the_credit_tab_the_customer_and_the_list()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var name = $"未评定{Guid.NewGuid():N}"[..10];
        var customer = await Firm(sales, name, "13700004003");
        await Night(Today, customer);
        var credit = await Credit(sales, customer);
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, 0), (credit.GetProperty("level").ValueKind, credit.GetProperty("computed").ValueKind, credit.GetProperty("due").GetInt32()));
        Assert.Equal("尚无付款记录，未评定", credit.GetProperty("reason").GetString());
        Assert.Equal(0, credit.GetProperty("history").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}")).GetProperty("credit").ValueKind);
        var row = (await sales.GetFromJsonAsync<JsonElement>($"/api/customers?q={name}")).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == customer);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("credit").ValueKind);
        using (var english = new HttpRequestMessage(HttpMethod.Get, $"/api/customers/{customer}/credit"))
        {
            english.Headers.AcceptLanguage.ParseAdd("en");
            Assert.Equal("No payment history yet: not rated", (await (await sales.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        }

        // The first instalment falls due and is paid on time: rated by the rule table, from not rated, in the history.
        await Fleet(sales, customer, Today.AddMonths(1));
        credit = await Credit(sales, customer);
        Assert.Equal(("AAA", 1), (credit.GetProperty("level").GetString(), credit.GetProperty("due").GetInt32()));
        var change = credit.GetProperty("history")[0];
        Assert.Equal((JsonValueKind.Null, "AAA"), (change.GetProperty("from").ValueKind, change.GetProperty("to").GetString()));

        // The demo's customers who never bought nor had a service are not rated either.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Guanxi.Web.Data.GuanxiDbContext>();
        var buyers = db.Set<Domain.Orders.Order>().Select(o => o.CustomerId);
        var prospects = (await db.Set<Domain.Customers.Customer>().AsNoTracking()
                .Where(c => c.Status == Domain.Customers.CustomerStatus.Active && !buyers.Contains(c.Id) && !c.CreditManual).ToListAsync())
            .Where(c => c.BusinessConditions.Count == 0).Select(c => c.Credit).ToList();
        Assert.NotEmpty(prospects);
        Assert.All(prospects, Assert.Null);
    }

    [Fact]
    public async Task ARC_5_a_manual_adjustment_needs_the_right_and_a_reason_and_is_in_the_credit_history()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Firm(sales, "常州公交集团", "13700004002");
        Assert.Equal((JsonValueKind.Null, false), ((await Credit(sales, customer)).GetProperty("level").ValueKind, (await Credit(sales, customer)).GetProperty("manual").GetBoolean()));

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsJsonAsync($"/api/customers/{customer}/credit/adjust", new { level = "AAA", reason = "老客户" })).StatusCode);
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var bad = await manager.PostAsJsonAsync($"/api/customers/{customer}/credit/adjust", new { level = "D", reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("level", out _) && errors.TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("sales2@demo.guanxi.cn")).PostAsJsonAsync($"/api/customers/{customer}/credit/adjust", new { level = "C", reason = "x" })).StatusCode);

        var adjusted = await manager.PostAsJsonAsync($"/api/customers/{customer}/credit/adjust", new { level = "AA", reason = "市属国企，付款有财政保障" });
        Assert.Equal(HttpStatusCode.OK, adjusted.StatusCode);
        var credit = await Credit(sales, customer);
        Assert.Equal(("AA", true), (credit.GetProperty("level").GetString(), credit.GetProperty("manual").GetBoolean()));
        var change = credit.GetProperty("history")[0];
        Assert.Equal((null, "AA", true), (change.GetProperty("from").GetString(), change.GetProperty("to").GetString(), change.GetProperty("manual").GetBoolean()));   // from not rated
        Assert.Equal("人工调整：市属国企，付款有财政保障", change.GetProperty("reason").GetString());

        // The record changes (half the instalments due are ¥300,000 overdue for 20 days): the rules take over again, and that change is in the history too.
        await Fleet(sales, customer, Today.AddDays(-20));
        credit = await Credit(sales, customer);
        Assert.Equal(("C", false), (credit.GetProperty("level").GetString(), credit.GetProperty("manual").GetBoolean()));
        Assert.Contains("人工调整不再适用", credit.GetProperty("history")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ARC_5_only_administrators_edit_the_rule_table_and_bad_tables_are_refused()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var rules = await admin.GetFromJsonAsync<JsonElement>("/api/credit/settings");
        Assert.Equal("AAA", rules.GetProperty("rules")[0].GetProperty("level").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("cs.manager@demo.guanxi.cn")).PutAsJsonAsync("/api/credit/settings", rules)).StatusCode);
        var bad = await admin.PutAsJsonAsync("/api/credit/settings", new { rules = new[] { new { level = "AAA", minOnTimePercent = 98m, maxOverdueAmount = 0m, maxOverdueDays = 0, flagsAllowed = false } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/credit/settings", rules)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("sales@demo.guanxi.cn")).GetAsync("/api/watchlists/big")).StatusCode);
        Assert.True((await (await app.SignedInAs("gm@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/watchlists/big")).GetArrayLength() > 0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CreditApiTests_Sqlite(SqliteApp app) : CreditApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CreditApiTests_Postgres(PostgresApp app) : CreditApiTests(app);
