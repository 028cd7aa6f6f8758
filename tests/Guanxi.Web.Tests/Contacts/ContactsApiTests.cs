using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;
using Guanxi.Domain.Surveys;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Contacts;

/// <summary>
/// SVC-1, SVC-4, SVC-11 through the API on both databases: a contact recorded by whoever serves the customer, refused per
/// field and by sight; the 时间线 merging contacts, orders, tasks and surveys newest first, paged and by kind, each kind by
/// its own rules; the last contact on the list and the customers not contacted for longer than their tier allows.
/// </summary>
public abstract class ContactsApiTests(GuanxiApp app)
{
    private const string Sales = "sales@demo.guanxi.cn";

    private static async Task<Guid> Customer(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object Call(Guid? customerId, DateTimeOffset? at = null, string summary = "客户来电询问首保时间，已约周六上午。", string? outcome = "已预约首保") =>
        new { customerId, channel = "phone", direction = "inbound", at, summary, outcome, touchpoint = "afterSale" };

    private static async Task<JsonElement> Record(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/contacts", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> Timeline(HttpClient client, Guid customer, string query = "") =>
        await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/timeline?pageSize=50{query}");

    private static List<(string Kind, Guid Id, DateTimeOffset At)> Items(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("id").GetGuid(), i.GetProperty("at").GetDateTimeOffset()))];

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task SVC1_a_consultant_records_a_contact_it_is_kept_as_said_and_the_customers_last_contact_moves_without_a_new_version()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var me = (await sales.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString();
        var customer = await Customer(sales, "冯来电");
        var before = await sales.GetAsync($"/api/customers/{customer}");
        var at = Now.AddHours(-3);

        var response = await sales.PostAsJsonAsync("/api/contacts", Call(customer, at));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var contact = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = contact.GetProperty("id").GetGuid();
        Assert.Equal($"/api/contacts/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal((customer, "phone", "inbound", "afterSale"), (contact.GetProperty("customerId").GetGuid(), contact.GetProperty("channel").GetString(),
            contact.GetProperty("direction").GetString(), contact.GetProperty("touchpoint").GetString()));
        Assert.Equal(at.ToUnixTimeMilliseconds(), contact.GetProperty("at").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(("客户来电询问首保时间，已约周六上午。", "已预约首保"), (contact.GetProperty("summary").GetString(), contact.GetProperty("outcome").GetString()));
        Assert.Equal(me, contact.GetProperty("staffId").GetString());
        Assert.False(string.IsNullOrEmpty(contact.GetProperty("staff").GetString()));

        Assert.Equal(id, (await sales.GetFromJsonAsync<JsonElement>($"/api/contacts/{id}")).GetProperty("id").GetGuid());
        var list = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/contacts");
        Assert.Equal(1, list.GetProperty("total").GetInt32());

        // The last contact moved, the version a person's edit needs did not; an earlier contact recorded late leaves it.
        var after = await sales.GetAsync($"/api/customers/{customer}");
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        var view = await after.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(at.ToUnixTimeMilliseconds(), view.GetProperty("lastContactAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        await Record(sales, Call(customer, at.AddDays(-3)));
        view = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}");
        Assert.Equal(at.ToUnixTimeMilliseconds(), view.GetProperty("lastContactAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        // Without a time it happened now.
        var now = await Record(sales, new { customerId = customer, channel = "wechat", direction = "outbound", summary = "发送保养提醒", touchpoint = "afterSale" });
        Assert.InRange(now.GetProperty("at").GetDateTimeOffset(), Now.AddMinutes(-1), Now.AddMinutes(1));
        var paged = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/contacts?pageSize=2");
        Assert.Equal((3, 2), (paged.GetProperty("total").GetInt32(), paged.GetProperty("items").GetArrayLength()));
        Assert.Equal(now.GetProperty("id").GetGuid(), paged.GetProperty("items")[0].GetProperty("id").GetGuid());   // newest first
    }

    [Fact]
    public async Task SVC1_leadership_and_administrators_read_only_and_a_customer_out_of_sight_is_not_found()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var customer = await Customer(sales, "陈视线");
        foreach (var (email, status) in new[]
        {
            ("gm@demo.guanxi.cn", HttpStatusCode.Forbidden), ("vp@demo.guanxi.cn", HttpStatusCode.Forbidden), ("admin@demo.guanxi.cn", HttpStatusCode.Forbidden),
            ("sales2@demo.guanxi.cn", HttpStatusCode.NotFound), ("advisor@demo.guanxi.cn", HttpStatusCode.NotFound), ("hr@demo.guanxi.cn", HttpStatusCode.NotFound),
        })
        {
            var client = await app.SignedInAs(email);
            Assert.Equal(status, (await client.PostAsJsonAsync("/api/contacts", Call(customer))).StatusCode);
            if (status == HttpStatusCode.NotFound)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/customers/{customer}/timeline")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/customers/{customer}/contacts")).StatusCode);
            }
        }
        Assert.Equal(HttpStatusCode.NotFound, (await sales.PostAsJsonAsync("/api/contacts", Call(Guid.NewGuid()))).StatusCode);
        Assert.Equal(0, (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/contacts")).GetProperty("total").GetInt32());

        // Customer service records for every department; the record is out of sight of another branch.
        var callback = await app.SignedInAs("callback@demo.guanxi.cn");
        var id = (await Record(callback, Call(customer))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("sales2@demo.guanxi.cn")).GetAsync($"/api/contacts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAs("gm@demo.guanxi.cn")).GetAsync($"/api/customers/{customer}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/contacts", Call(customer))).StatusCode);
    }

    [Fact]
    public async Task SVC1_bad_input_is_refused_on_its_field_and_nothing_is_written()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var customer = await Customer(sales, "褚错填");
        var cases = new (string Field, object Body)[]
        {
            ("channel", new { customerId = customer, channel = "fax", direction = "inbound", summary = "摘要", touchpoint = "sale" }),
            ("direction", new { customerId = customer, channel = "phone", direction = "sideways", summary = "摘要", touchpoint = "sale" }),
            ("touchpoint", new { customerId = customer, channel = "phone", direction = "inbound", summary = "摘要", touchpoint = "afterwards" }),
            ("touchpoint", new { customerId = customer, channel = "phone", direction = "inbound", summary = "摘要" }),
            ("channel", new { customerId = customer, channel = 1, direction = "inbound", summary = "摘要", touchpoint = "sale" }),
            ("summary", new { customerId = customer, channel = "phone", direction = "inbound", touchpoint = "sale" }),
            ("summary", new { customerId = customer, channel = "phone", direction = "inbound", summary = "   ", touchpoint = "sale" }),
            ("summary", new { customerId = customer, channel = "phone", direction = "inbound", summary = new string('长', Contact.MaxSummaryLength + 1), touchpoint = "sale" }),
            ("summary", new { customerId = customer, channel = "phone", direction = "inbound", summary = new string('长', 100_000), touchpoint = "sale" }),
            ("outcome", new { customerId = customer, channel = "phone", direction = "inbound", summary = "摘要", outcome = new string('果', Contact.MaxOutcomeLength + 1), touchpoint = "sale" }),
            ("at", new { customerId = customer, channel = "phone", direction = "inbound", at = Now.AddHours(2), summary = "摘要", touchpoint = "sale" }),
            ("at", new { customerId = customer, channel = "phone", direction = "inbound", at = "昨天下午", summary = "摘要", touchpoint = "sale" }),
            ("customerId", new { customerId = (Guid?)null, channel = "phone", direction = "inbound", summary = "摘要", touchpoint = "sale" }),
            ("customerId", new { channel = "phone", direction = "inbound", summary = "摘要", touchpoint = "sale" }),
            ("customerId", new { customerId = "不是编号", channel = "phone", direction = "inbound", summary = "摘要", touchpoint = "sale" }),
        };
        foreach (var (field, body) in cases)
        {
            var response = await sales.PostAsJsonAsync("/api/contacts", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {text}");
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var reasons), $"no error for {field}: {errors}");
            Assert.False(string.IsNullOrWhiteSpace(reasons[0].GetString()));
        }
        // Every reason in the caller's language: Chinese by default, English when asked.
        var english = await app.SignedInAs(Sales);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var refused = await (await english.PostAsJsonAsync("/api/contacts", new { customerId = customer, channel = "phone", direction = "inbound", touchpoint = "sale" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Write a summary of the contact.", refused.GetProperty("errors").GetProperty("summary")[0].GetString());
        var chinese = await (await sales.PostAsJsonAsync("/api/contacts", new { customerId = customer, channel = "phone", direction = "inbound", touchpoint = "sale" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请填写联系内容摘要。", chinese.GetProperty("errors").GetProperty("summary")[0].GetString());

        Assert.Equal(0, (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/contacts")).GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}")).GetProperty("lastContactAt").ValueKind);
    }

    [Fact]
    public async Task SVC1_the_timeline_merges_contacts_an_order_and_tasks_newest_first_paged_and_by_kind()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var me = (await sales.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!;
        var customer = await Customer(sales, "卫时线");
        var recent = (await Record(sales, Call(customer, Now.AddDays(-1)))).GetProperty("id").GetGuid();
        var old = (await Record(sales, Call(customer, Now.AddDays(-20), "展厅看车，试驾哈弗 H6"))).GetProperty("id").GetGuid();
        var ordered = Today.AddDays(-10);
        var order = await sales.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = $"T-{Guid.NewGuid():N}"[..20], customerId = customer, staffId = me, orderedAt = D(ordered), amount = 139800m,
            items = new[] { new { name = "哈弗 H6 2026 款", quantity = 1m, unitPrice = 139800m } }, vehicle = new { model = "哈弗 H6" },
        });
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        var orderId = (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Guid task;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var department = await db.Set<Customer>().Where(c => c.Id == customer).Select(c => c.DepartmentId).SingleAsync();
            var winBack = CustomerTask.Open(customer, CustomerTaskKind.WinBack, me, department, Today.AddDays(3), ("挽回拜访，2026-01-05 前完成", "Win-back visit"), Now.AddDays(-5));
            db.Add(winBack);
            await db.SaveChangesAsync();
            task = winBack.Id;
        }

        var all = await Timeline(sales, customer);
        var items = Items(all);
        Assert.Equal(items.Count, all.GetProperty("total").GetInt32());
        Assert.Equal([.. items.OrderByDescending(i => i.At)], items);
        // The order's first purchase gave its owner a care call (LIF-2), now: it is on the timeline too, newest.
        var expected = new List<(string, Guid)> { ("contact", recent), ("task", task), ("order", orderId), ("contact", old) };
        Assert.Equal(expected, items.Where(i => i.Kind != "task" || i.Id == task).Select(i => (i.Kind, i.Id)).ToList());
        Assert.All(items.Where(i => i.Kind == "task" && i.Id != task), i => Assert.True(i.At > Now.AddMinutes(-5)));
        var first = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == recent);
        Assert.Equal(($"/contacts/{recent}", "电话 · 客户来访/来电 · 售后"), (first.GetProperty("link").GetString(), first.GetProperty("title").GetString()));
        Assert.Contains("已预约首保", first.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("by").GetString()));
        var orderItem = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == orderId);
        Assert.Equal($"/orders/{orderId}", orderItem.GetProperty("link").GetString());
        Assert.True(orderItem.GetProperty("allDay").GetBoolean());
        Assert.Equal($"/customers/{customer}?tab=lifecycle", all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == task).GetProperty("link").GetString());

        // Pages of two are the whole list cut in twos.
        var paged = new List<(string, Guid, DateTimeOffset)>();
        for (var page = 1; page <= (items.Count + 1) / 2 + 1; page++)
        {
            var part = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/timeline?page={page}&pageSize=2");
            Assert.Equal(items.Count, part.GetProperty("total").GetInt32());
            paged.AddRange(Items(part));
        }
        Assert.Equal(items, paged);

        var beyond = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/timeline?page={int.MaxValue}&pageSize=500");
        Assert.Equal((0, items.Count), (beyond.GetProperty("items").GetArrayLength(), beyond.GetProperty("total").GetInt32()));

        // By kind, one or several; an unknown kind is refused.
        var contacts = await Timeline(sales, customer, "&kind=contact");
        Assert.Equal([recent, old], Items(contacts).Select(i => i.Id));
        Assert.Equal(2, contacts.GetProperty("total").GetInt32());
        Assert.Equal([orderId], Items(await Timeline(sales, customer, "&kind=order")).Select(i => i.Id));
        Assert.Equal(items.Where(i => i.Kind is "order" or "task"), Items(await Timeline(sales, customer, "&kind=order,task")));
        Assert.Equal(0, (await Timeline(sales, customer, "&kind=complaint")).GetProperty("total").GetInt32());
        var bad = await sales.GetAsync($"/api/customers/{customer}/timeline?kind=meeting");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _));

        // Titles in the caller's language.
        var english = await app.SignedInAs(Sales);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var titles = (await Timeline(english, customer, "&kind=contact")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal("Phone · Inbound · After-sale", titles[0]);
    }

    [Fact]
    public async Task ARC2_a_merge_moves_the_contacts_and_the_survivor_keeps_the_latest_contact()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var survivor = await Customer(sales, "沈合并");
        var merged = await Customer(sales, "沈合并");
        await Record(sales, Call(survivor, Now.AddDays(-30)));
        var latest = Now.AddDays(-2);
        var moved = (await Record(sales, Call(merged, latest))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await sales.PostAsJsonAsync("/api/customers/merge", new { survivorId = survivor, mergedIds = new[] { merged } })).StatusCode);

        var contacts = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{survivor}/contacts");
        Assert.Equal(2, contacts.GetProperty("total").GetInt32());
        Assert.Equal(moved, contacts.GetProperty("items")[0].GetProperty("id").GetGuid());
        var view = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{survivor}");
        Assert.Equal(latest.ToUnixTimeMilliseconds(), view.GetProperty("lastContactAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"/api/customers/{merged}/timeline")).StatusCode);
    }

    [Fact]
    public async Task SVC1_a_survey_is_on_the_timeline_only_for_who_opens_its_call_sheet_and_its_answer_only_for_who_reads_answers()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var customer = await Customer(sales, "蒋调查");
        Guid taskId;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var department = await db.Set<Customer>().Where(c => c.Id == customer).Select(c => c.DepartmentId).SingleAsync();
            var callback = await db.Users.Where(u => u.Email == "callback@demo.guanxi.cn").Select(u => u.Id).SingleAsync();
            var task = SurveyTask.Open(SurveyKind.Sales, customer, null, department, null, Today.AddDays(-21), new SurveyWindow(Today.AddDays(-1), Today.AddDays(6)), callback, Now.AddDays(-1));
            var response = SurveyResponse.Invalid(task.Id, SurveyMethod.Phone, SurveyOutcome.Unreachable, "三次拨打均无人接听", Actor.Staff(callback), Today, Now).Value!;
            Assert.True(task.Respond(response, Today, Now).Succeeded);
            db.AddRange(task, response);
            await db.SaveChangesAsync();
            taskId = task.Id;
        }
        try
        {
            var survey = (JsonElement page) => page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "survey").ToList();
            // A consultant does not open call sheets: no survey on their timeline, nor in its count.
            var consultant = await Timeline(sales, customer, "&kind=survey");
            Assert.Equal((0, 0), (consultant.GetProperty("total").GetInt32(), survey(consultant).Count));
            // Customer service opens it and reads what happened.
            var cs = survey(await Timeline(await app.SignedInAs("cs.manager@demo.guanxi.cn"), customer));
            Assert.Equal(taskId, Assert.Single(cs).GetProperty("id").GetGuid());
            Assert.Equal($"/surveys/tasks/{taskId}", cs[0].GetProperty("link").GetString());
            Assert.Equal("销售满意度调查 · 无效：无法联系", cs[0].GetProperty("title").GetString());
            Assert.Equal("三次拨打均无人接听", cs[0].GetProperty("summary").GetString());
            // The department's manager opens the call sheet, but reads the answer only once its month is published (SAT-6).
            var manager = survey(await Timeline(await app.SignedInAs("sales.manager@demo.guanxi.cn"), customer));
            Assert.Equal(taskId, Assert.Single(manager).GetProperty("id").GetGuid());
            Assert.Equal(JsonValueKind.Null, manager[0].GetProperty("summary").ValueKind);
        }
        finally
        {
            using var cleanup = app.NewDbContext(out var second);
            using (second)
            {
                await cleanup.Set<SurveyResponse>().Where(r => r.TaskId == taskId).ExecuteDeleteAsync();
                await cleanup.Set<SurveyTask>().Where(t => t.Id == taskId).ExecuteDeleteAsync();
            }
        }
    }

    [Fact]
    public async Task SVC4_the_customers_not_contacted_for_longer_than_their_tier_allows_are_flagged_and_filtered()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var settings = await sales.GetFromJsonAsync<JsonElement>("/api/grading/settings");
        var days = settings.GetProperty("standards").EnumerateArray().ToDictionary(s => s.GetProperty("tier").GetString()!, s => s.GetProperty("followUpDays").GetInt32());
        var token = $"Ovd{Guid.NewGuid():N}"[..11];
        // (tier, entered days ago, last contact days ago or never, overdue)
        var cases = new (Tier Tier, int Entered, int? Contacted, bool Overdue)[]
        {
            (Tier.Vip, 400, days["vip"] - 1, false),
            (Tier.Vip, 400, days["vip"] + 1, true),
            (Tier.Vip, days["vip"] - 1, null, false),
            (Tier.Important, 400, days["important"] - 1, false),
            (Tier.Important, days["important"] + 1, null, true),
            (Tier.Ordinary, 10, null, false),
            (Tier.Ordinary, 400, days["ordinary"] + 1, true),
            (Tier.Ordinary, 400, days["ordinary"] - 1, false),
        };
        var ids = new List<Guid>();
        foreach (var (tier, entered, contacted, _) in cases)
        {
            var id = await Customer(sales, $"超期{token}{ids.Count}");
            ids.Add(id);
            var db = app.NewDbContext(out var scope);
            using (scope)
                await db.Set<Customer>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Tier, tier).SetProperty(c => c.CreatedAt, Now.AddDays(-entered)));
            if (contacted is { } ago)
                await Record(sales, Call(id, Now.AddDays(-ago)));
        }
        var overdue = ids.Where((_, i) => cases[i].Overdue).ToHashSet();

        foreach (var sort in new[] { "", "&sort=name" })   // the search's own path and the filtered list's
        {
            var listed = await sales.GetFromJsonAsync<JsonElement>($"/api/customers?q={token}&contact=overdue&pageSize=50{sort}");
            var found = listed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToHashSet();
            Assert.Equal(overdue, found);
            Assert.Equal(overdue.Count, listed.GetProperty("total").GetInt32());
        }
        var rows = (await sales.GetFromJsonAsync<JsonElement>($"/api/customers?q={token}&pageSize=50")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(cases.Length, rows.Count);
        foreach (var row in rows)
        {
            var i = ids.IndexOf(row.GetProperty("id").GetGuid());
            Assert.Equal(cases[i].Overdue, row.GetProperty("contactOverdue").GetBoolean());
            Assert.Equal(cases[i].Contacted is null, row.GetProperty("lastContactAt").ValueKind == JsonValueKind.Null);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.GetAsync("/api/customers?contact=late")).StatusCode);
        // The export takes the same filter.
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/customers/export?q={token}&contact=overdue&format=csv")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ContactsApiTests_Sqlite(SqliteApp app) : ContactsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ContactsApiTests_Postgres(PostgresApp app) : ContactsApiTests(app);
