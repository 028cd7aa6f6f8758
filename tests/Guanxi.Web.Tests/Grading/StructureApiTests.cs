using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Grading;

/// <summary>GRD-5 through the API on both databases: every dimension's parts checked against a count made here from the tables.</summary>
public abstract class StructureApiTests(GuanxiApp app)
{
    private sealed record Part(int Count, decimal Amount, decimal Profit);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The expected parts of each dimension, worked out in memory from the customers and orders, without the app's SQL.</summary>
    private async Task<Dictionary<string, Dictionary<string, Part>>> Expected(decimal margin, DateOnly from, DateOnly to, Guid? department)
    {
        using var db = app.NewDbContext(out var scope);
        using var _ = scope;
        var customers = await db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active && (department == null || c.DepartmentId == department)).ToListAsync();
        var orders = (await db.Set<Order>().AsNoTracking().Where(o => o.OrderedAt <= to)
                .Select(o => new { o.CustomerId, o.OrderedAt, o.Amount, o.Cost, o.Kind, o.VehicleModel, o.Items }).ToListAsync())
            .ToLookup(o => o.CustomerId);
        const string Unknown = "\0";   // a key for "not recorded"
        var expected = new Dictionary<string, Dictionary<string, Part>>();
        void Add(string dimension, string? key, decimal amount, decimal profit)
        {
            var parts = expected.TryGetValue(dimension, out var p) ? p : expected[dimension] = [];
            var old = parts.GetValueOrDefault(key ?? Unknown) ?? new Part(0, 0, 0);
            parts[key ?? Unknown] = new Part(old.Count + 1, old.Amount + amount, old.Profit + profit);
        }
        foreach (var c in customers)
        {
            var inPeriod = orders[c.Id].Where(o => o.OrderedAt >= from).ToList();
            var amount = inPeriod.Sum(o => o.Amount);
            var profit = inPeriod.Sum(o => o.Cost is { } cost ? o.Amount - cost : Math.Round(o.Amount * margin, 2, MidpointRounding.AwayFromZero));
            var count = inPeriod.Count(o => o.Amount > 0);
            var latest = orders[c.Id].Where(o => o.Kind == OrderKind.Sale && o.Amount > 0)
                .Select(o => $"{D(o.OrderedAt)}|{o.VehicleModel ?? (o.Items.Count > 0 ? o.Items[0].Name : "")}").Max(StringComparer.Ordinal);
            Add("industry", c.Industry, amount, profit);
            Add("province", (c.Addresses.Count > 0 ? c.Addresses[0].Province : null), amount, profit);
            Add("city", (c.Addresses.Count > 0 ? c.Addresses[0].City : null), amount, profit);
            Add("size", c.Size, amount, profit);
            Add("product", latest is null || latest.Length <= 11 ? null : latest[11..], amount, profit);
            Add("tier", Camel(c.Tier.ToString()), amount, profit);
            Add("stage", Camel(c.Stage.ToString()), amount, profit);
            Add("orders", count switch { 0 => "0", 1 => "1", 2 => "2", <= 5 => "3-5", _ => "6+" }, amount, profit);
            Add("potential", c.Potential switch { null => "unassessed", >= 70 => "high", >= 40 => "medium", _ => "low" }, amount, profit);
        }
        return expected;
    }

    private static void Matches(Dictionary<string, Dictionary<string, Part>> expected, JsonElement report)
    {
        var total = expected["tier"].Values.Sum(p => p.Count);
        Assert.Equal(total, report.GetProperty("customers").GetInt32());
        Assert.Equal(expected["tier"].Values.Sum(p => p.Amount), report.GetProperty("amount").GetDecimal());
        Assert.Equal(expected["tier"].Values.Sum(p => p.Profit), report.GetProperty("profit").GetDecimal());
        var dimensions = report.GetProperty("dimensions").EnumerateArray().ToList();
        Assert.Equal(["industry", "province", "city", "size", "product", "tier", "stage", "orders", "potential"], dimensions.Select(d => d.GetProperty("dimension").GetString()));
        foreach (var dimension in dimensions)
        {
            var name = dimension.GetProperty("dimension").GetString()!;
            var parts = expected.GetValueOrDefault(name) ?? [];
            var rows = dimension.GetProperty("rows").EnumerateArray().ToList();
            var listed = new HashSet<string>();
            foreach (var row in rows)
            {
                var key = row.GetProperty("key").GetString() ?? "\0";
                var actual = new Part(row.GetProperty("count").GetInt32(), row.GetProperty("amount").GetDecimal(), row.GetProperty("profit").GetDecimal());
                if (key != "other")
                {
                    listed.Add(key);
                    Assert.True(parts.GetValueOrDefault(key, new Part(0, 0, 0)) == actual, $"{name} {key}: expected {parts.GetValueOrDefault(key)}, got {actual}");
                }
                Assert.Equal(total == 0 ? 0 : Math.Round(actual.Count / (double)total, 4), row.GetProperty("share").GetDouble());
            }
            var rest = parts.Where(p => !listed.Contains(p.Key)).Select(p => p.Value).ToList();
            var other = rows.Where(r => r.GetProperty("key").GetString() == "other")
                .Select(r => new Part(r.GetProperty("count").GetInt32(), r.GetProperty("amount").GetDecimal(), r.GetProperty("profit").GetDecimal())).SingleOrDefault();
            Assert.Equal(rest.Count == 0 ? null : new Part(rest.Sum(p => p.Count), rest.Sum(p => p.Amount), rest.Sum(p => p.Profit)), other);
            Assert.Equal(total, rows.Sum(r => r.GetProperty("count").GetInt32()));
        }
    }

    [Fact]
    public async Task GRD_5_structure_counts_every_dimension_in_the_database_as_a_count_made_from_the_tables_and_keeps_to_the_callers_sight()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var margin = (await sales.GetFromJsonAsync<JsonElement>("/api/grading/settings")).GetProperty("policy").GetProperty("defaultMargin").GetDecimal();
        // A customer whose latest sale is a different model from their first, with a service without a cost in the period.
        var created = await sales.PostAsJsonAsync("/api/customers", new
        {
            type = "organization", name = "结构测试物流", phones = new[] { new { kind = "mobile", number = "13700007001" } }, allowDuplicate = true,
            industry = "冷链物流", size = "大型", addresses = new[] { new { province = "西藏自治区", city = "拉萨市", district = "城关区", street = "北京中路 1 号" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customer = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var (kind, on, model, amount, cost) in new[] { ("sale", Today.AddMonths(-20), "坦克 300", 300_000m, (decimal?)270_000m), ("sale", Today.AddMonths(-2), "哈弗 H9", 250_000m, 230_000m), ("service", Today.AddDays(-3), (string?)null, 4_000m, null) })
        {
            var response = await sales.PostAsJsonAsync("/api/orders", new
            {
                kind, externalNo = $"S-{Guid.NewGuid():N}"[..20], customerId = customer, orderedAt = D(on), deliveredAt = D(on), amount, cost,
                vehicle = model is null ? null : new { model, plate = (string?)null, vin = (string?)null }, items = new[] { new { name = model ?? "保养", quantity = 1m, unitPrice = amount } },
            });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        // Without a period: the grading period's figures as the recompute leaves them (the 80/20 report's source).
        var manager = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        Assert.Equal("succeeded", (await GradingApiTests.Recompute(manager)).GetProperty("status").GetString());
        var months = (await sales.GetFromJsonAsync<JsonElement>("/api/grading/settings")).GetProperty("policy").GetProperty("periodMonths").GetInt32();
        var from = Today.AddMonths(-months).AddDays(1);
        var everyone = await manager.GetFromJsonAsync<JsonElement>("/api/reports/structure");
        Assert.Equal((D(from), D(Today)), (everyone.GetProperty("from").GetString(), everyone.GetProperty("to").GetString()));
        Assert.Equal(JsonValueKind.String, everyone.GetProperty("asOf").ValueKind);
        var expected = await Expected(margin, from, Today, null);
        Assert.Equal(new Part(1, 254_000m, 20_000m + Math.Round(4_000m * margin, 2)), expected["industry"]["冷链物流"] with { });   // the test's own count sees the customer
        Assert.Contains(expected["product"], p => p.Key == "哈弗 H9");
        Matches(expected, everyone);

        // A department manager sees their department only; a consultant gets no report; a bad period is refused per field.
        var departmentManager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var department = (await departmentManager.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("departmentId").GetGuid();
        var own = await departmentManager.GetFromJsonAsync<JsonElement>("/api/reports/structure");
        Matches(await Expected(margin, from, Today, department), own);
        Assert.True(own.GetProperty("customers").GetInt32() < everyone.GetProperty("customers").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/reports/structure")).StatusCode);
        var bad = await manager.GetAsync("/api/reports/structure?from=2026-12-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));

        // A chosen period: its orders are summed now; the customers stay the same.
        var now = await manager.GetFromJsonAsync<JsonElement>($"/api/reports/structure?from={D(from)}&to={D(Today)}");
        Assert.Equal(JsonValueKind.Null, now.GetProperty("asOf").ValueKind);
        Matches(expected, now);
        var older = await manager.GetFromJsonAsync<JsonElement>($"/api/reports/structure?from={D(Today.AddMonths(-24))}&to={D(Today.AddMonths(-12))}");
        Matches(await Expected(margin, Today.AddMonths(-24), Today.AddMonths(-12), null), older);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StructureApiTests_Sqlite(SqliteApp app) : StructureApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StructureApiTests_Postgres(PostgresApp app) : StructureApiTests(app);
