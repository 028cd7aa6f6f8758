using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Customers;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests.Cases;

/// <summary>
/// SVC-7, ARC-3 on both databases: writing, changing and publishing a case is in the history with who and when, read in
/// Chinese (and English) — the case by its title, its fields by name, the linked customers and the staff by name, the
/// bookkeeping left out — in the audit log for the administrator and on the case for the customer-service manager; others
/// are refused both.
/// </summary>
public abstract class CaseHistoryApiTests(GuanxiApp app)
{
    private const string Sales = "sales@demo.guanxi.cn";
    private const string Manager = "cs.manager@demo.guanxi.cn";
    private const string Admin = "admin@demo.guanxi.cn";

    private static IEnumerable<string> Sorted(params string[] names) => names.Order(StringComparer.Ordinal);

    private sealed record Row(string Action, string? UserId, string? UserName, string Field, string? FieldName, string? EntityName, string? RecordName, string? Old, string? New);

    private static async Task<List<Row>> Rows(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. page.GetProperty("items").EnumerateArray().Select(r => new Row(
            r.GetProperty("action").GetString()!, r.GetProperty("userId").GetString(), r.GetProperty("userName").GetString(),
            r.GetProperty("field").GetString()!, r.GetProperty("fieldName").GetString(), r.GetProperty("entityName").GetString(),
            r.GetProperty("recordName").GetString(), r.GetProperty("oldText").GetString(), r.GetProperty("newText").GetString()))];
    }

    private async Task<(string Id, string Name)> Staff(string email)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return (user.Id, user.DisplayName);
        }
    }

    private async Task<(Guid Id, string Name)> CustomerOf(string email)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var owner = await db.Users.SingleAsync(u => u.Email == email);
            var customer = await db.Set<Customer>().Where(c => c.OwnerId == owner.Id && c.Status == CustomerStatus.Active).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Name }).FirstAsync();
            return (customer.Id, customer.Name);
        }
    }

    [Fact]
    public async Task SVC7_writing_changing_and_publishing_a_case_is_in_the_history_in_Chinese_with_who_and_when()
    {
        app.EnsureAvailable();
        var (sales, manager, admin) = (await app.SignedInAs(Sales), await app.SignedInAs(Manager), await app.SignedInAs(Admin));
        var (salesId, salesName) = await Staff(Sales);
        var (managerId, managerName) = await Staff(Manager);
        var customer = await CustomerOf(Sales);
        var title = $"回访留住老客户 {Guid.NewGuid():N}"[..16];
        var written = await sales.PostAsJsonAsync("/api/cases", new
        {
            kind = "success", title, story = "客户反映保养后异响，顾问当天回访并免费复检。", lesson = "保养后主动回访。",
            tags = new[] { "保养" }, customerIds = new[] { customer.Id }, complaintIds = Array.Empty<Guid>(),
        });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        var id = (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var retitled = $"{title}（修订）";
        using (var change = new HttpRequestMessage(HttpMethod.Put, $"/api/cases/{id}"))
        {
            change.Content = JsonContent.Create(new
            {
                kind = "failure", title = retitled, story = "客户反映保养后异响，顾问当天回访并免费复检。", lesson = "保养后主动回访，当天处理。",
                tags = new[] { "保养", "回访" }, customerIds = Array.Empty<Guid>(), complaintIds = Array.Empty<Guid>(),
            });
            change.Headers.TryAddWithoutValidation("If-Match", written.Headers.ETag!.Tag);
            var changed = await sales.SendAsync(change);
            Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        }
        var published = await manager.PostAsync($"/api/cases/{id}/publish", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());

        // The administrator's audit log: the case by its title, today's; each field by its Chinese name; who did what.
        var rows = await Rows(await admin.GetAsync($"/api/audit?entity=ServiceCase&key={id}&pageSize=100"));
        Assert.All(rows, r => Assert.Equal(("案例", retitled), (r.EntityName, r.RecordName)));
        Row One(string action, string fieldName) => Assert.Single(rows, r => r.Action == action && r.FieldName == fieldName);

        var inserted = rows.Where(r => r.Action == "insert").ToList();
        Assert.All(inserted, r => Assert.Equal((salesId, salesName), (r.UserId, r.UserName)));
        Assert.Equal(Sorted("作者", "关联投诉", "关联客户", "案例类型", "案例经过", "标签", "标题", "状态", "经验教训", "部门"),
            inserted.Select(r => r.FieldName!).Order(StringComparer.Ordinal));
        Assert.Equal(title, One("insert", "标题").New);
        Assert.Equal(customer.Name, One("insert", "关联客户").New);
        Assert.Equal(salesName, One("insert", "作者").New);
        Assert.Equal("销售部", One("insert", "部门").New);
        Assert.Equal(("成功案例", "草稿", "保养"), (One("insert", "案例类型").New, One("insert", "状态").New, One("insert", "标签").New));

        var updated = rows.Where(r => r.Action == "update" && r.UserId == salesId).ToList();
        Assert.Equal(Sorted("关联客户", "案例类型", "标签", "标题", "经验教训"), updated.Select(r => r.FieldName!).Order(StringComparer.Ordinal));
        Assert.Equal((title, retitled), (One("update", "标题").Old, One("update", "标题").New));
        Assert.Equal(("成功案例", "失败案例"), (One("update", "案例类型").Old, One("update", "案例类型").New));
        Assert.Equal(("保养", "保养；回访"), (One("update", "标签").Old, One("update", "标签").New));
        Assert.Equal((customer.Name, ""), (One("update", "关联客户").Old, One("update", "关联客户").New));

        var publishing = rows.Where(r => r.UserId == managerId).ToList();
        Assert.All(publishing, r => Assert.Equal(("update", managerName), (r.Action, r.UserName)));
        Assert.Equal(Sorted("发布人", "发布时间", "状态"), publishing.Select(r => r.FieldName!).Order(StringComparer.Ordinal));
        Assert.Equal(("草稿", "已发布"), (One("update", "状态").Old, One("update", "状态").New));
        Assert.Equal(managerName, One("update", "发布人").New);
        Assert.False(string.IsNullOrEmpty(One("update", "发布时间").New));

        // The bookkeeping is not history: the folded text, the version, the last writer's stamp.
        Assert.DoesNotContain(rows, r => r.Field is "SearchText" or "Version" or "UpdatedAt" or "UpdatedById" or "CreatedAt");
        Assert.Equal(rows.Count, rows.Select(r => (r.Action, r.Field, r.UserId)).Distinct().Count());

        // In English for an English reader.
        using (var english = new HttpRequestMessage(HttpMethod.Get, $"/api/audit?entity=ServiceCase&key={id}&pageSize=100"))
        {
            english.Headers.AcceptLanguage.ParseAdd("en-US");
            var read = await Rows(await admin.SendAsync(english));
            Assert.Contains(read, r => (r.EntityName, r.FieldName, r.New) == ("Case", "Linked customers", customer.Name));
            Assert.Contains(read, r => (r.FieldName, r.Old, r.New) == ("Status", "Draft", "Published"));
        }

        // On the case, for the customer-service manager: the same history, newest first.
        var onCase = await Rows(await manager.GetAsync($"/api/cases/{id}/history?pageSize=100"));
        Assert.Equal(rows, onCase);
        Assert.Equal(managerId, onCase[0].UserId);
        Assert.True((await manager.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("canReadHistory").GetBoolean());
        Assert.False((await sales.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("canReadHistory").GetBoolean());
    }

    [Fact]
    public async Task SVC7_who_may_not_read_the_audit_log_or_a_cases_history_is_refused()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var manager = await app.SignedInAs(Manager);
        var written = await sales.PostAsJsonAsync("/api/cases", new
        {
            kind = "failure", title = $"草稿 {Guid.NewGuid():N}"[..12], story = "交车延误未提前告知客户。", lesson = "延误当天告知客户。",
            tags = Array.Empty<string>(), customerIds = Array.Empty<Guid>(), complaintIds = Array.Empty<Guid>(),
        });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        var id = (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var client in new[] { sales, manager, await app.SignedInAs("vp@demo.guanxi.cn") })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/audit?entity=ServiceCase&key={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/audit?entity=ServiceCase&key={id}")).StatusCode);

        // The author reads the draft but not its history; a colleague does not see the draft at all; no such case is not found.
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/api/cases/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("sales2@demo.guanxi.cn")).GetAsync($"/api/cases/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/cases/{Guid.NewGuid()}/history")).StatusCode);
        Assert.Single(await Rows(await manager.GetAsync($"/api/cases/{id}/history?pageSize=1")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CaseHistoryApiTests_Sqlite(SqliteApp app) : CaseHistoryApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CaseHistoryApiTests_Postgres(PostgresApp app) : CaseHistoryApiTests(app);
