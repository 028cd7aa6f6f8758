using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guanxi.Domain.Stock;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Features.Stock;
using Guanxi.Web.Tests.Imports;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Stock;

/// <summary>SVC-10 distributors' stock through the API on both databases: counts recorded and read back with their sell-through, the night's proposals, the report, rights and bad input.</summary>
public abstract class StockApiTests(GuanxiApp app)
{
    private static async Task<Guid> Distributor(HttpClient client, string name, bool trade = true)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "organization", name, tradeCustomer = trade, phones = new[] { new { kind = "mobile", number = $"1360{Random.Shared.Next(0, 10_000_000):D7}" } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task Deliver(HttpClient client, Guid customer, string product, decimal quantity, DateOnly on)
    {
        var response = await client.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = $"KC-{Guid.NewGuid():N}"[..20], customerId = customer, orderedAt = D(on.AddDays(-2)), deliveredAt = D(on),
            items = new[] { new { name = product, quantity, unitPrice = 100m } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> Count(HttpClient client, Guid customer, DateOnly on, params (string Product, decimal Quantity)[] lines) =>
        client.PostAsJsonAsync($"/api/customers/{customer}/stock", new { countedOn = D(on), lines = lines.Select(l => new { product = l.Product, quantity = l.Quantity }) });

    private static JsonElement Line(JsonElement stock, string product) =>
        stock.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("product").GetString() == product);

    private async Task<SlowStockRun> Night()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CheckSlowStock>().Handle();
    }

    private async Task<List<CustomerTask>> Proposals(Guid customer)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            return await db.Set<CustomerTask>().AsNoTracking().Where(t => t.CustomerId == customer && t.Kind == CustomerTaskKind.SellThrough).ToListAsync();
    }

    private async Task<int> Counts(Guid customer)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            return await db.Set<StockCount>().CountAsync(s => s.CustomerId == customer);
    }

    [Fact]
    public async Task SVC10_a_count_is_recorded_and_read_back_with_its_sell_through_and_cover()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Distributor(sales, "常州润达汽配贸易有限公司");
        Assert.Equal(HttpStatusCode.Created, (await Count(sales, customer, Today.AddDays(-28), ("机油 5W-30", 40), ("空气滤清器", 10))).StatusCode);
        await Deliver(sales, customer, "机油 5W-30", 20, Today.AddDays(-14));
        var recorded = await Count(sales, customer, Today, ("机油 5W-30", 32), ("空气滤清器", 10));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal($"/api/customers/{customer}/stock", recorded.Headers.Location?.OriginalString);

        var stock = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/stock");
        Assert.Equal((60, 12, true), (stock.GetProperty("stillDays").GetInt32(), stock.GetProperty("coverWeeks").GetInt32(), stock.GetProperty("canRecord").GetBoolean()));
        var oil = Line(stock, "机油 5W-30");
        Assert.Equal((32m, D(Today), 20m, 28m, 7m, 4.6m), (oil.GetProperty("quantity").GetDecimal(), oil.GetProperty("countedOn").GetString(), oil.GetProperty("delivered").GetDecimal(),
            oil.GetProperty("sellThrough").GetDecimal(), oil.GetProperty("weeklySellThrough").GetDecimal(), oil.GetProperty("coverWeeks").GetDecimal()));
        Assert.Equal(("api", false, JsonValueKind.Null), (oil.GetProperty("source").GetString(), oil.GetProperty("slow").GetBoolean(), oil.GetProperty("reason").ValueKind));
        Assert.False(string.IsNullOrEmpty(oil.GetProperty("countedBy").GetString()));
        var filter = Line(stock, "空气滤清器");   // nothing sold in 28 days: no cover, still for 28 days, not yet slow
        Assert.Equal((JsonValueKind.Null, 28, false), (filter.GetProperty("coverWeeks").ValueKind, filter.GetProperty("daysWithoutMovement").GetInt32(), filter.GetProperty("slow").GetBoolean()));
        Assert.Equal(4, stock.GetProperty("recent").GetArrayLength());

        // The same product counted again that day corrects it; leadership reads but does not record; another branch does not see it.
        Assert.Equal(HttpStatusCode.Created, (await Count(sales, customer, Today, ("机油 5w-30", 30))).StatusCode);
        Assert.Equal(4, await Counts(customer));
        Assert.Equal(30m, Line(await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/stock"), "机油 5W-30").GetProperty("quantity").GetDecimal());
        var gm = await app.SignedInAs("gm@demo.guanxi.cn");
        var read = await gm.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/stock");
        Assert.False(read.GetProperty("canRecord").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await Count(gm, customer, Today, ("机油 5W-30", 1))).StatusCode);
        var elsewhere = await app.SignedInAs("sales2@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/customers/{customer}/stock")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Count(elsewhere, customer, Today, ("机油 5W-30", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"/api/customers/{Guid.NewGuid()}/stock")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/customers/{customer}/stock")).StatusCode);
        Assert.Equal(30m, Line(await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/stock"), "机油 5W-30").GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task SVC10_bad_input_is_refused_per_field_and_changes_nothing()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Distributor(sales, "常州恒通汽车贸易有限公司");

        async Task<string> Refused(HttpResponseMessage response, HttpStatusCode status)
        {
            Assert.Equal(status, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        var future = await Refused(await Count(sales, customer, Today.AddDays(1), ("机油", 1)), HttpStatusCode.BadRequest);
        Assert.Contains("countedOn", future);
        Assert.Contains("盘点日期不能晚于今天", future);
        var lines = await Refused(await Count(sales, customer, Today, ("", 1), ("机油", -1), ("刹车片", 1_000_000_001), (new string('长', 201), 1), ("机油", 2)), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "lines[0].product", "lines[1].quantity", "lines[2].quantity", "lines[3].product", "lines[4].product" })
            Assert.Contains(field, lines);
        Assert.Contains("重复", lines);
        Assert.Contains("lines", await Refused(await sales.PostAsJsonAsync($"/api/customers/{customer}/stock", new { countedOn = D(Today), lines = Array.Empty<object>() }), HttpStatusCode.BadRequest));
        Assert.Contains("countedOn", await Refused(await sales.PostAsJsonAsync($"/api/customers/{customer}/stock", new { countedOn = "yesterday", lines = new[] { new { product = "机油", quantity = 1 } } }), HttpStatusCode.BadRequest));
        Assert.Contains("quantity", await Refused(await sales.PostAsJsonAsync($"/api/customers/{customer}/stock", new { countedOn = D(Today), lines = new[] { new { product = "机油", quantity = "many" } } }), HttpStatusCode.BadRequest));
        var english = await app.SignedInAs("sales@demo.guanxi.cn");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Contains("cannot be in the future", await Refused(await Count(english, customer, Today.AddDays(3), ("机油", 1)), HttpStatusCode.BadRequest));
        Assert.Equal(0, await Counts(customer));

        var person = await Distributor(sales, "非经销商客户", trade: false);
        var notTrade = await Refused(await Count(sales, person, Today, ("机油", 1)), HttpStatusCode.Conflict);
        Assert.Contains("经销商", notTrade);
        Assert.Equal(HttpStatusCode.Conflict, (await sales.GetAsync($"/api/customers/{person}/stock")).StatusCode);
        Assert.Equal(0, await Counts(person));
    }

    [Fact]
    public async Task SVC10_slow_stock_gets_one_sell_through_proposal_from_the_night_and_shows_in_the_managers_report()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Distributor(sales, "常州永盛汽车贸易有限公司");
        Assert.Equal(HttpStatusCode.Created, (await Count(sales, customer, Today.AddDays(-75), ("蓄电池 60Ah", 18), ("雨刮片", 50))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Count(sales, customer, Today.AddDays(-5), ("蓄电池 60Ah", 18), ("雨刮片", 20))).StatusCode);

        var stock = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/stock");
        var battery = Line(stock, "蓄电池 60Ah");
        Assert.Equal((true, "noMovement", "promotion", 75), (battery.GetProperty("slow").GetBoolean(), battery.GetProperty("reason").GetString(),
            battery.GetProperty("suggestion").GetString(), battery.GetProperty("daysWithoutMovement").GetInt32()));
        Assert.False(Line(stock, "雨刮片").GetProperty("slow").GetBoolean());

        var run = await Night();
        Assert.True(run.Opened >= 1, $"{run}");
        var task = Assert.Single(await Proposals(customer));
        Assert.Contains("蓄电池 60Ah", task.Note);
        Assert.Contains("75 天无动销", task.Note);
        Assert.Contains("促销", task.Note);
        Assert.Equal(Today.AddDays(CheckSlowStock.DueDays), task.DueOn);
        Assert.Equal(task.Id, Line(await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/stock"), "蓄电池 60Ah").GetProperty("openTaskId").GetGuid());

        await Night();   // a second night opens none while it is open
        Assert.Single(await Proposals(customer));
        var mine = await sales.GetFromJsonAsync<JsonElement>("/api/tasks?mine=true&kind=sellThrough&pageSize=500");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == task.Id);

        // Done and still slow: the next night proposes again.
        Assert.Equal(HttpStatusCode.NoContent, (await sales.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "经销商同意开展买电池送检测活动" })).StatusCode);
        await Night();
        Assert.Equal(2, (await Proposals(customer)).Count);

        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var report = await manager.GetFromJsonAsync<JsonElement>("/api/stock/slow");
        var row = report.GetProperty("distributors").EnumerateArray().Single(d => d.GetProperty("customerId").GetGuid() == customer);
        Assert.Equal((1, 18m), (row.GetProperty("slowProducts").GetInt32(), row.GetProperty("slowQuantity").GetDecimal()));
        Assert.Equal("蓄电池 60Ah", row.GetProperty("lines")[0].GetProperty("product").GetString());
        var other = await (await app.SignedInAs("service.manager@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/stock/slow");
        Assert.DoesNotContain(other.GetProperty("distributors").EnumerateArray(), d => d.GetProperty("customerId").GetGuid() == customer);
        Assert.Contains((await (await app.SignedInAs("cs.manager@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/stock/slow")).GetProperty("distributors").EnumerateArray(),
            d => d.GetProperty("customerId").GetGuid() == customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/stock/slow")).StatusCode);
    }

    [Fact]
    public async Task SVC10_the_rule_is_read_by_everyone_and_set_by_administrators_within_bounds()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        Assert.Equal(60, (await sales.GetFromJsonAsync<JsonElement>("/api/settings/stock")).GetProperty("stillDays").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PutAsJsonAsync("/api/settings/stock", new { stillDays = 30, coverWeeks = 8 })).StatusCode);
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var bad = await admin.PutAsJsonAsync("/api/settings/stock", new { stillDays = 3, coverWeeks = 200 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("stillDays", text);
        Assert.Contains("coverWeeks", text);
        Assert.Equal(60, (await sales.GetFromJsonAsync<JsonElement>("/api/settings/stock")).GetProperty("stillDays").GetInt32());
    }

    [Fact]
    public async Task SVC10_stock_counts_are_imported_by_customer_number_or_name_and_refused_rows_say_why()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var customer = await Distributor(sales, $"导入汽车贸易{tag}");
        var csv = string.Join("\r\n",
            "经销商,产品,库存数量,盘点日期",
            $"导入汽车贸易{tag},机油 5W-30,24,{D(Today.AddDays(-7))}",
            $"{customer},空气滤清器,6,{D(Today.AddDays(-7))}",
            $"没有这个经销商{tag},机油,1,{D(Today)}",
            $"导入汽车贸易{tag},刹车片,-3,{D(Today.AddDays(2))}");
        var file = Encoding.UTF8.GetBytes(csv);
        var dry = await ImportApi.Finished(sales, await ImportApi.Start(sales, file, "库存.csv", "stock", "dryRun"));
        Assert.Equal(("succeeded", 2, 2), (dry.GetProperty("status").GetString(), dry.GetProperty("created").GetInt32(), dry.GetProperty("rejected").GetInt32()));
        var errors = dry.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((4, "经销商"), errors);
        Assert.Contains((5, "库存数量"), errors);
        Assert.Contains((5, "盘点日期"), errors);
        Assert.Equal(0, await Counts(customer));
        var refused = await ImportApi.Finished(sales, await ImportApi.Start(sales, file, "库存.csv", "stock", "commit"));
        Assert.Equal(0, refused.GetProperty("created").GetInt32());
        Assert.Equal(0, await Counts(customer));
        var done = await ImportApi.Finished(sales, await ImportApi.Start(sales, file, "库存.csv", "stock", "commit", onlyValid: true));
        Assert.Equal(2, done.GetProperty("created").GetInt32());
        var stock = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/stock");
        Assert.Equal(("import", 24m), (Line(stock, "机油 5W-30").GetProperty("source").GetString(), Line(stock, "机油 5W-30").GetProperty("quantity").GetDecimal()));
        // Someone who does not record stock may not start one.
        var callback = await app.SignedInAs("callback@demo.guanxi.cn");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "库存.csv" }, { new StringContent("stock"), "kind" }, { new StringContent("dryRun"), "mode" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await callback.PostAsync("/api/imports", form)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StockApiTests_Sqlite(SqliteApp app) : StockApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StockApiTests_Postgres(PostgresApp app) : StockApiTests(app);
