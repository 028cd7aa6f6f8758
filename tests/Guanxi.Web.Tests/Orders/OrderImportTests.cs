using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guanxi.Domain.Orders;
using Guanxi.Web.Tests.Imports;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests.Orders;

/// <summary>Orders imported through the import pipeline (ARC-10): a dealer's GBK export, and the UCI Online Retail dataset.</summary>
public abstract class OrderImportTests(GuanxiApp app)
{
    private static async Task<JsonElement> Import(HttpClient client, byte[] file, string fileName, string mode, bool onlyValid = false) =>
        await ImportApi.Finished(client, await ImportApi.Start(client, file, fileName, "orders", mode, onlyValid));

    private static (int Created, int Updated, int Rejected, int Customers) Counts(JsonElement job) =>
        (job.GetProperty("created").GetInt32(), job.GetProperty("updated").GetInt32(), job.GetProperty("rejected").GetInt32(), job.GetProperty("customersCreated").GetInt32());

    [Fact]
    public async Task ARC_10_a_dealers_GBK_export_imports_as_orders_with_new_customers_and_every_bad_line_named()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var known = await sales.PostAsJsonAsync("/api/customers", new { type = "person", name = "蒋已登记", phones = new[] { new { kind = "mobile", number = "13755550001" } }, allowDuplicate = true });
        var knownId = (await known.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = $"""
            订单号,订单类型,客户编号,客户名称,手机,下单日期,交车日期,品名,数量,单价,成本,车型,车牌
            XS{tag}01,销售,K{tag}1,韩新客,,2026/9/1,2026/9/20,哈弗 H6 2026 款,1,"139,800.00",120000,哈弗 H6,苏D8{tag[..4]}
            XS{tag}01,销售,K{tag}1,韩新客,,2026/9/1,2026/9/20,脚垫,1,¥800,,,
            WX{tag}02,售后,,,13755550001,2026-10-05,2026-10-05,首保,1,680,300,,
            XS{tag}03,销售,,,,2026-10-06,,贴膜,1,2000,,,
            XS{tag}04,销售,K{tag}2,魏退货,,2026-10-07,,脚垫,-1,800,,,
            XS{tag}05,销售,K{tag}3,沈错误,,2026-13-45,,脚垫,1,800,,,
            """;
        var file = ImportTestFiles.Gb18030.GetBytes(csv.Replace("\n", "\r\n", StringComparison.Ordinal));

        var dry = await Import(sales, file, "订单.csv", "dryRun");
        Assert.Equal((3, 0, 2, 2), Counts(dry));   // orders 01, 02, 04; customers K1, K2 new (02 is the known mobile)
        var errors = dry.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([5, 7], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Equal(("客户编号", "没有客户编号（或客户手机），无法对应到客户"), (errors[0].GetProperty("column").GetString(), errors[0].GetProperty("message").GetString()));
        Assert.Equal("下单日期", errors[1].GetProperty("column").GetString());

        var refused = await Import(sales, file, "订单.csv", "commit");
        Assert.Equal("failed", refused.GetProperty("status").GetString());
        Assert.Equal(0, (await sales.GetFromJsonAsync<JsonElement>($"/api/orders?q=XS{tag}")).GetProperty("total").GetInt32());

        var done = await Import(sales, file, "订单.csv", "commit", onlyValid: true);
        Assert.Equal((3, 0, 2, 2), Counts(done));
        var orders = (await sales.GetFromJsonAsync<JsonElement>($"/api/orders?q=XS{tag}01")).GetProperty("items")[0];
        var order = await sales.GetFromJsonAsync<JsonElement>($"/api/orders/{orders.GetProperty("id")}");
        Assert.Equal((140600m, 2, "韩新客"), (order.GetProperty("amount").GetDecimal(), order.GetProperty("items").GetArrayLength(), order.GetProperty("customerName").GetString()));
        var customer = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{order.GetProperty("customerId")}");
        Assert.Equal($"K{tag}1", customer.GetProperty("externalNo").GetString());
        var service = (await (await app.SignedInAs("cs.manager@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>($"/api/orders?customerId={knownId}")).GetProperty("items")[0];
        Assert.Equal(("service", 680m), (service.GetProperty("kind").GetString(), service.GetProperty("amount").GetDecimal()));
        var ret = (await sales.GetFromJsonAsync<JsonElement>($"/api/orders?q=XS{tag}04")).GetProperty("items")[0];
        Assert.Equal(-800m, ret.GetProperty("amount").GetDecimal());

        var again = await Import(sales, file, "订单.csv", "commit", onlyValid: true);   // the same file again: no duplicates
        Assert.Equal((0, 3, 2, 0), Counts(again));
        Assert.Equal(2, (await sales.GetFromJsonAsync<JsonElement>($"/api/orders?q=XS{tag}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ARC_10_the_Online_Retail_dataset_imports_as_its_invoices_customers_and_returns()
    {
        app.EnsureAvailable();
        var csv = OnlineRetail.Bytes();
        var expected = OnlineRetail.Facts(csv);
        Assert.Equal((541_909, 25_900, 22_190, 4_372, 135_080), (expected.Lines, expected.Invoices, expected.InvoicesWithCustomer, expected.Customers, expected.LinesWithoutCustomer));

        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var job = await Import(admin, csv, "online_retail_uci.csv", "commit", onlyValid: true);
        Assert.True(job.GetProperty("status").GetString() == "succeeded", job.ToString());
        Assert.Equal(expected.Lines, job.GetProperty("processed").GetInt32());
        Assert.Equal((expected.InvoicesWithCustomer, 0, expected.LinesWithoutCustomer, expected.Customers), Counts(job));
        Assert.All(job.GetProperty("errors").EnumerateArray().Take(100), e =>
            Assert.Equal(("CustomerID", "没有客户编号（或客户手机），无法对应到客户"), (e.GetProperty("column").GetString(), e.GetProperty("message").GetString())));

        await using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var imported = await db.Set<Order>().Where(o => db.Set<Domain.Customers.Customer>().Any(c => c.Id == o.CustomerId && c.ExternalNo != null && c.ExternalNo.Length == 5))
                .Select(o => new { o.ExternalNo, o.Amount, o.CustomerId }).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(expected.InvoicesWithCustomer, imported.Count);
            Assert.Equal(expected.Customers, imported.Select(o => o.CustomerId).Distinct().Count());
            Assert.Equal(expected.Returns, imported.Count(o => o.ExternalNo.StartsWith('C')));
            Assert.Equal(expected.Total, imported.Sum(o => o.Amount));
            Assert.Equal(expected.Invoice["536365"], imported.Single(o => o.ExternalNo == "536365").Amount);
            Assert.True(imported.Where(o => o.ExternalNo.StartsWith('C')).All(o => o.Amount <= 0));
        }

        // GRD-4 on the same orders: the 80/20 report against a plain computation over the CSV (profit = 15% of an
        // invoice without cost, rounded to the cent; the top and bottom fifths are 874 of 4,372 customers).
        var pareto = await admin.GetFromJsonAsync<JsonElement>("/api/reports/pareto?from=2010-12-01&to=2011-12-31", TestContext.Current.CancellationToken);
        var byCustomer = expected.Invoice.GroupBy(i => expected.CustomerOf[i.Key])
            .Select(g => (Profit: g.Sum(i => decimal.Round(i.Value * 0.15m, 2, MidpointRounding.AwayFromZero)), Orders: g.Count(i => i.Value > 0)))
            .OrderByDescending(c => c.Profit).ToList();
        var profits = byCustomer.Select(c => c.Profit).ToList();
        var fifth = (int)Math.Round(profits.Count * 0.2m, MidpointRounding.AwayFromZero);
        Assert.Equal((4_372, 874), (pareto.GetProperty("customers").GetInt32(), fifth));
        Assert.Equal(profits.Sum(), pareto.GetProperty("profit").GetDecimal());
        Assert.Equal((double)(profits.Take(fifth).Sum() / profits.Sum()), pareto.GetProperty("top20ProfitShare").GetDouble(), 9);
        var bottom = profits.TakeLast(fifth).ToList();
        Assert.Equal(bottom.Sum(), pareto.GetProperty("bottom20").GetProperty("profit").GetDecimal());
        Assert.Equal(fifth, pareto.GetProperty("bottom20").GetProperty("customers").GetInt32());
        Assert.InRange(pareto.GetProperty("top20ProfitShare").GetDouble(), 0.70, 0.80);   // the retailer's real 80/20: about three quarters
        var curve = pareto.GetProperty("curve").EnumerateArray().ToList();
        Assert.Equal((1.0, 1.0), (curve[^1].GetProperty("customerShare").GetDouble(), curve[^1].GetProperty("profitShare").GetDouble()));
        var letGo = byCustomer.TakeLast(fifth).Count(c => c.Profit - c.Orders * 200m <= 0);   // cost to serve: ¥200 an order by default
        Assert.Equal(letGo, pareto.GetProperty("bottom20").GetProperty("count").GetInt32());
    }
}

/// <summary>The UCI Online Retail dataset and what a plain reading of its CSV says about it, computed here independently of the import.</summary>
internal static class OnlineRetail
{
    public sealed record Expected(int Lines, int Invoices, int InvoicesWithCustomer, int Customers, int LinesWithoutCustomer, int Returns, decimal Total,
        IReadOnlyDictionary<string, decimal> Invoice, IReadOnlyDictionary<string, string> CustomerOf);

    public static byte[] Bytes()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Orders", "Data", "online_retail_uci.csv.gz");
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Counts and sums by splitting each line on commas outside quotes; an invoice's amount is the sum of its lines' quantity × price, each rounded to the cent.</summary>
    public static Expected Facts(byte[] csv)
    {
        var invoices = new HashSet<string>();
        var amounts = new Dictionary<string, decimal>();
        var customers = new HashSet<string>();
        var customerOf = new Dictionary<string, string>();
        var (lines, without) = (0, 0);
        using var reader = new StreamReader(new MemoryStream(csv), Encoding.UTF8);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var cells = Split(line);
            lines++;
            invoices.Add(cells[0]);
            if (cells[6].Length == 0)
            {
                without++;
                continue;
            }
            customers.Add(cells[6]);
            customerOf[cells[0]] = cells[6];
            var amount = decimal.Round(decimal.Parse(cells[3], CultureInfo.InvariantCulture) * decimal.Parse(cells[5], CultureInfo.InvariantCulture), 2);
            amounts[cells[0]] = amounts.GetValueOrDefault(cells[0]) + amount;
        }
        return new Expected(lines, invoices.Count, amounts.Count, customers.Count, without, amounts.Keys.Count(k => k.StartsWith('C')), amounts.Values.Sum(), amounts, customerOf);
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
                (cell, i) = (cell.Append('"'), i + 1);
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                (cells, cell) = (Add(cells, cell.ToString()), new StringBuilder());
            else
                cell.Append(c);
        }
        return Add(cells, cell.ToString());
    }

    private static List<string> Add(List<string> cells, string cell)
    {
        cells.Add(cell);
        return cells;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrderImportTests_Sqlite(SqliteApp app) : OrderImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OrderImportTests_Postgres(PostgresApp app) : OrderImportTests(app);
