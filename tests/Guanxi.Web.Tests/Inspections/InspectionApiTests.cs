using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Features.Calendar;
using Guanxi.Web.Features.Inspections;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Inspections;

/// <summary>CAPA-8 through the API on both databases: plans, the schedule job, carrying an inspection out with photos, findings to closure, who may do what, bad input, pass rates.</summary>
public abstract class InspectionApiTests(GuanxiApp app)
{
    private static readonly string[] Checklist = ["服务礼仪", "着装", "话术", "流程", "环境"];

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]];

    private async Task<(string Id, Guid DepartmentId)> User(string email)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return (user.Id, user.DepartmentId);
        }
    }

    private static string Post() => $"销售顾问{Guid.NewGuid():N}"[..20];

    private async Task<object> PlanBody(string? post = null, int perMonth = 2, string inspector = "duty@demo.guanxi.cn") => new
    {
        departmentId = (await User("sales.manager@demo.guanxi.cn")).DepartmentId, post = post ?? Post(), perMonth,
        items = Checklist.Select(name => new { name }), inspectorId = (await User(inspector)).Id,
    };

    private static async Task<(JsonElement View, string ETag)> MakePlan(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/inspections/plans", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/inspections/plans/{view.GetProperty("id").GetGuid()}", response.Headers.Location?.ToString());
        return (view, response.Headers.ETag!.Tag);
    }

    private async Task<List<Inspection>> InspectionsOf(Guid plan)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            return await db.Set<Inspection>().AsNoTracking().Where(i => i.PlanId == plan).OrderBy(i => i.DueOn).ToListAsync();
    }

    private static async Task<JsonElement> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> Refused(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> Act(HttpClient client, Guid finding, string action, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/findings/{finding}/{action}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, Guid inspection, Guid item, byte[] bytes, string name = "photo.png", string type = "image/png")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return client.PostAsync($"/api/inspections/{inspection}/items/{item}/photos", new MultipartFormDataContent { { content, "file", name } });
    }

    private static object Lines(JsonElement inspection, Func<int, (string Result, string? Note)>? line = null) => new
    {
        items = inspection.GetProperty("items").EnumerateArray().Select((item, i) =>
        {
            var (result, note) = line?.Invoke(i) ?? ("pass", null);
            return new { itemId = item.GetProperty("itemId").GetGuid(), result, note };
        }).ToList(),
    };

    private async Task<int> Notices(string email, string link)
    {
        var (user, _) = await User(email);
        var db = app.NewDbContext(out var scope);
        using (scope)
            return await db.Set<Notification>().CountAsync(n => n.UserId == user && n.Link == link);
    }

    private async Task<ScheduleRun> RunJob(DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<ScheduleInspections>(scope.ServiceProvider, (TimeProvider)new FakeTimeProvider(at.ToUniversalTime())).Handle();
    }

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour = 3) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task CAPA8_a_plan_made_by_the_vp_gets_its_inspections_twice_a_month_from_the_job_once()
    {
        app.EnsureAvailable();
        var vp = await app.SignedInAs("vp@demo.guanxi.cn");
        var before = await Notices("duty@demo.guanxi.cn", "/inspections");
        var (plan, etag) = await MakePlan(vp, await PlanBody());
        var id = plan.GetProperty("id").GetGuid();
        var dutyId = (await User("duty@demo.guanxi.cn")).Id;
        Assert.Equal((2, true, dutyId, true), (plan.GetProperty("perMonth").GetInt32(), plan.GetProperty("active").GetBoolean(), plan.GetProperty("inspectorId").GetString(),
            plan.GetProperty("canEdit").GetBoolean()));
        Assert.False(string.IsNullOrEmpty(plan.GetProperty("inspector").GetString()));
        Assert.Equal($"\"{plan.GetProperty("version").GetGuid()}\"", etag);
        Assert.Equal(Checklist, plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));

        // At once: this month's from today and next month's, on working days, each on the inspector's list.
        var now = await InspectionsOf(id);
        Assert.InRange(now.Count, 2, 4);
        Assert.All(now, i => Assert.True(i.DueOn >= Today && i.DueOn < new DateOnly(Today.Year, Today.Month, 1).AddMonths(2)));
        Assert.Equal(2, now.Count(i => i.Month == new DateOnly(Today.Year, Today.Month, 1).AddMonths(1)));
        Assert.True(await Notices("duty@demo.guanxi.cn", "/inspections") > before);

        // The night of 1 March 2027: March and April, twice each, spread over their working days; a second run makes none.
        var first = await RunJob(Shanghai(2027, 3, 1));
        Assert.True(first.Scheduled >= 4);
        var scheduled = (await InspectionsOf(id)).Where(i => i.Month >= new DateOnly(2027, 3, 1)).ToList();
        Assert.Equal([new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 24)], scheduled.Where(i => i.Month == new DateOnly(2027, 3, 1)).Select(i => i.DueOn));
        var april = scheduled.Where(i => i.Month == new DateOnly(2027, 4, 1)).ToList();
        Assert.Equal([1, 2], april.Select(i => i.Sequence).Order());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var calendar = await scope.ServiceProvider.GetRequiredService<EnterpriseCalendar>().Current();
            Assert.All(april, i => Assert.True(calendar.IsWorkday(i.DueOn)));
        }
        Assert.True(april[0].DueOn.Day <= 15 && april[1].DueOn.Day > 15);
        Assert.All(scheduled, i => Assert.Equal((Checklist.Length, dutyId), (i.Checklist.Count, i.InspectorId)));

        var again = await RunJob(Shanghai(2027, 3, 1, 4));
        Assert.Equal(0, again.Scheduled);
        Assert.Equal(scheduled.Count, (await InspectionsOf(id)).Count(i => i.Month >= new DateOnly(2027, 3, 1)));

        // The list: those due by a day and not done, soonest first, for the planner and the inspector; not for a sales consultant.
        var due = await Get(vp, $"/api/inspections?due=2027-03-31&departmentId={plan.GetProperty("departmentId").GetGuid()}&pageSize=500");
        var mine = due.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("planId").GetGuid() == id).ToList();
        Assert.Contains(mine, r => r.GetProperty("dueOn").GetString() == "2027-03-24");
        Assert.DoesNotContain(mine, r => r.GetProperty("dueOn").GetString() == "2027-04-01" || string.CompareOrdinal(r.GetProperty("dueOn").GetString(), "2027-03-31") > 0);
        var dates = due.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("dueOn").GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        var duty = await app.SignedInAs("duty@demo.guanxi.cn");
        Assert.Contains((await Get(duty, "/api/inspections?due=2027-03-31&pageSize=500")).GetProperty("items").EnumerateArray(), r => r.GetProperty("planId").GetGuid() == id);
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        Assert.DoesNotContain((await Get(sales, "/api/inspections?pageSize=500")).GetProperty("items").EnumerateArray(), r => r.GetProperty("planId").GetGuid() == id);
        Assert.DoesNotContain((await Get(sales, "/api/inspections/plans")).EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        await Refused(await vp.GetAsync("/api/inspections?status=late"));
    }

    [Fact]
    public async Task CAPA8_an_inspection_is_carried_out_and_its_failed_item_is_followed_until_its_recheck_passes()
    {
        app.EnsureAvailable();
        var (vp, duty, manager) = (await app.SignedInAs("vp@demo.guanxi.cn"), await app.SignedInAs("duty@demo.guanxi.cn"), await app.SignedInAs("sales.manager@demo.guanxi.cn"));
        var (sales, otherManager) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("service.manager@demo.guanxi.cn"));
        var (plan, _) = await MakePlan(vp, await PlanBody());
        var id = (await InspectionsOf(plan.GetProperty("id").GetGuid()))[0].Id;
        var url = $"/api/inspections/{id}";

        var inspection = await Get(duty, url);
        Assert.True(inspection.GetProperty("canCarryOut").GetBoolean());
        Assert.Equal(Checklist, inspection.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.False((await Get(manager, url)).GetProperty("canCarryOut").GetBoolean());
        foreach (var outsider in new[] { sales, otherManager })
        {
            await Refused(await outsider.GetAsync(url), HttpStatusCode.NotFound);
            await Refused(await outsider.PostAsJsonAsync($"{url}/results", Lines(inspection)), HttpStatusCode.NotFound);
        }
        await Refused(await manager.PostAsJsonAsync($"{url}/results", Lines(inspection)), HttpStatusCode.Forbidden);
        await Refused(await vp.PostAsJsonAsync($"{url}/results", Lines(inspection)), HttpStatusCode.Forbidden);

        // A photo of the item that fails: an image by its bytes, for the inspector only.
        var dress = inspection.GetProperty("items")[1].GetProperty("itemId").GetGuid();
        var uploaded = await Upload(duty, id, dress, Png, "展厅.png");
        var photo = await Refused(uploaded, HttpStatusCode.Created);
        Assert.Equal(("image/png", "展厅.png", Png.Length), (photo.GetProperty("contentType").GetString(), photo.GetProperty("fileName").GetString(), photo.GetProperty("size").GetInt32()));
        var photoUrl = photo.GetProperty("url").GetString()!;
        Assert.Equal(photoUrl, uploaded.Headers.Location?.ToString());
        var served = await manager.GetAsync(photoUrl);
        Assert.Equal((HttpStatusCode.OK, "image/png"), (served.StatusCode, served.Content.Headers.ContentType?.MediaType));
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync(photoUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await duty.GetAsync($"{url}/photos/{Guid.NewGuid()}")).StatusCode);
        await Refused(await Upload(sales, id, dress, Png), HttpStatusCode.NotFound);
        await Refused(await Upload(manager, id, dress, Png), HttpStatusCode.Forbidden);
        await Refused(await Upload(duty, id, Guid.NewGuid(), Png), HttpStatusCode.NotFound);
        var text = await Refused(await Upload(duty, id, dress, "GIF89a not really a photo"u8.ToArray(), "fake.jpg", "image/jpeg"));
        Assert.Contains("JPEG", text.GetProperty("errors").GetProperty("file")[0].GetString());
        var huge = await Refused(await Upload(duty, id, dress, [.. Png, .. new byte[5 * 1024 * 1024]], "big.png"));
        Assert.Contains("5 MB", huge.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Single((await Get(duty, url)).GetProperty("items")[1].GetProperty("photos").EnumerateArray());

        // The results: every item once, pass or fail, a failed one with its note.
        var passes = Lines(inspection, i => i == 1 ? ("fail", "工牌未佩戴，衬衫未熨烫") : ("pass", null));
        Assert.Equal("scheduled", (await Get(duty, url)).GetProperty("state").GetString());   // due today or later: made from today on
        var done = await Refused(await duty.PostAsJsonAsync($"{url}/results", passes), HttpStatusCode.OK);
        Assert.Equal(("done", 4, 1), (done.GetProperty("state").GetString(), done.GetProperty("passed").GetInt32(), done.GetProperty("failed").GetInt32()));
        var failed = done.GetProperty("items")[1];
        Assert.Equal(("fail", "工牌未佩戴，衬衫未熨烫"), (failed.GetProperty("result").GetString(), failed.GetProperty("note").GetString()));
        var findingId = failed.GetProperty("findingId").GetGuid();
        Assert.Equal(JsonValueKind.Null, done.GetProperty("items")[0].GetProperty("findingId").ValueKind);
        await Refused(await duty.PostAsJsonAsync($"{url}/results", passes), HttpStatusCode.Conflict);
        await Refused(await Upload(duty, id, dress, Png), HttpStatusCode.Conflict);
        Assert.True(await Notices("sales.manager@demo.guanxi.cn", $"/findings/{findingId}") > 0);

        // The finding: in the department's and the inspector's sight, not a colleague's until they own it.
        var findingUrl = $"/api/findings/{findingId}";
        var finding = await Get(manager, findingUrl);
        Assert.Equal(("open", "着装", "工牌未佩戴，衬衫未熨烫"), (finding.GetProperty("status").GetString(), finding.GetProperty("itemName").GetString(), finding.GetProperty("note").GetString()));
        Assert.Equal(["assignOwner"], finding.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Single(finding.GetProperty("photos").EnumerateArray());
        Assert.Contains((await Get(manager, "/api/findings?status=open&pageSize=500")).GetProperty("items").EnumerateArray(), f => f.GetProperty("id").GetGuid() == findingId);
        Assert.DoesNotContain((await Get(manager, "/api/findings?status=closed&pageSize=500")).GetProperty("items").EnumerateArray(), f => f.GetProperty("id").GetGuid() == findingId);
        foreach (var outsider in new[] { sales, otherManager })
        {
            await Refused(await outsider.GetAsync(findingUrl), HttpStatusCode.NotFound);
            await Refused(await outsider.PostAsJsonAsync($"{findingUrl}/owner", new { ownerId = "x", dueOn = D(Today) }), HttpStatusCode.NotFound);
            Assert.DoesNotContain((await Get(outsider, "/api/findings?pageSize=500")).GetProperty("items").EnumerateArray(), f => f.GetProperty("id").GetGuid() == findingId);
        }
        await Refused(await vp.PostAsJsonAsync($"{findingUrl}/owner", new { ownerId = (await User("sales@demo.guanxi.cn")).Id, dueOn = D(Today.AddDays(7)) }), HttpStatusCode.Forbidden);
        await Refused(await duty.PostAsJsonAsync($"{findingUrl}/recheck", new { passed = true }), HttpStatusCode.Conflict);   // nothing fixed yet

        // The owner: a member of the department, with a deadline from today.
        var advisor = (await User("advisor@demo.guanxi.cn")).Id;
        var salesId = (await User("sales@demo.guanxi.cn")).Id;
        Assert.True((await Refused(await manager.PostAsJsonAsync($"{findingUrl}/owner", new { ownerId = advisor, dueOn = D(Today.AddDays(7)) }))).GetProperty("errors").TryGetProperty("ownerId", out _));
        Assert.True((await Refused(await manager.PostAsJsonAsync($"{findingUrl}/owner", new { ownerId = salesId, dueOn = D(Today.AddDays(-1)) }))).GetProperty("errors").TryGetProperty("dueOn", out _));
        var owners = await Get(manager, $"{findingUrl}/owners");
        Assert.Contains(owners.EnumerateArray(), o => o.GetProperty("id").GetString() == salesId);
        Assert.DoesNotContain(owners.EnumerateArray(), o => o.GetProperty("id").GetString() == advisor);
        var owned = await Act(manager, findingId, "owner", new { ownerId = salesId, dueOn = D(Today.AddDays(7)) });
        Assert.Equal((salesId, D(Today.AddDays(7)), false), (owned.GetProperty("ownerId").GetString(), owned.GetProperty("dueOn").GetString(), owned.GetProperty("overdue").GetBoolean()));
        Assert.True(await Notices("sales@demo.guanxi.cn", $"/findings/{findingId}") > 0);

        // The owner sees it, its photo, and fixes it; the inspector re-checks: failed → open again with the note; passed → closed.
        var mine = await Get(sales, findingUrl);
        Assert.Equal(["fix"], mine.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await sales.GetAsync(photoUrl)).StatusCode);
        await Refused(await sales.GetAsync(url), HttpStatusCode.NotFound);   // the finding, not the whole inspection
        await Refused(await manager.PostAsJsonAsync($"{findingUrl}/fix", new { note = "经理代为登记" }), HttpStatusCode.Forbidden);
        Assert.True((await Refused(await sales.PostAsJsonAsync($"{findingUrl}/fix", new { note = " " }))).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal("fixed", (await Act(sales, findingId, "fix", new { note = "已佩戴工牌，衬衫已更换" })).GetProperty("status").GetString());
        await Refused(await sales.PostAsJsonAsync($"{findingUrl}/recheck", new { passed = true }), HttpStatusCode.Forbidden);
        await Refused(await manager.PostAsJsonAsync($"{findingUrl}/recheck", new { passed = true }), HttpStatusCode.Forbidden);
        Assert.True((await Refused(await duty.PostAsJsonAsync($"{findingUrl}/recheck", new { passed = false }))).GetProperty("errors").TryGetProperty("note", out _));
        var reopened = await Act(duty, findingId, "recheck", new { passed = false, note = "复查时衬衫仍未熨烫" });
        Assert.Equal(("open", 1), (reopened.GetProperty("status").GetString(), reopened.GetProperty("recheckCount").GetInt32()));
        Assert.Equal("复查时衬衫仍未熨烫", reopened.GetProperty("steps").EnumerateArray().Last().GetProperty("note").GetString());
        Assert.Equal(["raised", "ownerAssigned", "fixed", "recheckFailed"], reopened.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var fixedAgain = await Act(sales, findingId, "fix", new { note = "已重新熨烫并拍照" });
        var etag = (await sales.GetAsync(findingUrl)).Headers.ETag!.Tag;
        var stale = await vp.SendIfMatch(HttpMethod.Post, $"{findingUrl}/recheck", new { passed = true }, $"\"{Guid.NewGuid()}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var closing = await vp.SendIfMatch(HttpMethod.Post, $"{findingUrl}/recheck", new { passed = true }, etag);
        var closed = await Refused(closing, HttpStatusCode.OK);
        Assert.Equal("fixed", fixedAgain.GetProperty("status").GetString());
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("closedAt").ValueKind);
        Assert.Empty(closed.GetProperty("actions").EnumerateArray());
        Assert.Contains((await Get(vp, "/api/findings?status=closed&pageSize=500")).GetProperty("items").EnumerateArray(), f => f.GetProperty("id").GetGuid() == findingId);
        await Refused(await sales.PostAsJsonAsync($"{findingUrl}/fix", new { note = "再改" }), HttpStatusCode.Conflict);

        // For the improvement measures: the finding in one line, in sight or not.
        await using var scope = app.Services.CreateAsyncScope();
        var facts = scope.ServiceProvider.GetRequiredService<FindingFacts>();
        var (_, department) = await User("sales.manager@demo.guanxi.cn");
        var described = (await facts.Describe(findingId, new Viewer((await User("vp@demo.guanxi.cn")).Id, Guid.NewGuid(), new HashSet<Domain.Accounts.Role> { Domain.Accounts.Role.ExecutiveVp }))).Value!;
        Assert.Equal((department, true, FindingStatus.Closed), (described.DepartmentId, described.InSight, described.Status));
        Assert.Contains("「着装」不合格：工牌未佩戴，衬衫未熨烫", described.Description);
        Assert.False((await facts.Describe(findingId, new Viewer(advisor, Guid.NewGuid(), new HashSet<Domain.Accounts.Role> { Domain.Accounts.Role.ServiceAdvisor }))).Value!.InSight);
        Assert.Equal(Domain.Common.ErrorKind.NotFound, (await facts.Describe(Guid.NewGuid(), new Viewer("x", Guid.NewGuid(), new HashSet<Domain.Accounts.Role>()))).Kind);
    }

    [Fact]
    public async Task CAPA8_bad_results_are_refused_per_line_and_change_nothing()
    {
        app.EnsureAvailable();
        var (vp, duty) = (await app.SignedInAs("vp@demo.guanxi.cn"), await app.SignedInAs("duty@demo.guanxi.cn"));
        var (plan, _) = await MakePlan(vp, await PlanBody());
        var id = (await InspectionsOf(plan.GetProperty("id").GetGuid()))[0].Id;
        var url = $"/api/inspections/{id}";
        var inspection = await Get(duty, url);
        var items = inspection.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetGuid()).ToList();
        object Line(Guid item, string result = "pass", string? note = null) => new { itemId = item, result, note };
        async Task<JsonElement> Bad(object body) => (await Refused(await duty.PostAsJsonAsync($"{url}/results", body))).GetProperty("errors");

        Assert.True((await Bad(new { items = items.Select(i => Line(i)).Append(Line(Guid.NewGuid())) })).TryGetProperty("items[5].itemId", out _));   // unknown
        Assert.True((await Bad(new { items = items.Select(i => Line(i)).Append(Line(items[2])) })).TryGetProperty("items[5].itemId", out _));        // twice
        var missing = await Bad(new { items = items.Skip(1).Select(i => Line(i)) });
        Assert.Contains("服务礼仪", missing.GetProperty("items")[0].GetString());
        Assert.True((await Bad(new { items = items.Select((i, n) => n == 3 ? Line(i, "fail") : Line(i)) })).TryGetProperty("items[3].note", out _));   // a fail without a note
        Assert.True((await Bad(new { items = items.Select((i, n) => n == 3 ? Line(i, "fail", new string('长', 501)) : Line(i)) })).TryGetProperty("items[3].note", out _));
        await Bad(new { items = items.Select((i, n) => n == 3 ? Line(i, "fail", new string('长', 20_000)) : Line(i)) });   // beyond any text a body may hold
        await Bad(new { items = items.Select(i => (object?)Line(i)).Append(null) });
        await Bad(new { items = items.Select((i, n) => n == 0 ? Line(i, "maybe") : Line(i)) });
        await Bad(new { items = items.Select(i => new { itemId = i }) });   // no result
        await Bad(new { items = (object?)null });
        await Bad(new { });

        var after = await Get(duty, url);
        Assert.Equal((true, 0), (after.GetProperty("canCarryOut").GetBoolean(), after.GetProperty("passed").GetInt32()));
        Assert.All(after.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("result").ValueKind));
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.False(await db.Set<Finding>().AnyAsync(f => f.InspectionId == id));
            Assert.False(await db.Set<InspectionResult>().AnyAsync(r => r.InspectionId == id));
        }
    }

    [Fact]
    public async Task CAPA8_only_those_who_plan_make_plans_and_a_change_reaches_the_inspections_not_yet_done()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        foreach (var email in new[] { "sales@demo.guanxi.cn", "sales.manager@demo.guanxi.cn", "duty@demo.guanxi.cn", "admin@demo.guanxi.cn" })
            await Refused(await (await app.SignedInAs(email)).PostAsJsonAsync("/api/inspections/plans", await PlanBody()), HttpStatusCode.Forbidden);
        await Refused(await (await app.SignedInAs("sales@demo.guanxi.cn")).GetAsync("/api/inspections/plans/choices"), HttpStatusCode.Forbidden);
        var choices = await Get(cs, "/api/inspections/plans/choices");
        Assert.Contains(choices.GetProperty("departments").EnumerateArray(), d => d.GetProperty("name").GetString()!.StartsWith("销售部（", StringComparison.Ordinal));
        var dutyId = (await User("duty@demo.guanxi.cn")).Id;
        Assert.Contains(choices.GetProperty("staff").EnumerateArray(), s => s.GetProperty("id").GetString() == dutyId);

        var body = await PlanBody();
        var good = JsonSerializer.SerializeToElement(body);
        async Task<JsonElement> Bad(Func<Dictionary<string, object?>, Dictionary<string, object?>> change)
        {
            var fields = good.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            return (await Refused(await cs.PostAsJsonAsync("/api/inspections/plans", change(fields)))).GetProperty("errors");
        }
        Assert.True((await Bad(f => { f["perMonth"] = 9; return f; })).TryGetProperty("perMonth", out _));
        Assert.True((await Bad(f => { f["items"] = Array.Empty<object>(); return f; })).TryGetProperty("items", out _));
        Assert.True((await Bad(f => { f["items"] = new[] { new { name = "着装" }, new { name = "着装" } }; return f; })).TryGetProperty("items[1].name", out _));
        Assert.True((await Bad(f => { f["items"] = Enumerable.Range(0, 51).Select(i => new { name = $"项{i}" }); return f; })).TryGetProperty("items", out _));
        Assert.True((await Bad(f => { f["post"] = new string('岗', 51); return f; })).TryGetProperty("post", out _));
        Assert.True((await Bad(f => { f["inspectorId"] = "nobody"; return f; })).TryGetProperty("inspectorId", out _));
        Assert.True((await Bad(f => { f["departmentId"] = Guid.NewGuid(); return f; })).TryGetProperty("departmentId", out _));

        var (plan, etag) = await MakePlan(cs, body);
        var id = plan.GetProperty("id").GetGuid();
        var twin = await Refused(await cs.PostAsJsonAsync("/api/inspections/plans", body), HttpStatusCode.Conflict);
        Assert.Equal(id, twin.GetProperty("planId").GetGuid());
        await Refused(await (await app.SignedInAs("service.manager@demo.guanxi.cn")).GetAsync($"/api/inspections/plans/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(id, (await Get(await app.SignedInAs("sales.manager@demo.guanxi.cn"), $"/api/inspections/plans/{id}")).GetProperty("id").GetGuid());

        // A change names the version read; a renamed item keeps its id, and the inspections not yet done take the new checklist.
        var items = plan.GetProperty("items").EnumerateArray().Select(i => (Id: i.GetProperty("id").GetGuid(), Name: i.GetProperty("name").GetString()!)).ToList();
        var change = new
        {
            departmentId = plan.GetProperty("departmentId").GetGuid(), post = plan.GetProperty("post").GetString(), perMonth = 2, inspectorId = plan.GetProperty("inspectorId").GetString(),
            items = new object[] { new { id = items[0].Id, name = "接待礼仪" }, new { id = items[1].Id, name = items[1].Name }, new { name = "展车卫生" } },
        };
        await Refused(await cs.PutAsJsonAsync($"/api/inspections/plans/{id}", change), HttpStatusCode.PreconditionRequired);
        await Refused(await cs.SendIfMatch(HttpMethod.Put, $"/api/inspections/plans/{id}", change, $"\"{Guid.NewGuid()}\""), HttpStatusCode.PreconditionFailed);
        await Refused(await (await app.SignedInAs("sales.manager@demo.guanxi.cn")).SendIfMatch(HttpMethod.Put, $"/api/inspections/plans/{id}", change, etag), HttpStatusCode.Forbidden);
        var changed = await Refused(await cs.SendIfMatch(HttpMethod.Put, $"/api/inspections/plans/{id}", change, etag), HttpStatusCode.OK);
        Assert.Equal([(items[0].Id, "接待礼仪"), (items[1].Id, items[1].Name)], changed.GetProperty("items").EnumerateArray().Take(2).Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("name").GetString()!)));
        var unknownItem = new { change.departmentId, change.post, change.perMonth, change.inspectorId, items = new[] { new { id = Guid.NewGuid(), name = "新项" } } };
        Assert.True((await Refused(await cs.SendIfMatch(HttpMethod.Put, $"/api/inspections/plans/{id}", unknownItem, changed.GetProperty("version").GetGuid().ToString()))).GetProperty("errors").TryGetProperty("items[0].id", out _));
        var open = await InspectionsOf(id);
        Assert.NotEmpty(open);
        Assert.All(open, i => Assert.Equal(["接待礼仪", items[1].Name, "展车卫生"], i.Checklist.Select(c => c.Name)));

        // Once a month: next month's second inspection is cancelled and its first moves to the middle of the month's working days.
        var once = new { change.departmentId, change.post, perMonth = 1, change.inspectorId, change.items };
        var monthly = await Refused(await cs.SendIfMatch(HttpMethod.Put, $"/api/inspections/plans/{id}", once, changed.GetProperty("version").GetGuid().ToString()), HttpStatusCode.OK);
        var next = new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var calendar = await scope.ServiceProvider.GetRequiredService<EnterpriseCalendar>().Current();
            Assert.Equal(InspectionSchedule.Days(1, next, calendar), (await InspectionsOf(id)).Where(i => i.Month == next).Select(i => i.DueOn));
        }

        // Switched off: what it no longer owes from today on is cancelled.
        var off = new { change.departmentId, change.post, perMonth = 1, change.inspectorId, change.items, active = false };
        var stopped = await Refused(await cs.SendIfMatch(HttpMethod.Put, $"/api/inspections/plans/{id}", off, monthly.GetProperty("version").GetGuid().ToString()), HttpStatusCode.OK);
        Assert.False(stopped.GetProperty("active").GetBoolean());
        Assert.DoesNotContain(await InspectionsOf(id), i => i.DueOn >= Today);
    }

    [Fact]
    public async Task CAPA8_pass_rates_per_department_post_and_item_by_month()
    {
        app.EnsureAvailable();
        var (vp, duty) = (await app.SignedInAs("vp@demo.guanxi.cn"), await app.SignedInAs("duty@demo.guanxi.cn"));
        var (plan, _) = await MakePlan(vp, await PlanBody());
        var inspection = (await InspectionsOf(plan.GetProperty("id").GetGuid()))[0];
        var view = await Get(duty, $"/api/inspections/{inspection.Id}");
        await Refused(await duty.PostAsJsonAsync($"/api/inspections/{inspection.Id}/results", Lines(view, i => i == 4 ? ("fail", "展厅地面有污渍") : ("pass", null))), HttpStatusCode.OK);

        var month = new DateOnly(inspection.DueOn.Year, inspection.DueOn.Month, 1);
        var rates = await Get(vp, $"/api/inspections/pass-rates?from={D(month)}&to={D(month.AddMonths(1).AddDays(-1))}");
        Assert.Equal([D(month)], rates.GetProperty("months").EnumerateArray().Select(m => m.GetString()));
        var lines = rates.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("post").GetString() == plan.GetProperty("post").GetString()).ToList();
        Assert.Equal(6, lines.Count);   // the post, then each item
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("itemId").ValueKind);
        Assert.Equal((5, 4, 80.0), (lines[0].GetProperty("total").GetProperty("checked").GetInt32(), lines[0].GetProperty("total").GetProperty("passed").GetInt32(), lines[0].GetProperty("total").GetProperty("rate").GetDouble()));
        Assert.Equal(Checklist, lines.Skip(1).Select(l => l.GetProperty("item").GetString()));
        Assert.Equal(0.0, lines[5].GetProperty("months")[0].GetProperty("rate").GetDouble());
        Assert.Equal(100.0, lines[1].GetProperty("months")[0].GetProperty("rate").GetDouble());

        var manager = await Get(await app.SignedInAs("sales.manager@demo.guanxi.cn"), $"/api/inspections/pass-rates?from={D(month)}&to={D(month)}");
        Assert.All(manager.GetProperty("lines").EnumerateArray(), l => Assert.Equal(plan.GetProperty("departmentId").GetGuid(), l.GetProperty("departmentId").GetGuid()));
        Assert.DoesNotContain((await Get(await app.SignedInAs("service.manager@demo.guanxi.cn"), $"/api/inspections/pass-rates?from={D(month)}&to={D(month)}"))
            .GetProperty("lines").EnumerateArray(), l => l.GetProperty("post").GetString() == plan.GetProperty("post").GetString());
        await Refused(await (await app.SignedInAs("sales@demo.guanxi.cn")).GetAsync("/api/inspections/pass-rates"), HttpStatusCode.Forbidden);
        await Refused(await vp.GetAsync($"/api/inspections/pass-rates?from={D(month)}&to={D(month.AddDays(-1))}"));
        await Refused(await vp.GetAsync($"/api/inspections/pass-rates?from={D(month.AddMonths(-30))}&to={D(month)}"));
        await Refused(await vp.GetAsync($"/api/inspections/pass-rates?from={D(month)}"));
        Assert.Equal(6, (await Get(vp, "/api/inspections/pass-rates")).GetProperty("months").GetArrayLength());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InspectionApiTests_Sqlite(SqliteApp app) : InspectionApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InspectionApiTests_Postgres(PostgresApp app) : InspectionApiTests(app);
