using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Web.Tests.Infrastructure;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Grading;

/// <summary>GRD-6 through the API on both databases: a customer's value from their own orders, checked against figures worked out here.</summary>
public abstract class ValueApiTests(GuanxiApp app)
{
    private static string Money(decimal amount) => amount.ToString("¥#,##0.00;-¥#,##0.00", CultureInfo.InvariantCulture);

    private sealed record Placed(DateOnly On, decimal Amount, decimal Profit);

    [Fact]
    public async Task GRD_6_current_value_uplift_potential_value_with_its_formula_and_quarters_follow_from_the_customers_orders()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var margin = (await sales.GetFromJsonAsync<JsonElement>("/api/grading/settings")).GetProperty("policy").GetProperty("defaultMargin").GetDecimal();
        var created = await sales.PostAsJsonAsync("/api/customers", new { type = "person", name = "卫价值", phones = new[] { new { kind = "mobile", number = "13700006001" } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customer = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // A car two and a half years ago, services since, one without a cost (the default margin counts), and a return.
        var placed = new List<Placed>();
        async Task Order(string kind, DateOnly on, decimal amount, decimal? cost)
        {
            var response = await sales.PostAsJsonAsync("/api/orders", new
            {
                kind, externalNo = $"V-{Guid.NewGuid():N}"[..20], customerId = customer, orderedAt = D(on), deliveredAt = D(on), amount, cost,
                items = new[] { new { name = kind == "sale" ? "哈弗 H6" : "保养", quantity = amount < 0 ? -1m : 1m, unitPrice = Math.Abs(amount) } },
            });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            placed.Add(new Placed(on, amount, cost is { } c ? amount - c : Math.Round(amount * margin, 2, MidpointRounding.AwayFromZero)));
        }
        await Order("sale", Today.AddMonths(-30), 150_000m, 138_000m);
        await Order("service", Today.AddMonths(-18), 2_000m, null);
        await Order("service", Today.AddMonths(-6), 3_000m, 1_800m);
        await Order("service", Today.AddDays(-10), 1_000m, null);
        await Order("service", Today.AddDays(-5), -500m, null);

        var lifecycle = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/lifecycle");
        Assert.Equal("repeat", lifecycle.GetProperty("stage").GetString());   // 3 orders in 24 months: below loyal, so r = 0.70
        var value = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/value");

        var current = placed.Where(o => o.On > Today.AddMonths(-12)).Sum(o => o.Profit);
        var previous = placed.Where(o => o.On > Today.AddMonths(-24) && o.On <= Today.AddMonths(-12)).Sum(o => o.Profit);
        Assert.Equal(1_200m + 1_000m * margin - 500m * margin, current);
        Assert.Equal(current, value.GetProperty("currentValue").GetDecimal());
        Assert.Equal(previous, value.GetProperty("previousValue").GetDecimal());
        Assert.Equal(Math.Round((current - previous) / previous, 4), value.GetProperty("uplift").GetDecimal());

        var lifetime = placed.Sum(o => o.Profit);
        var years = Math.Round((Today.DayNumber - Today.AddMonths(-30).DayNumber) / 365.25m, 2);
        var yearly = Math.Round(lifetime / years, 2);
        var potential = Math.Round(yearly * 0.70m / (1m + 0.08m - 0.70m), 2);
        var model = value.GetProperty("model");
        Assert.Equal((lifetime, years, yearly, 0.70m, 0.08m), (model.GetProperty("lifetimeProfit").GetDecimal(), model.GetProperty("years").GetDecimal(),
            model.GetProperty("yearlyProfit").GetDecimal(), model.GetProperty("retention").GetDecimal(), model.GetProperty("discountRate").GetDecimal()));
        Assert.Equal(D(Today.AddMonths(-30)), model.GetProperty("firstOrderAt").GetString());
        Assert.Equal(potential, value.GetProperty("potentialValue").GetDecimal());
        var formula = value.GetProperty("formula").GetString()!;
        Assert.StartsWith("潜在价值 = 年均利润 m × 留存率 r ÷ (1 + 折现率 d − r)", formula);
        Assert.EndsWith($"{Money(yearly)} × 0.70 ÷ (1 + 0.08 − 0.70) = {Money(potential)}", formula);
        Assert.Contains(value.GetProperty("explanation").EnumerateArray(), l => l.GetString()!.Contains($"累计利润 {Money(lifetime)} ÷ 合作 {years.ToString("0.00", CultureInfo.InvariantCulture)} 年", StringComparison.Ordinal));

        // The last 8 calendar quarters, this one last, each with its orders' amount and profit.
        var thisQuarter = new DateOnly(Today.Year, (Today.Month - 1) / 3 * 3 + 1, 1);
        var expected = Enumerable.Range(0, 8).Reverse().Select(k => thisQuarter.AddMonths(-3 * k)).Select(start =>
        {
            var inside = placed.Where(o => o.On >= start && o.On < start.AddMonths(3)).ToList();
            return ($"{start.Year}Q{(start.Month + 2) / 3}", inside.Sum(o => o.Amount), inside.Sum(o => o.Profit));
        }).ToList();
        Assert.Equal(expected, value.GetProperty("quarters").EnumerateArray()
            .Select(q => (q.GetProperty("quarter").GetString()!, q.GetProperty("amount").GetDecimal(), q.GetProperty("profit").GetDecimal())).ToList());
        Assert.Equal(placed.Where(o => o.On >= thisQuarter.AddMonths(-21)).Sum(o => o.Amount), expected.Sum(q => q.Item2));

        // In English when asked; the same sight as the grade: the manager sees it, the other branch and an unknown id get 404.
        var english = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var en = await english.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/value");
        Assert.StartsWith("Potential value = yearly profit m × retention r ÷ (1 + discount rate d − r)", en.GetProperty("formula").GetString());
        Assert.Equal(potential, en.GetProperty("potentialValue").GetDecimal());
        var other = await app.SignedInAs("sales2@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/customers/{customer}/grade")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/customers/{customer}/value")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"/api/customers/{Guid.NewGuid()}/value")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/customers/{customer}/value")).StatusCode);
    }

    [Fact]
    public async Task GRD_6_a_prospect_without_orders_has_no_value_yet()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var created = await sales.PostAsJsonAsync("/api/customers", new { type = "person", name = "卫潜客", phones = new[] { new { kind = "mobile", number = "13700006002" } }, allowDuplicate = true });
        var customer = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var value = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/value");
        Assert.Equal((0m, 0m, JsonValueKind.Null), (value.GetProperty("currentValue").GetDecimal(), value.GetProperty("potentialValue").GetDecimal(), value.GetProperty("uplift").ValueKind));
        Assert.Equal("potential", value.GetProperty("model").GetProperty("stage").GetString());
        Assert.Contains("尚无成交", value.GetProperty("explanation")[0].GetString());
        Assert.Equal(8, value.GetProperty("quarters").GetArrayLength());
        Assert.All(value.GetProperty("quarters").EnumerateArray(), q => Assert.Equal(0m, q.GetProperty("amount").GetDecimal()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ValueApiTests_Sqlite(SqliteApp app) : ValueApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ValueApiTests_Postgres(PostgresApp app) : ValueApiTests(app);
