using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guanxi.Web.Tests.Infrastructure;

namespace Guanxi.Web.Tests;

/// <summary>
/// The holes a black-box probe found (issue 21), each closed and kept closed, on both databases: order writes that moved
/// another department's order or named a customer out of sight, a 409 that named customers out of sight, null items and
/// malformed bodies that answered 500 or a bare 400, and "open a review cycle now" that opened one per click.
/// </summary>
public abstract class HolesTests(GuanxiApp app)
{
    private static async Task<Guid> Customer(HttpClient client, string name, string mobile)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object Sale(string number, Guid customerId, string item = "哈弗 H6", decimal price = 139800m, string orderedAt = "2026-10-01") => new
    {
        kind = "sale", externalNo = number, customerId, orderedAt, deliveredAt = orderedAt,
        items = new[] { new { name = item, quantity = 1m, unitPrice = price } },
    };

    private static string Number(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private static async Task<JsonElement> Errors(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task ARC_9_an_order_number_of_another_branch_is_refused_and_its_order_stays_as_it_was()
    {
        app.EnsureAvailable();
        var (sales, branch) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("sales2@demo.guanxi.cn"));
        var theirs = await Customer(branch, "金坛客户", "13700021001");
        var number = Number("S");
        var order = await (await branch.PostAsJsonAsync("/api/orders", Sale(number, theirs))).Content.ReadFromJsonAsync<JsonElement>();
        var mine = await Customer(sales, "本部客户", "13700021002");

        var single = await sales.PostAsJsonAsync("/api/orders", Sale(number, mine, "偷换的明细", 1m));
        Assert.Equal(HttpStatusCode.Forbidden, single.StatusCode);
        Assert.True((await single.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("externalNo", out _));
        var batch = await (await sales.PostAsJsonAsync("/api/orders/batch", new[] { Sale(number, mine, "偷换的明细", 1m) })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0), (batch.GetProperty("created").GetInt32(), batch.GetProperty("updated").GetInt32()));
        Assert.Equal("externalNo", batch.GetProperty("rejected")[0].GetProperty("field").GetString());

        var after = await branch.GetFromJsonAsync<JsonElement>($"/api/orders/{order.GetProperty("id")}");
        Assert.Equal((theirs, order.GetProperty("version").GetGuid(), "哈弗 H6"),
            (after.GetProperty("customerId").GetGuid(), after.GetProperty("version").GetGuid(), after.GetProperty("items")[0].GetProperty("name").GetString()));
        Assert.Equal(0, (await sales.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={mine}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ARC_9_an_order_for_a_customer_out_of_sight_is_answered_as_unknown_and_changes_nothing()
    {
        app.EnsureAvailable();
        var (sales, branch) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("sales2@demo.guanxi.cn"));
        var theirs = await Customer(branch, "金坛潜客", "13700021003");

        var response = await sales.PostAsJsonAsync("/api/orders", Sale(Number("S"), theirs));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("金坛潜客", body);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.PostAsJsonAsync("/api/orders", Sale(Number("S"), Guid.NewGuid()))).StatusCode);   // the same as no customer at all
        var batch = await (await sales.PostAsJsonAsync("/api/orders/batch", new[] { Sale(Number("S"), theirs) })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("customerId", 0), (batch.GetProperty("rejected")[0].GetProperty("field").GetString(), batch.GetProperty("created").GetInt32()));

        Assert.Equal(0, (await branch.GetFromJsonAsync<JsonElement>($"/api/orders?customerId={theirs}")).GetProperty("total").GetInt32());
        Assert.Equal("potential", (await branch.GetFromJsonAsync<JsonElement>($"/api/customers/{theirs}/lifecycle")).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task ARC_9_an_order_names_its_referrer_only_to_those_who_may_see_that_customer()
    {
        app.EnsureAvailable();
        var (sales, branch, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("sales2@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var referrer = await Customer(branch, "金坛介绍人", "13700021011");
        var buyer = await Customer(sales, "本部买家", "13700021012");
        var made = await cs.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = Number("R"), customerId = buyer, referrerId = referrer, orderedAt = "2026-10-01", deliveredAt = "2026-10-01",
            items = new[] { new { name = "哈弗 H6", quantity = 1m, unitPrice = 139800m } },
        });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("金坛介绍人", (await cs.GetFromJsonAsync<JsonElement>($"/api/orders/{id}")).GetProperty("referrerName").GetString());
        var seen = await sales.GetAsync($"/api/orders/{id}");   // the buyer is theirs, the referrer another branch's
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var body = await seen.Content.ReadAsStringAsync();
        Assert.DoesNotContain("金坛介绍人", body);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(body).RootElement.GetProperty("referrerName").ValueKind);
    }

    [Fact]
    public async Task ARC_2_ARC_9_a_likely_duplicate_out_of_sight_is_named_by_neither_id_name_nor_department()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var existing = await Customer(sales, "皇甫重号", "13700021004");
        var body = new { type = "person", name = "另一个人", phones = new[] { new { kind = "mobile", number = "13700021004" } } };

        foreach (var email in new[] { "hr@demo.guanxi.cn", "sales2@demo.guanxi.cn" })
        {
            var refused = await (await app.SignedInAs(email)).PostAsJsonAsync("/api/customers", body);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain(existing.ToString(), text);
            Assert.DoesNotContain("皇甫重号", text);
            Assert.DoesNotContain("销售部", text);
            var match = JsonDocument.Parse(text).RootElement.GetProperty("duplicates")[0];
            Assert.False(match.GetProperty("visible").GetBoolean());
        }
        var colleague = await (await app.SignedInAs("sales.manager@demo.guanxi.cn")).PostAsJsonAsync("/api/customers", body);
        Assert.Equal(HttpStatusCode.Conflict, colleague.StatusCode);
        Assert.Equal(existing, (await colleague.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Null_items_inside_lists_answer_400_naming_the_item()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var grading = await admin.GetFromJsonAsync<JsonElement>("/api/grading/settings");
        var emptyPolicy = await Errors(await admin.PutAsJsonAsync("/api/grading/settings", new { policy = new { }, standards = grading.GetProperty("standards") }));
        Assert.Contains(emptyPolicy.EnumerateObject(), e => e.Name.StartsWith("policy.", StringComparison.Ordinal));
        var nullStandard = await Errors(await admin.PutAsJsonAsync("/api/grading/settings", new { policy = grading.GetProperty("policy"), standards = new object?[] { null } }));
        Assert.Equal("列表中不能有空项 (null)。", nullStandard.GetProperty("standards[0]")[0].GetString());
        Assert.True((await Errors(await admin.PutAsJsonAsync("/api/credit/settings", new { rules = new object?[] { null } }))).TryGetProperty("rules[0]", out _));

        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var tasks = await cs.GetFromJsonAsync<JsonElement>("/api/surveys/tasks?status=pending&pageSize=5");
        var task = tasks.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.True((await Errors(await cs.PostAsJsonAsync($"/api/surveys/tasks/{task}/responses", new { method = "phone", answers = new object?[] { null } }))).TryGetProperty("answers[0]", out _));
        var link = await (await cs.PostAsync($"/api/surveys/tasks/{task}/link", null)).Content.ReadFromJsonAsync<JsonElement>();
        var token = new Uri(link.GetProperty("url").GetString()!).Segments[^1];
        var anonymous = app.CreateClient();
        Assert.True((await Errors(await anonymous.PostAsJsonAsync($"/api/public/surveys/{token}", new { method = "phone", answers = new object?[] { null } }))).TryGetProperty("answers[0]", out _));
        Assert.False((await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/surveys/{token}")).GetProperty("answered").GetBoolean());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Malformed_bodies_answer_400_naming_the_field_and_the_reason()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var birthday = await Errors(await sales.PostAsync("/api/customers", Json("""{"type":"person","name":"错日期","birthday":"1990-13-45"}""")));
        Assert.Equal("不是有效的日期 (YYYY-MM-DD)。", birthday.GetProperty("birthday")[0].GetString());
        var english = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = Json("""{"type":"person","name":"Bad date","birthday":"1990-13-45"}""") };
        english.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Equal("is not a valid date (YYYY-MM-DD).", (await Errors(await sales.SendAsync(english))).GetProperty("birthday")[0].GetString());

        var customer = await Customer(sales, "时区客户", "13700021005");
        var kind = await Errors(await sales.PostAsync("/api/orders", Json($$"""{"kind":"lease","externalNo":"X1","customerId":"{{customer}}","orderedAt":"2026-01-01"}""")));
        Assert.Equal("只能是：sale、service。", kind.GetProperty("kind")[0].GetString());
        Assert.True((await Errors(await sales.PostAsync("/api/orders", Json($$"""{"kind":1,"externalNo":"X1","customerId":"{{customer}}","orderedAt":"2026-01-01"}""")))).TryGetProperty("kind", out _));
        var amount = await Errors(await sales.PostAsync("/api/orders", Json($$"""{"kind":"sale","externalNo":"X1","customerId":"{{customer}}","orderedAt":"2026-01-01","amount":"abc"}""")));
        Assert.Equal("应为数字。", amount.GetProperty("amount")[0].GetString());
        var item = await Errors(await sales.PostAsync("/api/orders", Json($$"""{"kind":"sale","externalNo":"X1","customerId":"{{customer}}","orderedAt":"2026-01-01","items":[{"name":"a","quantity":1,"unitPrice":true}]}""")));
        Assert.True(item.TryGetProperty("items[0].unitPrice", out _), item.ToString());
        Assert.True((await Errors(await sales.PostAsync("/api/orders", Json("""{"kind":"sale",""")))).EnumerateObject().Any());
        var deep = string.Concat(Enumerable.Repeat("""{"a":""", 100)) + "1" + new string('}', 100);
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.PostAsync("/api/customers", Json(deep))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.GetAsync("/api/customers?page=abc")).StatusCode);
        var huge = await Errors(await sales.PostAsJsonAsync("/api/customers", new { type = "person", name = new string('长', 20_000) }));
        Assert.Equal("文字过长（最多 10,000 个字）。", huge.GetProperty("name")[0].GetString());

        // Where a date is expected, an ISO date-time is read as its day in the enterprise's time zone (Asia/Shanghai).
        var local = await sales.PostAsync("/api/orders", Json($$"""{"kind":"sale","externalNo":"{{Number("T")}}","customerId":"{{customer}}","orderedAt":"2026-01-01T10:00:00+08:00","amount":1}"""));
        Assert.Equal(HttpStatusCode.Created, local.StatusCode);
        Assert.Equal("2026-01-01", (await local.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderedAt").GetString());
        var utc = await sales.PostAsync("/api/orders", Json($$"""{"kind":"sale","externalNo":"{{Number("T")}}","customerId":"{{customer}}","orderedAt":"2026-01-01T20:00:00Z","amount":1}"""));
        Assert.Equal("2026-01-02", (await utc.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderedAt").GetString());
    }

    [Fact]
    public async Task ARC_6_opening_a_review_cycle_while_one_is_open_answers_409_naming_it()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var first = await cs.PostAsync("/api/reviews/cycles", null);   // the demo opened one today: still open
        var second = await cs.PostAsync("/api/reviews/cycles", null);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(first.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict });
        Assert.Matches("^第 \\d+ 期核查尚未结束", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HolesTests_Sqlite(SqliteApp app) : HolesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HolesTests_Postgres(PostgresApp app) : HolesTests(app);
