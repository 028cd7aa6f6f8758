using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Tests.Infrastructure;
using Guanxi.Web.Tests.ServiceDesk;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests.Complaints;

/// <summary>
/// SVC-2 through the API on both databases: a resolved complaint asks its customer through the survey engine — one task in
/// the complaint checks' program, in the callback specialists' queue with the complaint as its context, answered by phone or
/// by link — and shows the answer; once per complaint; never while open; the complaint's sight and handlers; the report's figures.
/// </summary>
public abstract class ComplaintCheckApiTests(GuanxiApp app)
{
    private static async Task<Guid> Customer(HttpClient client, string name)
    {
        var mobile = $"1371{Random.Shared.Next(0, 10_000_000):D7}";
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> Complaint(HttpClient client, Guid customer, string summary)
    {
        var response = await client.PostAsJsonAsync("/api/complaints", new
        {
            customerId = customer, channel = "phone", category = "repairQuality", severity = "medium", touchpoint = "afterSale", summary, details = "客户来电投诉。",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> Get(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/complaints/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task Resolve(HttpClient client, Guid id)
    {
        var response = await client.PostAsJsonAsync($"/api/complaints/{id}/resolve", new { resolution = "已重新检修并试车确认", needsImprovement = false });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> AskCheck(HttpClient client, Guid id, string? note = null) =>
        client.PostAsJsonAsync($"/api/complaints/{id}/satisfaction-check", new { note });

    private static async Task<Guid> Asked(HttpClient client, Guid id)
    {
        var response = await AskCheck(client, id);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("check").GetProperty("taskId").GetGuid();
    }

    /// <summary>The 投诉处理回访 questionnaire's answers: overall 1–10, solved yes/no, speed and attitude 1–5, a comment.</summary>
    private static object[] Answers(int overall, bool solved, string? comment = null) =>
    [
        new { questionId = "overall", value = overall }, new { questionId = "solved", value = solved }, new { questionId = "speed", value = 4 },
        new { questionId = "attitude", value = 5 }, new { questionId = "comment", value = comment ?? "" },
    ];

    private async Task<string> UserId(string email)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            return (await db.Users.SingleAsync(u => u.Email == email)).Id;
    }

    private async Task<int> ChecksOf(Guid complaint)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var customer = await db.Set<Complaint>().Where(c => c.Id == complaint).Select(c => c.CustomerId).SingleAsync();
            var program = await db.Set<SurveyProgram>().Where(p => p.Population == ProgramPopulation.ResolvedComplaints).Select(p => p.Id).SingleAsync();
            return await db.Set<SurveyTask>().CountAsync(t => t.CustomerId == customer && t.ProgramId == program);
        }
    }

    [Fact]
    public async Task SVC2_a_resolved_complaint_asks_the_customer_through_the_survey_engine_and_shows_the_answer()
    {
        app.EnsureAvailable();
        var (sales, cs, callback) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"), await app.SignedInAs("callback@demo.guanxi.cn"));
        var id = await Complaint(cs, await Customer(sales, "钱回访"), "空调维修后仍不制冷");

        // Open: refused with its reason, and no task.
        var open = await AskCheck(cs, id);
        Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        Assert.Contains("不能回访确认满意度", await open.Content.ReadAsStringAsync());
        Assert.Equal(0, await ChecksOf(id));
        Assert.DoesNotContain("checkSatisfaction", (await Get(cs, id)).GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        await Resolve(cs, id);
        Assert.Contains("checkSatisfaction", (await Get(cs, id)).GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var asked = await AskCheck(cs, id, "客户上午方便接听");
        Assert.True(asked.StatusCode == HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        var made = await asked.Content.ReadFromJsonAsync<JsonElement>();
        var check = made.GetProperty("check");
        var taskId = check.GetProperty("taskId").GetGuid();
        Assert.Equal($"/api/surveys/tasks/{taskId}", asked.Headers.Location?.ToString());
        Assert.Equal($"\"{made.GetProperty("version").GetGuid()}\"", asked.Headers.ETag?.Tag);
        Assert.Equal(("pending", await UserId("cs.manager@demo.guanxi.cn"), "客户上午方便接听"),
            (check.GetProperty("status").GetString(), check.GetProperty("requestedById").GetString(), check.GetProperty("note").GetString()));
        Assert.True(DateOnly.Parse(check.GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > Days.Today);   // a few working days
        Assert.Equal("checkAsked", made.GetProperty("steps").EnumerateArray().Last().GetProperty("kind").GetString());
        Assert.DoesNotContain("checkSatisfaction", made.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        // Once: a second request names the task asked before, and makes none.
        var again = await AskCheck(cs, id);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(taskId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taskId").GetGuid());
        Assert.Equal(1, await ChecksOf(id));

        // The program is in the enterprise's list like the others.
        var programs = await cs.GetFromJsonAsync<JsonElement>("/api/surveys/programs");
        var program = programs.EnumerateArray().Single(p => p.GetProperty("population").GetString() == "resolvedComplaints");
        Assert.Equal(("投诉处理回访问卷", true), (program.GetProperty("questionnaire").GetString(), program.GetProperty("current").GetProperty("open").GetInt32() >= 1));

        // The callback specialists' queue: a program task with the complaint as its context; the call sheet reads the questionnaire out.
        var queue = await callback.GetFromJsonAsync<JsonElement>("/api/surveys/tasks?kind=program&status=pending&pageSize=500");
        var row = queue.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == taskId);
        Assert.Equal(("空调维修后仍不制冷", $"/complaints/{id}"), (row.GetProperty("subject").GetString(), row.GetProperty("subjectLink").GetString()));
        var assignee = row.GetProperty("assigneeId").GetString();
        Assert.False(string.IsNullOrEmpty(assignee));   // to a callback specialist, as the draws are
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == taskId && t.GetProperty("assigneeId").GetString() == assignee);
        var sheet = await callback.GetFromJsonAsync<JsonElement>($"/api/surveys/tasks/{taskId}");
        Assert.Equal("空调维修后仍不制冷", sheet.GetProperty("task").GetProperty("subject").GetString());
        Assert.Contains("solved", sheet.GetProperty("script").GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()));

        // Answered by phone, through the engine's own flow: not satisfied, the problem not solved.
        Assert.Equal(HttpStatusCode.Created, (await callback.PostAsJsonAsync($"/api/surveys/tasks/{taskId}/attempts", new { result = "noAnswer", note = "无人接听" })).StatusCode);
        var answered = await callback.PostAsJsonAsync($"/api/surveys/tasks/{taskId}/responses", new { method = "phone", answers = Answers(4, false, "还是不制冷") });
        Assert.True(answered.StatusCode == HttpStatusCode.Created, await answered.Content.ReadAsStringAsync());

        var view = await Get(cs, id);
        check = view.GetProperty("check");
        Assert.Equal(("completed", false, false, "4/10", "还是不制冷", 1), (check.GetProperty("status").GetString(), check.GetProperty("satisfied").GetBoolean(),
            check.GetProperty("solved").GetBoolean(), check.GetProperty("overall").GetString(), check.GetProperty("comment").GetString(), check.GetProperty("attempts").GetInt32()));
        Assert.Equal(33.3, check.GetProperty("score").GetDouble());
        Assert.Contains(check.GetProperty("answers").EnumerateArray(), a => a.GetProperty("question").GetString() == "您反映的问题是否已经真正解决？" && a.GetProperty("value").GetString() == "否");
        var last = view.GetProperty("steps").EnumerateArray().Last();
        Assert.Equal(("checked", false, await UserId("callback@demo.guanxi.cn")), (last.GetProperty("kind").GetString(), last.GetProperty("satisfied").GetBoolean(), last.GetProperty("byId").GetString()));
        Assert.Equal("resolved", view.GetProperty("status").GetString());   // not reopened by itself: its handlers decide
        Assert.Contains("reopen", view.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        // Whoever asked hears of the unsatisfied customer.
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var manager = await UserId("cs.manager@demo.guanxi.cn");
            Assert.True(await db.Set<Notification>().AnyAsync(n => n.UserId == manager && n.Link == $"/complaints/{id}" && n.Title.StartsWith("客户对投诉处理不满意")));
        }
    }

    [Fact]
    public async Task SVC2_the_same_satisfaction_check_sent_twice_at_once_makes_one_task()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var id = await Complaint(cs, await Customer(sales, "孙回访"), "喷漆色差");
        await Resolve(cs, id);
        var both = await Task.WhenAll(AskCheck(cs, id), AskCheck(cs, id));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        var conflict = await both.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        var created = await both.Single(r => r.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(created.GetProperty("check").GetProperty("taskId").GetGuid(), conflict.GetProperty("taskId").GetGuid());
        Assert.Equal(1, await ChecksOf(id));
        Assert.Single((await Get(cs, id)).GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "checkAsked");
    }

    [Fact]
    public async Task SVC2_the_check_follows_the_complaints_sight_and_handlers_and_its_task_the_survey_engines_access()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var id = await Complaint(sales, await Customer(sales, "李回访"), "交车时漏装脚垫");
        await Resolve(cs, id);

        var outsider = await app.SignedInAs("sales2@demo.guanxi.cn");   // another branch's consultant: the customer is not theirs
        Assert.Equal(HttpStatusCode.NotFound, (await AskCheck(outsider, id)).StatusCode);
        foreach (var email in new[] { "sales@demo.guanxi.cn", "gm@demo.guanxi.cn", "callback@demo.guanxi.cn" })   // in sight, but not its handlers
            Assert.Equal(HttpStatusCode.Forbidden, (await AskCheck(await app.SignedInAs(email), id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AskCheck(cs, Guid.NewGuid())).StatusCode);
        var tooLong = await AskCheck(cs, id, new string('长', ComplaintStep.MaxNoteLength + 1));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.PostAsync($"/api/complaints/{id}/satisfaction-check", JsonContent.Create<object?>(null))).StatusCode);
        Assert.Equal(0, await ChecksOf(id));

        var taskId = await Asked(cs, id);
        Assert.Equal(JsonValueKind.Object, (await Get(sales, id)).GetProperty("check").ValueKind);   // the complaint's readers read its check
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/complaints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/api/surveys/tasks/{taskId}")).StatusCode);   // the call sheet is customer service's
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsJsonAsync($"/api/surveys/tasks/{taskId}/responses", new { method = "phone", answers = Answers(9, true) })).StatusCode);

        // A department manager opens only their own department's call sheets (the task is the complaint's department's).
        var serviceManager = await app.SignedInAs("service.manager@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.NotFound, (await serviceManager.GetAsync($"/api/surveys/tasks/{taskId}")).StatusCode);
    }

    [Fact]
    public async Task SVC2_the_customer_may_answer_by_link_and_an_unreachable_one_leaves_the_check_without_a_verdict()
    {
        app.EnsureAvailable();
        var (sales, cs, callback) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"), await app.SignedInAs("callback@demo.guanxi.cn"));
        var byLink = await Complaint(cs, await Customer(sales, "周回访"), "保养等待时间过长");
        await Resolve(cs, byLink);
        var close = await cs.PostAsJsonAsync($"/api/complaints/{byLink}/close", new { customerSatisfied = (bool?)null, note = "待回访中心确认" });
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        var task = await Asked(cs, byLink);   // a closed complaint may ask too

        var issued = await callback.PostAsync($"/api/surveys/tasks/{task}/link", null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var token = new Uri((await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!).AbsolutePath["/s/".Length..];
        var customer = app.CreateClient();
        Assert.Contains("已经真正解决", await customer.GetStringAsync($"/api/public/surveys/{token}"));
        Assert.Equal(HttpStatusCode.Created, (await customer.PostAsJsonAsync($"/api/public/surveys/{token}", new { answers = Answers(9, true, "处理很及时") })).StatusCode);
        var view = await Get(cs, byLink);
        Assert.Equal((true, true, "处理很及时"), (view.GetProperty("check").GetProperty("satisfied").GetBoolean(), view.GetProperty("check").GetProperty("solved").GetBoolean(),
            view.GetProperty("check").GetProperty("comment").GetString()));
        Assert.Equal(("checked", "system"), (view.GetProperty("steps").EnumerateArray().Last().GetProperty("kind").GetString(), view.GetProperty("steps").EnumerateArray().Last().GetProperty("byId").GetString()));

        var unreachable = await Complaint(cs, await Customer(sales, "吴回访"), "配件到货延误");
        await Resolve(cs, unreachable);
        var unreachableTask = await Asked(cs, unreachable);
        Assert.Equal(HttpStatusCode.Created, (await callback.PostAsJsonAsync($"/api/surveys/tasks/{unreachableTask}/responses", new { method = "phone", invalid = "unreachable", note = "三天拨打均无人接听" })).StatusCode);
        var check = (await Get(cs, unreachable)).GetProperty("check");
        Assert.Equal(("unreachable", JsonValueKind.Null, "三天拨打均无人接听"), (check.GetProperty("status").GetString(), check.GetProperty("satisfied").ValueKind, check.GetProperty("invalidNote").GetString()));
    }

    [Fact]
    public async Task SVC2_the_service_report_counts_the_checks_after_resolution_of_its_period()
    {
        app.EnsureAvailable();
        var (sales, cs, callback) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"), await app.SignedInAs("callback@demo.guanxi.cn"));
        // Four complaints received in May 2018 — a month no other test writes in — and one just after it.
        var customer = await Customer(sales, "郑报表回访");
        var ids = new List<Guid>();
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var department = (await db.Users.SingleAsync(u => u.Email == "sales@demo.guanxi.cn")).DepartmentId;
            foreach (var at in new DateTimeOffset[] { new(2018, 5, 2, 10, 0, 0, TimeSpan.FromHours(8)), new(2018, 5, 10, 10, 0, 0, TimeSpan.FromHours(8)),
                         new(2018, 5, 20, 10, 0, 0, TimeSpan.FromHours(8)), new(2018, 5, 31, 23, 0, 0, TimeSpan.FromHours(8)), new(2018, 6, 1, 0, 30, 0, TimeSpan.FromHours(8)) })
            {
                var complaint = ComplaintRows.Received(customer, department, "repairQuality", at);
                db.Add(complaint);
                db.AddRange(complaint.TakeNewSteps());
                ids.Add(complaint.Id);
            }
            await db.SaveChangesAsync();
        }
        var tasks = new List<Guid>();
        foreach (var id in ids)
        {
            await Resolve(cs, id);
            tasks.Add(await Asked(cs, id));
        }
        async Task Respond(Guid task, object body)
        {
            var response = await callback.PostAsJsonAsync($"/api/surveys/tasks/{task}/responses", body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
        await Respond(tasks[0], new { method = "phone", answers = Answers(10, true) });     // satisfied, 100
        await Respond(tasks[1], new { method = "phone", answers = Answers(8, false) });     // not solved, 77.8
        await Respond(tasks[2], new { method = "phone", invalid = "unreachable", note = "空号" });
        await Respond(tasks[4], new { method = "phone", answers = Answers(1, false) });     // June: not counted in May

        var report = await cs.GetFromJsonAsync<JsonElement>("/api/reports/service?from=2018-05-01&to=2018-05-31");
        var checks = report.GetProperty("resolutionChecks");
        Assert.Equal((4, 2, 1, 1, 1, 1), (checks.GetProperty("requested").GetInt32(), checks.GetProperty("answered").GetInt32(), checks.GetProperty("invalid").GetInt32(),
            checks.GetProperty("pending").GetInt32(), checks.GetProperty("satisfied").GetInt32(), checks.GetProperty("notSatisfied").GetInt32()));
        Assert.Equal((50.0, 88.9), (checks.GetProperty("satisfiedRate").GetDouble(), checks.GetProperty("averageScore").GetDouble()));

        var mine = await (await app.SignedInAs("service.manager@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/reports/service?from=2018-05-01&to=2018-05-31");
        Assert.Equal(0, mine.GetProperty("resolutionChecks").GetProperty("requested").GetInt32());   // a department manager reads their own department's

        var export = await cs.GetAsync("/api/reports/service/export?from=2018-05-01&to=2018-05-31");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        var text = string.Join("\n", zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains("解决后回访满意率 %", text);
        Assert.Contains("解决后回访：请求", text);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ComplaintCheckApiTests_Sqlite(SqliteApp app) : ComplaintCheckApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ComplaintCheckApiTests_Postgres(PostgresApp app) : ComplaintCheckApiTests(app);
