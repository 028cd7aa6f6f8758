using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Web.Tests.Infrastructure;

namespace Guanxi.Web.Tests;

/// <summary>Orders through the API on both databases: upsert by number, batches, lists, sight (ARC-9) and the move on a merge (ARC-2).</summary>
public abstract class OrdersApiTests(GuanxiApp app)
{
    private static async Task<Guid> Customer(HttpClient client, string name, string mobile)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<(string Id, Guid Department)> Me(HttpClient client)
    {
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        return (me.GetProperty("id").GetString()!, me.GetProperty("departmentId").GetGuid());
    }

    private static object Sale(string number, Guid customerId, string? staffId = null, decimal? amount = null, string orderedAt = "2026-10-01", Guid? referrerId = null) => new
    {
        kind = "sale", externalNo = number, customerId, staffId, orderedAt, deliveredAt = "2026-10-08", amount, cost = 120000m,
        items = new[] { new { name = "哈弗 H6 2026 款", quantity = 1m, unitPrice = 139800m }, new { name = "贴膜", quantity = 1m, unitPrice = 2000m } },
        vehicle = new { model = "哈弗 H6", plate = "苏D12345", vin = "LGWEF4A59RH123456" },
        payments = new[] { new { dueAt = "2026-10-08", paidAt = (string?)"2026-10-08", amount = 70900m }, new { dueAt = "2026-11-08", paidAt = (string?)null, amount = 70900m } },
        referrerId, channel = "展厅",
    };

    private static string Number(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task An_order_is_written_by_its_number_once_and_updated_after()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var (me, _) = await Me(sales);
        var customer = await Customer(sales, "周订单", "13700001001");
        var number = Number("S");

        var created = await sales.PostAsJsonAsync("/api/orders", Sale(number, customer, me));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((141800m, 70900m, true), (order.GetProperty("amount").GetDecimal(), order.GetProperty("outstanding").GetDecimal(), order.GetProperty("overdue").GetBoolean()));
        Assert.Equal(("sale", "哈弗 H6", "苏D12345"), (order.GetProperty("kind").GetString(), order.GetProperty("vehicle").GetProperty("model").GetString(), order.GetProperty("vehicle").GetProperty("plate").GetString()));

        var again = await sales.PostAsJsonAsync("/api/orders", Sale(number, customer, me));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var same = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(order.GetProperty("id").GetGuid(), same.GetProperty("id").GetGuid());
        Assert.Equal(order.GetProperty("version").GetGuid(), same.GetProperty("version").GetGuid());   // no change
        var changed = await (await sales.PostAsJsonAsync("/api/orders", Sale(number, customer, me, amount: 139000m))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(139000m, changed.GetProperty("amount").GetDecimal());

        var list = await sales.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={customer}&kind=sale&from=2026-10-01&to=2026-10-01");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(0, (await sales.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={customer}&kind=service")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await sales.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={customer}&from=2026-10-02")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.GetAsync("/api/orders?kind=repair")).StatusCode);
        var got = await sales.GetFromJsonAsync<JsonElement>($"/api/orders/{order.GetProperty("id")}");
        Assert.Equal("周订单", got.GetProperty("customerName").GetString());
    }

    [Fact]
    public async Task An_order_shows_what_is_overdue_and_for_how_long_not_its_outstanding_total()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var (me, _) = await Me(sales);
        var customer = await Customer(sales, "郑分期", "13700001009");
        var number = Number("S");
        // Twelve instalments: the first fell due 45 days ago and is unpaid, the other eleven are not due yet.
        var first = Days.Today.AddDays(-45);
        var payments = Enumerable.Range(0, 12).Select(i => new { dueAt = Days.D(i == 0 ? first : Days.Today.AddMonths(i)), paidAt = (string?)null, amount = 9438.33m }).ToArray();
        var created = await sales.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = number, customerId = customer, staffId = me, orderedAt = Days.D(first.AddDays(-30)), amount = 113259.96m,
            items = new[] { new { name = "哈弗 H6 2026 款", quantity = 1m, unitPrice = 113259.96m } }, payments, paymentTerms = "分期 12 期",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var order = await sales.GetFromJsonAsync<JsonElement>($"/api/orders/{id}");
        Assert.Equal((113259.96m, true, 9438.33m, 45), (order.GetProperty("outstanding").GetDecimal(), order.GetProperty("overdue").GetBoolean(),
            order.GetProperty("overdueAmount").GetDecimal(), order.GetProperty("overdueDays").GetInt32()));
        var row = (await sales.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={customer}")).GetProperty("items")[0];
        Assert.Equal((113259.96m, true, 9438.33m, 45), (row.GetProperty("outstanding").GetDecimal(), row.GetProperty("overdue").GetBoolean(),
            row.GetProperty("overdueAmount").GetDecimal(), row.GetProperty("overdueDays").GetInt32()));

        // Paid, nothing is overdue any more.
        payments[0] = payments[0] with { paidAt = (string?)Days.D(Days.Today) };
        Assert.Equal(HttpStatusCode.OK, (await sales.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = number, customerId = customer, staffId = me, orderedAt = Days.D(first.AddDays(-30)), amount = 113259.96m,
            items = new[] { new { name = "哈弗 H6 2026 款", quantity = 1m, unitPrice = 113259.96m } }, payments, paymentTerms = "分期 12 期",
        })).StatusCode);
        order = await sales.GetFromJsonAsync<JsonElement>($"/api/orders/{id}");
        Assert.Equal((false, 0m, 0), (order.GetProperty("overdue").GetBoolean(), order.GetProperty("overdueAmount").GetDecimal(), order.GetProperty("overdueDays").GetInt32()));
    }

    [Fact]
    public async Task Bad_input_is_answered_per_field_and_nothing_is_written()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "吴错单", "13700001002");
        var response = await sales.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = "", customerId = customer, staffId = "nobody", orderedAt = "2026-10-08", deliveredAt = "2026-10-01",
            items = new[] { new { name = "", quantity = 0m, unitPrice = -5m } }, referrerId = Guid.NewGuid(), payments = new[] { new { dueAt = "2026-11-01", amount = 0m } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "externalNo", "staffId", "deliveredAt", "items[0].name", "items[0].quantity", "referrerId", "payments[0].amount" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Equal(0, (await sales.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={customer}")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.PostAsJsonAsync("/api/orders/batch", Array.Empty<object>())).StatusCode);
    }

    [Fact]
    public async Task A_batch_writes_the_valid_orders_rejects_the_others_by_index_and_can_be_sent_twice()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "郑批量", "13700001003");
        var prefix = Number("B");
        object[] batch =
        [
            Sale(prefix + "-1", customer), Sale(prefix + "-2", customer, amount: 5m),
            Sale(prefix + "-3", Guid.NewGuid()),
            Sale(prefix + "-4", customer, orderedAt: "2026-10-09"),
            Sale(prefix + "-5", customer),
        ];
        var first = await (await sales.PostAsJsonAsync("/api/orders/batch", batch)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 0), (first.GetProperty("created").GetInt32(), first.GetProperty("updated").GetInt32()));
        var rejected = first.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([2, 3], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal("客户不存在。", rejected[0].GetProperty("message").GetString());
        Assert.Equal("deliveredAt", rejected[1].GetProperty("field").GetString());

        var second = await (await sales.PostAsJsonAsync("/api/orders/batch", batch)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0, 2), (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("rejected").GetArrayLength()));
        Assert.Equal(3, (await sales.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={customer}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ARC_9_the_serving_department_and_the_customers_department_see_an_order_and_nobody_else()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var advisor = await app.SignedInAs("advisor@demo.guanxi.cn");
        var customer = await Customer(sales, "冯保养", "13700001004");
        var sale = await (await sales.PostAsJsonAsync("/api/orders", Sale(Number("S"), customer))).Content.ReadFromJsonAsync<JsonElement>();
        var job = await advisor.PostAsJsonAsync("/api/orders", new { kind = "service", externalNo = Number("R"), customerId = customer, orderedAt = "2026-11-01", deliveredAt = "2026-11-01", amount = 680m, items = new[] { new { name = "首保", quantity = 1m, unitPrice = 680m } } });
        Assert.Equal(HttpStatusCode.Created, job.StatusCode);
        var jobId = (await job.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await sales.GetAsync($"/api/orders/{jobId}")).StatusCode);   // their customer's service job
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/api/orders/{sale.GetProperty("id")}")).StatusCode);   // another department's sale
        var branch = await app.SignedInAs("sales2@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.NotFound, (await branch.GetAsync($"/api/orders/{jobId}")).StatusCode);
        Assert.Equal(0, (await branch.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={customer}")).GetProperty("total").GetInt32());
        var advisorList = await advisor.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={customer}");
        Assert.Equal([jobId], advisorList.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));

        var (_, serviceDepartment) = await Me(advisor);
        var refused = await sales.PostAsJsonAsync("/api/orders", new { kind = "sale", externalNo = Number("S"), customerId = customer, departmentId = serviceDepartment, orderedAt = "2026-11-01", amount = 1m });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var gm = await app.SignedInAs("gm@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.OK, (await gm.GetAsync($"/api/orders/{jobId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gm.PostAsJsonAsync("/api/orders", Sale(Number("S"), customer))).StatusCode);
    }

    [Fact]
    public async Task ARC_2_a_merge_moves_the_orders_and_referrals_to_the_survivor()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var survivor = await Customer(manager, "陈合并", "13700001005");
        var merged = await Customer(manager, "陈合并", "13700001006");
        var friend = await Customer(manager, "林介绍", "13700001007");
        await manager.PostAsJsonAsync("/api/orders", Sale(Number("S"), survivor));
        var moved = await (await manager.PostAsJsonAsync("/api/orders", Sale(Number("S"), merged))).Content.ReadFromJsonAsync<JsonElement>();
        var referred = await (await manager.PostAsJsonAsync("/api/orders", Sale(Number("S"), friend, referrerId: merged))).Content.ReadFromJsonAsync<JsonElement>();

        var merge = await manager.PostAsJsonAsync("/api/customers/merge", new { survivorId = survivor, mergedIds = new[] { merged } });
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        Assert.Equal(2, (await manager.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={survivor}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await manager.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={merged}")).GetProperty("total").GetInt32());
        Assert.Equal(survivor, (await manager.GetFromJsonAsync<JsonElement>($"/api/orders/{referred.GetProperty("id")}")).GetProperty("referrerId").GetGuid());
        // An order sent later for the merged customer's id lands on the survivor.
        var late = await (await manager.PostAsJsonAsync("/api/orders", Sale(Number("S"), merged))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(survivor, late.GetProperty("customerId").GetGuid());
        Assert.Equal(survivor, (await manager.GetFromJsonAsync<JsonElement>($"/api/orders/{moved.GetProperty("id")}")).GetProperty("customerId").GetGuid());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrdersApiTests_Sqlite(SqliteApp app) : OrdersApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OrdersApiTests_Postgres(PostgresApp app) : OrdersApiTests(app);
