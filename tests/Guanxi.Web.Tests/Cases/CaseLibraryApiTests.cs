using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests.Cases;

/// <summary>
/// SVC-7 案例库 through the API on both databases: a case written, corrected with the version read and published by the
/// customer-service manager alone; drafts out of others' sight; search in Chinese from 2 characters; the customers a
/// case links in the writer's sight, and masked for a reader without it.
/// </summary>
public abstract class CaseLibraryApiTests(GuanxiApp app)
{
    private const string Sales = "sales@demo.guanxi.cn";          // 销售部
    private const string BranchSales = "sales2@demo.guanxi.cn";   // 金坛分公司销售部: sees none of 销售部's customers
    private const string Manager = "cs.manager@demo.guanxi.cn";

    /// <summary>Two Chinese characters no other case holds: what a test searches for.</summary>
    private static string Word() => string.Concat(Enumerable.Range(0, 2).Select(_ => (char)Random.Shared.Next(0x4E00, 0x9FA5)));

    private static object Body(string title, string kind = "success", string story = "客户反映保养后异响，顾问当天回访并免费复检。", string lesson = "保养后主动回访，问题当天处理。",
        string[]? tags = null, Guid[]? customerIds = null) =>
        new { kind, title, story, lesson, tags = tags ?? ["保养"], customerIds = customerIds ?? [], complaintIds = Array.Empty<Guid>() };

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<(Guid Id, string ETag, JsonElement View)> Write(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/cases", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await Json(response);
        Assert.Equal($"/api/cases/{view.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        return (view.GetProperty("id").GetGuid(), response.Headers.ETag!.Tag, view);
    }

    private static async Task<string[]> Titles(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/cases?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await Json(response)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
    }

    private static IEnumerable<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    private async Task<Guid> CustomerOf(string email)
    {
        await using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var owner = await db.Users.SingleAsync(u => u.Email == email);
            return await db.Set<Customer>().Where(c => c.OwnerId == owner.Id && c.Status == CustomerStatus.Active).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }
    }

    private async Task<string> NameOf(Guid customer)
    {
        await using var db = app.NewDbContext(out var scope);
        using (scope)
            return await db.Set<Customer>().Where(c => c.Id == customer).Select(c => c.Name).SingleAsync();
    }

    [Fact]
    public async Task SVC7_a_case_is_written_as_a_draft_and_changed_only_with_the_version_read()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var title = $"免费复检留住老客户 {Word()}";
        var (id, etag, view) = await Write(sales, Body(title, tags: ["保养", "回访"]));
        Assert.Equal(("draft", "success", title), (view.GetProperty("status").GetString(), view.GetProperty("kind").GetString(), view.GetProperty("title").GetString()));
        Assert.Equal(["保养", "回访"], view.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.False(string.IsNullOrEmpty(view.GetProperty("author").GetString()));
        Assert.Equal("销售部", view.GetProperty("department").GetString());
        Assert.True(view.GetProperty("canEdit").GetBoolean());
        Assert.False(view.GetProperty("canPublish").GetBoolean());

        var read = await sales.GetAsync($"/api/cases/{id}");
        Assert.Equal(etag, read.Headers.ETag!.Tag);
        var changed = Body(title + "（修订）", kind: "failure", lesson: "异响要当天复检，不能等客户第二次来电。");
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await sales.PutAsJsonAsync($"/api/cases/{id}", changed)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await sales.SendIfMatch(HttpMethod.Put, $"/api/cases/{id}", changed, Guid.NewGuid().ToString())).StatusCode);
        var saved = await sales.SendIfMatch(HttpMethod.Put, $"/api/cases/{id}", changed, etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await Json(saved);
        Assert.Equal(("failure", title + "（修订）"), (after.GetProperty("kind").GetString(), after.GetProperty("title").GetString()));
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);
        Assert.Equal(saved.Headers.ETag.Tag.Trim('"'), after.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await sales.SendIfMatch(HttpMethod.Put, $"/api/cases/{id}", Body("又一次修改"), etag)).StatusCode);
        Assert.Equal(title + "（修订）", (await sales.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task SVC7_only_the_customer_service_manager_publishes_and_then_corrects_a_published_case()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var manager = await app.SignedInAs(Manager);
        var (id, etag, _) = await Write(sales, Body($"一次成功的投诉挽回 {Word()}"));

        var refused = await sales.PostAsync($"/api/cases/{id}/publish", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("case.cannot_publish", (await Json(refused)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("sales.manager@demo.guanxi.cn")).PostAsync($"/api/cases/{id}/publish", null)).StatusCode);   // not theirs to read, let alone publish
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await manager.SendIfMatch(HttpMethod.Post, $"/api/cases/{id}/publish", null, Guid.NewGuid().ToString())).StatusCode);
        var draft = await manager.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.True(draft.GetProperty("canPublish").GetBoolean());

        var published = await manager.SendIfMatch(HttpMethod.Post, $"/api/cases/{id}/publish", null, etag);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var view = await Json(published);
        Assert.Equal("published", view.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, view.GetProperty("publishedAt").ValueKind);
        Assert.False(string.IsNullOrEmpty(view.GetProperty("publishedBy").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsync($"/api/cases/{id}/publish", null)).StatusCode);

        // The author no longer changes it; the customer-service manager corrects it and it stays published.
        var read = await sales.GetAsync($"/api/cases/{id}");
        Assert.False((await Json(read)).GetProperty("canEdit").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.SendIfMatch(HttpMethod.Put, $"/api/cases/{id}", Body("作者改已发布的案例"), read.Headers.ETag!.Tag)).StatusCode);
        var corrected = await manager.SendIfMatch(HttpMethod.Put, $"/api/cases/{id}", Body("客服经理更正后的标题"), read.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(("published", "客服经理更正后的标题"), ((await Json(corrected)).GetProperty("status").GetString(), (await sales.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("title").GetString()));
    }

    [Fact]
    public async Task SVC7_a_draft_is_read_by_its_author_and_the_customer_service_manager_only()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var other = await app.SignedInAs(BranchSales);
        var manager = await app.SignedInAs(Manager);
        var word = Word();
        var (id, etag, _) = await Write(sales, Body($"草稿 {word}"));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendIfMatch(HttpMethod.Put, $"/api/cases/{id}", Body("别人的草稿"), etag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/cases/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("gm@demo.guanxi.cn")).GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Empty(await Titles(other, $"q={Uri.EscapeDataString(word)}"));
        Assert.Equal([$"草稿 {word}"], await Titles(sales, $"q={Uri.EscapeDataString(word)}"));
        Assert.Equal([$"草稿 {word}"], await Titles(manager, $"q={Uri.EscapeDataString(word)}&status=draft"));

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/cases/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal([$"草稿 {word}"], await Titles(other, $"q={Uri.EscapeDataString(word)}&status=published"));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAs("hr@demo.guanxi.cn")).GetAsync($"/api/cases/{id}")).StatusCode);
    }

    [Fact]
    public async Task SVC7_search_finds_two_chinese_characters_in_title_story_lesson_or_tags_and_latin_in_any_case()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var (inTitle, inStory, inLesson, inTag) = (Word(), Word(), Word(), Word());
        var latin = $"Paint{Guid.NewGuid():N}"[..14];
        await Write(sales, Body($"标题里有{inTitle}的案例 {latin}"));
        await Write(sales, Body("经过里有它的案例", story: $"客户说{inStory}之后满意了。", kind: "failure"));
        await Write(sales, Body("教训里有它的案例", lesson: $"记住{inLesson}。"));
        await Write(sales, Body("标签里有它的案例", tags: ["保养", inTag]));

        Assert.Equal([$"标题里有{inTitle}的案例 {latin}"], await Titles(sales, $"q={Uri.EscapeDataString(inTitle)}"));
        Assert.Equal(["经过里有它的案例"], await Titles(sales, $"q={Uri.EscapeDataString(inStory)}"));
        Assert.Equal(["经过里有它的案例"], await Titles(sales, $"q={Uri.EscapeDataString(inStory)}&kind=failure"));
        Assert.Empty(await Titles(sales, $"q={Uri.EscapeDataString(inStory)}&kind=success"));
        Assert.Equal(["教训里有它的案例"], await Titles(sales, $"q={Uri.EscapeDataString(inLesson)}"));
        Assert.Equal(["标签里有它的案例"], await Titles(sales, $"q={Uri.EscapeDataString(inTag)}"));
        Assert.Equal(["标签里有它的案例"], await Titles(sales, $"tag={Uri.EscapeDataString(inTag)}"));
        Assert.Equal([$"标题里有{inTitle}的案例 {latin}"], await Titles(sales, $"q={latin.ToUpperInvariant()}"));
        Assert.Contains((await sales.GetFromJsonAsync<JsonElement>("/api/cases/tags")).EnumerateArray(), t => t.GetProperty("tag").GetString() == inTag && t.GetProperty("count").GetInt32() == 1);
        Assert.Empty(await Titles(sales, $"q={Uri.EscapeDataString("100%")}"));

        var one = await sales.GetAsync($"/api/cases?q={Uri.EscapeDataString(inTitle[..1])}");
        Assert.Equal(HttpStatusCode.BadRequest, one.StatusCode);
        Assert.Equal(["q"], Fields(await Json(one)));
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.GetAsync("/api/cases?kind=great")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.GetAsync("/api/cases?status=deleted")).StatusCode);
    }

    [Fact]
    public async Task SVC7_a_customer_out_of_the_writers_sight_is_refused_exactly_like_a_missing_one()
    {
        app.EnsureAvailable();
        var other = await app.SignedInAs(BranchSales);
        var customer = await CustomerOf(Sales);
        var title = $"关联别人的客户 {Word()}";
        var hidden = await other.PostAsJsonAsync("/api/cases", Body(title, customerIds: [customer]));
        var missing = await other.PostAsJsonAsync("/api/cases", Body(title, customerIds: [Guid.NewGuid()]));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var (a, b) = (await Json(hidden), await Json(missing));
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        Assert.Equal(a.GetProperty("errors").ToString(), b.GetProperty("errors").ToString());
        Assert.Equal(["customerIds[0]"], Fields(a));
        var text = a.ToString();
        Assert.DoesNotContain(customer.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await NameOf(customer), text, StringComparison.Ordinal);
        Assert.Empty(await Titles(await app.SignedInAs(Manager), $"q={Uri.EscapeDataString(title)}"));
    }

    [Fact]
    public async Task SVC7_a_linked_customer_is_named_and_linked_only_for_a_reader_who_may_see_it()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var manager = await app.SignedInAs(Manager);
        var customer = await CustomerOf(Sales);
        var name = await NameOf(customer);
        var (id, _, written) = await Write(sales, Body($"老客户转介绍 {Word()}", customerIds: [customer]));
        var linked = written.GetProperty("customers")[0];
        Assert.Equal((customer, name, $"/customers/{customer}", true),
            (linked.GetProperty("id").GetGuid(), linked.GetProperty("name").GetString(), linked.GetProperty("link").GetString(), linked.GetProperty("visible").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/cases/{id}/publish", null)).StatusCode);

        foreach (var reader in new[] { BranchSales, "hr@demo.guanxi.cn" })
        {
            var response = await (await app.SignedInAs(reader)).GetAsync($"/api/cases/{id}");
            var raw = await response.Content.ReadAsStringAsync();
            var masked = JsonDocument.Parse(raw).RootElement.GetProperty("customers")[0];
            Assert.Equal(name[..1] + "**", masked.GetProperty("name").GetString());
            Assert.Equal(JsonValueKind.Null, masked.GetProperty("id").ValueKind);
            Assert.Equal(JsonValueKind.Null, masked.GetProperty("link").ValueKind);
            Assert.False(masked.GetProperty("visible").GetBoolean());
            Assert.DoesNotContain(customer.ToString(), raw, StringComparison.OrdinalIgnoreCase);
            if (name.Length > 1)
                Assert.DoesNotContain(name, raw, StringComparison.Ordinal);
        }
        Assert.Equal(name, (await manager.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("customers")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task SVC7_a_change_keeps_the_links_its_writer_can_no_longer_see()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var created = await sales.PostAsJsonAsync("/api/customers", new { type = "person", name = "调走的客户", allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var moved = (await Json(created)).GetProperty("id").GetGuid();
        var kept = await CustomerOf(Sales);
        var (id, etag, _) = await Write(sales, Body($"客户调到分公司 {Word()}", customerIds: [moved, kept]));
        await using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            var branch = await db.Users.Where(u => u.Email == BranchSales).Select(u => u.DepartmentId).SingleAsync();
            await db.Set<Customer>().Where(c => c.Id == moved).ExecuteUpdateAsync(s => s.SetProperty(c => c.DepartmentId, branch));
        }
        var read = await sales.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(["调**", (await NameOf(kept))], read.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        var saved = await sales.SendIfMatch(HttpMethod.Put, $"/api/cases/{id}", Body("只留下能看到的客户", customerIds: []), etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["调**"], (await Json(saved)).GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var manager = await (await app.SignedInAs(Manager)).GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal([moved], manager.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task SVC7_bad_input_is_refused_on_its_field_and_writes_nothing()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var title = $"坏输入 {Word()}";
        async Task<JsonElement> Refused(string json)
        {
            var response = await sales.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await Json(response);
        }
        string Case(string kind = "\"success\"", string tags = "[\"保养\"]", string story = "\"经过\"") =>
            $$"""{"kind":{{kind}},"title":"{{title}}","story":{{story}},"lesson":"教训","tags":{{tags}},"customerIds":[],"complaintIds":[]}""";

        Assert.Contains(Fields(await Refused(Case(tags: "[\"保养\",null]"))), f => f.StartsWith("tags", StringComparison.Ordinal));
        Assert.Equal(["tags"], Fields(await Refused(Case(tags: JsonSerializer.Serialize(Enumerable.Range(1, 11).Select(i => $"标签{i}"))))));
        Assert.Equal(["tags[1]"], Fields(await Refused(Case(tags: "[\"保养\",\"保养\"]"))));
        Assert.Equal(["tags[0]"], Fields(await Refused(Case(tags: JsonSerializer.Serialize(new[] { new string('长', 21) })))));
        Assert.Equal(["story"], Fields(await Refused(Case(story: JsonSerializer.Serialize(new string('事', ServiceCase.MaxStoryLength + 1))))));
        Assert.Equal(["kind"], Fields(await Refused(Case(kind: "\"great\""))));
        Assert.Equal(["kind"], Fields(await Refused(Case(kind: "\"1\""))));
        var all = await Refused("""{"kind":null,"title":" ","story":"","lesson":null}""");
        Assert.Equal(["kind", "lesson", "story", "title"], Fields(all).Order(StringComparer.Ordinal));
        Assert.Contains("标题", all.GetProperty("errors").GetProperty("title")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await Titles(await app.SignedInAs(Manager), $"q={Uri.EscapeDataString(title)}"));
    }

    [Fact]
    public async Task SVC7_a_linked_complaint_is_checked_like_a_customer_and_shown_only_to_those_who_see_it()
    {
        app.EnsureAvailable();
        Guid mainComplaint;
        await using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            var branch = await db.Users.Where(u => u.Email == BranchSales).Select(u => new { u.Id, u.DepartmentId }).SingleAsync();
            mainComplaint = await (from c in db.Set<Domain.Complaints.Complaint>()
                                   join k in db.Set<Customer>() on c.CustomerId equals k.Id
                                   where c.DepartmentId != branch.DepartmentId && k.DepartmentId != branch.DepartmentId && c.AssigneeId != branch.Id && c.StaffId != branch.Id
                                   select c.Id).FirstAsync();
        }
        var branchSales = await app.SignedInAs(BranchSales);
        var refused = await branchSales.PostAsJsonAsync("/api/cases", new { kind = "success", title = "跨店投诉", story = "经过", lesson = "教训", tags = new[] { "投诉" }, customerIds = Array.Empty<Guid>(), complaintIds = new[] { mainComplaint } });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("complaintIds[0]", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await branchSales.PostAsJsonAsync("/api/cases", new { kind = "success", title = "不存在的投诉", story = "经过", lesson = "教训", complaintIds = new[] { Guid.NewGuid() } })).StatusCode);

        var manager = await app.SignedInAs(Manager);
        var (id, _, view) = await Write(manager, new { kind = "failure", title = "投诉关联" + Word(), story = "经过", lesson = "教训", tags = new[] { "投诉" }, customerIds = Array.Empty<Guid>(), complaintIds = new[] { mainComplaint } });
        Assert.Equal(mainComplaint, Assert.Single(view.GetProperty("complaintIds").EnumerateArray()).GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/cases/{id}/publish", null)).StatusCode);
        var read = await branchSales.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");   // published: readable, the complaint out of sight not named
        Assert.Empty(read.GetProperty("complaintIds").EnumerateArray());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CaseLibraryApiTests_Sqlite(SqliteApp app) : CaseLibraryApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CaseLibraryApiTests_Postgres(PostgresApp app) : CaseLibraryApiTests(app);
