using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Surveys;

/// <summary>SAT: survey tasks, responses and questionnaire changes through the API on both databases.</summary>
public abstract class SurveyApiTests(GuanxiApp app)
{
    private static int phone;

    private static async Task<Guid> Customer(HttpClient client, string name, bool trade = false)
    {
        var mobile = $"1390{Interlocked.Increment(ref phone) + (Random.Shared.Next(0, 9000) * 100):D7}";
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true, tradeCustomer = trade });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object OrderBody(string kind, Guid customer, DateOnly delivered) => new
    {
        kind, externalNo = $"S-{Guid.NewGuid():N}"[..20], customerId = customer, orderedAt = D(delivered), deliveredAt = D(delivered), amount = 1_000m,
        vehicle = new { model = "哈弗 H6", plate = "沪A12345" },
    };

    private static async Task<Guid> Order(HttpClient client, string kind, Guid customer, DateOnly delivered)
    {
        var response = await client.PostAsJsonAsync("/api/orders", OrderBody(kind, customer, delivered));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> Generate(HttpClient client, DateOnly day)
    {
        var response = await client.PostAsync($"/api/surveys/generate?date={D(day)}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> PutIfMatch(HttpClient client, string url, object body, string etag) => client.SendIfMatch(HttpMethod.Put, url, body, etag);

    private static async Task<List<JsonElement>> Tasks(HttpClient client, string query)
    {
        var (items, skip) = (new List<JsonElement>(), 0);
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/surveys/tasks?{query}&skip={skip}&take=500");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            skip += 500;
            if (skip >= page.GetProperty("total").GetInt32())
                return items;
        }
    }

    private static JsonElement? TaskOf(IEnumerable<JsonElement> tasks, Guid order) =>
        tasks.Where(t => t.GetProperty("orderId").ValueKind == JsonValueKind.String && t.GetProperty("orderId").GetGuid() == order).Cast<JsonElement?>().SingleOrDefault();

    [Fact]
    public async Task SAT_1_2_4_every_delivery_gets_a_task_when_its_window_opens_except_trade_customers_and_customers_surveyed_within_12_months()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var delivered = new DateOnly(2015, 3, 2);
        var (buyer, dealer) = (await Customer(sales, "钱满意"), await Customer(sales, "孙经销", trade: true));
        var first = await Order(sales, "sale", buyer, delivered);
        var trade = await Order(sales, "sale", dealer, delivered);
        var again = await Order(sales, "sale", buyer, delivered.AddMonths(2));   // a second car two months later

        Assert.Equal(0, (await Generate(cs, delivered.AddDays(20))).GetProperty("created").GetInt32());
        var made = await Generate(cs, delivered.AddDays(21));
        Assert.Equal(1, made.GetProperty("created").GetInt32());
        var excluded = made.GetProperty("excluded").EnumerateArray().Single();
        Assert.Equal((trade, "tradeCustomer"), (excluded.GetProperty("orderId").GetGuid(), excluded.GetProperty("reason").GetString()));
        Assert.Contains("经销商", excluded.GetProperty("note").GetString());
        var task = TaskOf(await Tasks(cs, "kind=sales&from=2015-03-01&to=2015-03-31"), first)!.Value;
        Assert.Equal((buyer, "sales", "2015-03-23", "2015-03-29"), (task.GetProperty("customerId").GetGuid(), task.GetProperty("kind").GetString(),
            task.GetProperty("windowStart").GetString(), task.GetProperty("windowEnd").GetString()));
        Assert.False(string.IsNullOrEmpty(task.GetProperty("assigneeId").GetString()));   // to a callback specialist
        Assert.Equal(0, (await Generate(cs, delivered.AddDays(21))).GetProperty("created").GetInt32());   // decided once

        // The pending survey blocks the second delivery's (SAT-4), and it is overdue once its window has passed.
        var second = await Generate(cs, delivered.AddMonths(2).AddDays(21));
        var blocked = second.GetProperty("excluded").EnumerateArray().Single(e => e.GetProperty("orderId").GetGuid() == again);
        Assert.Equal("surveyedWithinYear", blocked.GetProperty("reason").GetString());
        Assert.Contains("2015-03-23", blocked.GetProperty("note").GetString());
        Assert.Equal("overdue", TaskOf(await Tasks(cs, "status=overdue&kind=sales&from=2015-03-01&to=2015-03-31"), first)!.Value.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync($"/api/surveys/generate?date={D(delivered)}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/surveys/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.GetAsync("/api/surveys/tasks?kind=warranty")).StatusCode);
    }

    [Fact]
    public async Task SAT_3_exactly_100_service_jobs_of_a_month_with_more_are_sampled_as_their_windows_open()
    {
        app.EnsureAvailable();
        var (advisor, cs) = (await app.SignedInAs("advisor@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        // 150 service jobs completed through June 2016, five a day, each for a customer of its own; 20 more in May for the run-rate.
        var (june, may) = (new DateOnly(2016, 6, 1), new DateOnly(2016, 5, 1));
        var customers = new List<Guid>();
        for (var i = 0; i < 170; i++)
            customers.Add(await Customer(advisor, $"冯保养{i}"));
        var orders = customers.Select((c, i) => OrderBody("service", c, i < 150 ? june.AddDays(i / 5) : may.AddDays(10 + i - 150))).ToArray();
        var batch = await advisor.PostAsJsonAsync("/api/orders/batch", orders);
        Assert.True(batch.IsSuccessStatusCode, await batch.Content.ReadAsStringAsync());

        for (var day = may.AddDays(17); day <= june.AddMonths(1).AddDays(7); day = day.AddDays(1))
            await Generate(cs, day);
        // A job's month is its completion's: windows opening June 8 or later are June's jobs, those before May's.
        var tasks = (await Tasks(cs, "kind=afterSales&from=2016-05-01&to=2016-07-31")).ToLookup(t => string.CompareOrdinal(t.GetProperty("windowStart").GetString(), "2016-06-08") >= 0);
        Assert.Equal(100, tasks[true].Count());
        Assert.All(tasks[true], t => Assert.InRange(DateOnly.Parse(t.GetProperty("windowStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture), june.AddDays(7), june.AddMonths(1).AddDays(6)));
        Assert.Equal(20, tasks[false].Count());   // May's 20: fewer than 100, all of them
    }

    [Fact]
    public async Task SAT_5_9_a_specialist_records_attempts_an_invalid_questionnaire_and_then_answers_that_supersede_it()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var callback = await app.SignedInAs("callback@demo.guanxi.cn");
        var order = await Order(sales, "sale", await Customer(sales, "李回访"), Today.AddDays(-21));
        await Generate(cs, Today);
        var task = TaskOf(await Tasks(callback, $"kind=sales&status=pending&from={D(Today)}&to={D(Today)}"), order)!.Value;
        var id = task.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await callback.PostAsJsonAsync($"/api/surveys/tasks/{id}/attempts", new { result = "noAnswer", note = "无人接听" })).StatusCode);
        var noTime = await callback.PostAsJsonAsync($"/api/surveys/tasks/{id}/attempts", new { result = "callBack" });
        Assert.True((await noTime.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("callBackAt", out _));

        var unreachable = await callback.PostAsJsonAsync($"/api/surveys/tasks/{id}/responses", new { method = "phone", invalid = "unreachable", note = "三次拨打均无人接听" });
        Assert.Equal(HttpStatusCode.Created, unreachable.StatusCode);
        var first = (await unreachable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("unreachable", TaskOf(await Tasks(callback, $"kind=sales&from={D(Today)}&to={D(Today)}"), order)!.Value.GetProperty("status").GetString());

        // Bad answers change nothing and are named per field.
        var bad = await callback.PostAsJsonAsync($"/api/surveys/tasks/{id}/responses", new { method = "phone", answers = new object[] { new { questionId = "showroom", value = 9 }, new { questionId = "nope", value = 1 } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "answers[0].value", "answers[1].questionId", "answers.overall", "answers.recommend" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Equal(HttpStatusCode.BadRequest, (await callback.PostAsJsonAsync($"/api/surveys/tasks/{id}/responses", new { method = "fax", invalid = "unreachable", note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await callback.PostAsJsonAsync($"/api/surveys/tasks/{id}/responses", new { method = "link", invalid = "unreachable", note = "x" })).StatusCode);

        // The customer answers on a second call: it supersedes the blank questionnaire (SAT-9); the overall is far below the items (SAT-13).
        object[] answers =
        [
            new { questionId = "showroom", value = 5 }, new { questionId = "reception", value = 5 }, new { questionId = "consultant", value = 4 },
            new { questionId = "needs", value = 5 }, new { questionId = "testDrive", value = true }, new { questionId = "price", value = 5 },
            new { questionId = "onTime", value = "是" }, new { questionId = "handover", value = 4 }, new { questionId = "image", value = 5 },
            new { questionId = "overall", value = 4 }, new { questionId = "recommend", value = 5 },
        ];
        var answered = await callback.PostAsJsonAsync($"/api/surveys/tasks/{id}/responses", new { method = "phone", answers, comment = "交车时没人讲解车机" });
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        var response = await answered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("completed", first, true, 5), (response.GetProperty("outcome").GetString(), response.GetProperty("supersedes").GetGuid(),
            response.GetProperty("hiddenProblem").GetBoolean(), response.GetProperty("recommend").GetInt32()));
        Assert.Equal("completed", TaskOf(await Tasks(callback, $"status=completed&kind=sales&from={D(Today)}&to={D(Today)}"), order)!.Value.GetProperty("status").GetString());

        // Only customer service records surveys; another's task id is simply not there.
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsJsonAsync($"/api/surveys/tasks/{id}/responses", new { method = "phone", invalid = "incomplete", note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await callback.PostAsJsonAsync($"/api/surveys/tasks/{Guid.NewGuid()}/attempts", new { result = "busy" })).StatusCode);
    }

    private static readonly object[] SalesAnswers =
    [
        new { questionId = "showroom", value = 5 }, new { questionId = "reception", value = 5 }, new { questionId = "consultant", value = 4 },
        new { questionId = "needs", value = 5 }, new { questionId = "testDrive", value = true }, new { questionId = "price", value = 4 },
        new { questionId = "onTime", value = "是" }, new { questionId = "handover", value = 4 }, new { questionId = "image", value = 5 },
        new { questionId = "overall", value = 9 }, new { questionId = "recommend", value = 9 },
    ];

    [Fact]
    public async Task SAT_7_on_site_mail_back_and_a_signed_single_use_sms_link_that_shows_nothing_but_a_greeting()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var (onSite, mail, byLink) = (await Order(sales, "sale", await Customer(sales, "周现场"), Today.AddDays(-21)),
            await Order(sales, "sale", await Customer(sales, "吴信函"), Today.AddDays(-22)), await Order(sales, "sale", await Customer(sales, "上官短信"), Today.AddDays(-23)));
        await Generate(cs, Today.AddDays(-2));
        await Generate(cs, Today);
        var tasks = await Tasks(cs, $"kind=sales&status=pending&from={D(Today)}&to={D(Today)}");
        Guid Id(Guid order) => TaskOf(tasks, order)!.Value.GetProperty("id").GetGuid();

        // The duty manager's tablet at delivery, and a questionnaire mailed back: the method is kept with the answers.
        var duty = await app.SignedInAs("duty@demo.guanxi.cn");
        var made = await duty.PostAsJsonAsync($"/api/surveys/tasks/{Id(onSite)}/responses", new { method = "onSite", answers = SalesAnswers });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal("onSite", (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("method").GetString());
        made = await cs.PostAsJsonAsync($"/api/surveys/tasks/{Id(mail)}/responses", new { method = "mail", answers = SalesAnswers, comment = "邮寄回函" });
        Assert.Equal("mail", (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("method").GetString());

        // The SMS link: signed, valid to the end of the window, text signed by the company.
        var issued = await cs.PostAsync($"/api/surveys/tasks/{Id(byLink)}/link", null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var link = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(link.GetProperty("url").GetString()!);
        Assert.Contains(url.ToString(), link.GetProperty("message").GetString());
        Assert.Equal(Today.AddDays(-23 + 21 + 7), DateOnly.FromDateTime(link.GetProperty("expiresAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime));
        var token = url.AbsolutePath["/s/".Length..];

        // Anyone holding the link, without logging in: a greeting by surname and the questions, and nothing personal.
        var customer = app.CreateClient();
        var page = await customer.GetAsync($"/api/public/surveys/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("尊敬的上官", text);
        Assert.DoesNotContain("短信", text);
        Assert.DoesNotContain("1390", text);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/api/public/surveys/{token[..^4]}AAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync("/api/public/surveys/not-a-token")).StatusCode);

        var incomplete = await customer.PostAsJsonAsync($"/api/public/surveys/{token}", new { answers = SalesAnswers[..3] });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await customer.PostAsJsonAsync($"/api/public/surveys/{token}", new { answers = SalesAnswers, comment = "很满意" })).StatusCode);
        var again = await customer.PostAsJsonAsync($"/api/public/surveys/{token}", new { answers = SalesAnswers });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);   // single use
        Assert.Contains("已提交过", await again.Content.ReadAsStringAsync());
        Assert.True((await customer.GetFromJsonAsync<JsonElement>($"/api/public/surveys/{token}")).GetProperty("answered").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.PostAsync($"/api/surveys/tasks/{Id(byLink)}/link", null)).StatusCode);
        var sheet = await cs.GetFromJsonAsync<JsonElement>($"/api/surveys/tasks/{Id(byLink)}");
        Assert.Equal(("link", "很满意"), (sheet.GetProperty("responses")[0].GetProperty("method").GetString(), sheet.GetProperty("responses")[0].GetProperty("comment").GetString()));

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync($"/api/surveys/tasks/{Id(byLink)}/link", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.PostAsync($"/api/surveys/tasks/{Id(byLink)}/link", null)).StatusCode);
    }

    [Fact]
    public async Task SAT_3_an_overdue_case_is_flagged_and_needs_its_reason()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var order = await Order(sales, "sale", await Customer(sales, "郑出差"), Today.AddDays(-30));
        await Generate(cs, Today.AddDays(-9));
        var task = TaskOf(await Tasks(cs, $"status=overdue&kind=sales&from={D(Today.AddDays(-9))}&to={D(Today.AddDays(-9))}"), order)!.Value;
        var id = task.GetProperty("id").GetGuid();
        var read = await cs.GetAsync($"/api/surveys/tasks/{id}");
        var etag = read.Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.BadRequest, (await PutIfMatch(cs, $"/api/surveys/tasks/{id}/overdue-reason", new { reason = " " }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutIfMatch(sales, $"/api/surveys/tasks/{id}/overdue-reason", new { reason = "x" }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await cs.PutAsJsonAsync($"/api/surveys/tasks/{id}/overdue-reason", new { reason = "客户出国" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PutIfMatch(cs, $"/api/surveys/tasks/{id}/overdue-reason", new { reason = "客户出国，时效内联系不上" }, etag)).StatusCode);
        var stale = await PutIfMatch(cs, $"/api/surveys/tasks/{id}/overdue-reason", new { reason = "另一位同事读的旧版本" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);   // read before the reason was given: nobody's change is overwritten
        Assert.Equal("客户出国，时效内联系不上", (await cs.GetFromJsonAsync<JsonElement>($"/api/surveys/tasks/{id}")).GetProperty("task").GetProperty("overdueReason").GetString());
        var late = await cs.PostAsJsonAsync($"/api/surveys/tasks/{id}/responses", new { method = "phone", answers = SalesAnswers });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);   // past its window: no response is taken
    }

    private static object[] With(string questionId, object value) =>
        [.. SalesAnswers.Select(a => JsonSerializer.SerializeToElement(a)).Select(a => a.GetProperty("questionId").GetString() == questionId ? new { questionId, value } : (object)a)];

    [Fact]
    public async Task SAT_11_a_very_low_overall_score_or_a_question_low_again_and_again_in_a_week_is_escalated_and_recorded_as_a_problem()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var (callback, vp) = (await app.SignedInAs("callback@demo.guanxi.cn"), await app.SignedInAs("vp@demo.guanxi.cn"));
        var orders = new List<Guid>();
        foreach (var name in new[] { "韩很差", "杨较差", "朱价格", "秦价格", "尤价格" })
            orders.Add(await Order(sales, "sale", await Customer(sales, name), Today.AddDays(-21)));
        await Generate(cs, Today);
        var tasks = await Tasks(cs, $"kind=sales&status=pending&from={D(Today)}&to={D(Today)}");
        var ids = orders.Select(o => TaskOf(tasks, o)!.Value.GetProperty("id").GetGuid()).ToList();
        async Task Answer(Guid task, object[] answers) =>
            Assert.Equal(HttpStatusCode.Created, (await callback.PostAsJsonAsync($"/api/surveys/tasks/{task}/responses", new { method = "phone", answers, comment = "等了很久没人管" })).StatusCode);
        async Task<List<JsonElement>> Notices(HttpClient client) =>
            [.. (await client.GetFromJsonAsync<JsonElement>("/api/notifications?take=200")).GetProperty("items").EnumerateArray()];

        await Answer(ids[0], With("overall", 2));   // 2 of 10: the VP too
        await Answer(ids[1], With("overall", 4));   // 4 of 10: the customer-service manager
        var problems = await cs.GetFromJsonAsync<JsonElement>("/api/surveys/problems");
        var first = problems.EnumerateArray().Single(p => p.GetProperty("taskId").GetGuid() == ids[0]);
        Assert.Equal(("lowOverall", "executiveVp"), (first.GetProperty("kind").GetString(), first.GetProperty("level").GetString()));
        Assert.Contains("2/10", first.GetProperty("description").GetString());
        Assert.Contains("等了很久没人管", first.GetProperty("description").GetString());
        Assert.Equal("customerServiceManager", problems.EnumerateArray().Single(p => p.GetProperty("taskId").GetGuid() == ids[1]).GetProperty("level").GetString());
        Assert.Contains(await Notices(cs), n => n.GetProperty("link").GetString() == $"/surveys/tasks/{ids[0]}");
        Assert.Contains(await Notices(cs), n => n.GetProperty("link").GetString() == $"/surveys/tasks/{ids[1]}");
        Assert.Contains(await Notices(vp), n => n.GetProperty("link").GetString() == $"/surveys/tasks/{ids[0]}");
        Assert.DoesNotContain(await Notices(vp), n => n.GetProperty("link").GetString() == $"/surveys/tasks/{ids[1]}");

        // The price question scored 1 of 5 by three customers of the department this week: escalated once, not again on the fourth.
        foreach (var id in ids.Skip(2))
            await Answer(id, With("price", 1));
        var repeated = (await cs.GetFromJsonAsync<JsonElement>("/api/surveys/problems")).EnumerateArray()
            .Where(p => p.GetProperty("kind").GetString() == "repeatedLowQuestion" && p.GetProperty("questionId").GetString() == "price").ToList();
        Assert.Single(repeated, p => p.GetProperty("level").GetString() == "customerServiceManager");
        Assert.Contains("价格", repeated[0].GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/surveys/problems")).StatusCode);
    }

    [Fact]
    public async Task SAT_15_16_a_program_draws_its_sample_once_a_period_and_its_tasks_are_answered_on_its_own_questionnaire()
    {
        app.EnsureAvailable();
        var (advisor, cs) = (await app.SignedInAs("advisor@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var questionnaires = await cs.GetFromJsonAsync<JsonElement>("/api/questionnaires");
        var card = questionnaires.EnumerateArray().Single(q => q.GetProperty("kind").GetString() == "opinionCard").GetProperty("id").GetGuid();
        Assert.Contains(questionnaires.EnumerateArray(), q => q.GetProperty("kind").GetString() == "custom");   // churn reasons, key customers

        var standard = await cs.GetFromJsonAsync<JsonElement>("/api/surveys/programs");
        Assert.Contains(standard.EnumerateArray(), p => p.GetProperty("name").GetString() == "维修结案客户每周回访" && p.GetProperty("rate").GetDouble() == 0.8);
        var bad = await cs.PostAsJsonAsync("/api/surveys/programs", new { name = "", population = "pets", rate = 0.5, count = 10, cadence = "daily", windowDays = 0, questionnaireId = Guid.NewGuid(), method = "fax" });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "population", "rate", "cadence", "windowDays", "questionnaireId", "method" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        object Body(bool active) => new { name = "试点：维修结案回访", population = "closedRepairJobs", rate = 0.8, cadence = "weekly", windowDays = 7, questionnaireId = card, method = "phone", active };
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.PostAsJsonAsync("/api/surveys/programs", Body(true))).StatusCode);
        var created = await cs.PostAsJsonAsync("/api/surveys/programs", Body(true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var program = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Five repair jobs closed last week.
        var lastMonday = Today.AddDays(-((int)Today.DayOfWeek + 6) % 7 - 7);
        var orders = new List<Guid>();
        for (var i = 0; i < 5; i++)
            orders.Add(await Order(advisor, "service", await Customer(advisor, $"许维修{i}"), lastMonday.AddDays(i)));
        var runs = await (await cs.PostAsync("/api/surveys/programs/run", null)).Content.ReadFromJsonAsync<JsonElement>();
        var run = runs.EnumerateArray().Single(r => r.GetProperty("programId").GetGuid() == program);
        var population = run.GetProperty("population").GetInt32();
        Assert.True(population >= 5, $"population {population}");
        Assert.Equal((int)Math.Ceiling(population * 0.8), run.GetProperty("created").GetInt32());
        Assert.DoesNotContain((await (await cs.PostAsync("/api/surveys/programs/run", null)).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(),
            r => r.GetProperty("programId").GetGuid() == program);   // once a period

        var tasks = (await Tasks(cs, $"kind=program&from={D(Today)}&to={D(Today)}")).Where(t => t.GetProperty("programId").GetGuid() == program).ToList();
        Assert.Equal(run.GetProperty("created").GetInt32(), tasks.Count);
        var id = tasks[0].GetProperty("id").GetGuid();
        var sheet = await cs.GetFromJsonAsync<JsonElement>($"/api/surveys/tasks/{id}");
        Assert.Equal("试点：维修结案回访", sheet.GetProperty("program").GetString());
        Assert.Equal("attitude", sheet.GetProperty("script").GetProperty("questions")[0].GetProperty("id").GetString());   // the opinion card
        object[] answers = [new { questionId = "attitude", value = "很好" }, new { questionId = "speed", value = "好" }, new { questionId = "environment", value = "好" },
            new { questionId = "price", value = "一般" }, new { questionId = "overall", value = "好" }];
        async Task<int> Counted() => (await cs.GetFromJsonAsync<JsonElement>($"/api/reports/satisfaction/daily?date={D(Today)}")).GetProperty("figures").GetProperty("responses").GetInt32();
        var counted = await Counted();
        Assert.Equal(HttpStatusCode.Created, (await cs.PostAsJsonAsync($"/api/surveys/tasks/{id}/responses", new { method = "phone", answers })).StatusCode);
        Assert.Equal(counted, await Counted());   // a program's answers stay out of the routine reports
        var figures = (await cs.GetFromJsonAsync<JsonElement>("/api/surveys/programs")).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == program).GetProperty("current");
        Assert.Equal((tasks.Count, 1), (figures.GetProperty("tasks").GetInt32(), figures.GetProperty("completed").GetInt32()));

        // A program's call about a job does not stand in for the routine after-sales survey: every job is still decided by the daily generation.
        var generated = await Generate(cs, Today);
        var routine = await Tasks(cs, "kind=afterSales&from=2000-01-01&to=2100-12-31");
        var opened = orders.Where((o, i) => lastMonday.AddDays(i + 7) <= Today).ToList();   // their after-sales windows are open
        Assert.NotEmpty(opened);
        Assert.All(opened, o => Assert.True(TaskOf(routine, o) is not null || generated.GetProperty("excluded").EnumerateArray().Any(e => e.GetProperty("orderId").ValueKind == JsonValueKind.String && e.GetProperty("orderId").GetGuid() == o),
            $"order {o} not decided"));
        var version = (await cs.GetFromJsonAsync<JsonElement>("/api/surveys/programs")).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == program).GetProperty("version").GetGuid();
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await cs.PutAsJsonAsync($"/api/surveys/programs/{program}", Body(false))).StatusCode);
        var changed = await PutIfMatch(cs, $"/api/surveys/programs/{program}", Body(false), version.ToString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal((await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid().ToString(), changed.Headers.ETag!.Tag.Trim('"'));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutIfMatch(cs, $"/api/surveys/programs/{program}", Body(true), version.ToString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutIfMatch(cs, $"/api/surveys/programs/{Guid.NewGuid()}", Body(false), version.ToString())).StatusCode);
    }

    [Fact]
    public async Task Survey_results_collected_on_paper_are_imported_from_a_gbk_csv_mapped_by_column_to_questions()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var orders = new List<Guid>();
        var numbers = new List<string>();
        foreach (var name in new[] { "邹纸质", "喻纸质", "柏纸质" })
        {
            var body = OrderBody("sale", await Customer(sales, name), Today.AddDays(-23));
            var made = await sales.PostAsJsonAsync("/api/orders", body);
            var order = await made.Content.ReadFromJsonAsync<JsonElement>();
            orders.Add(order.GetProperty("id").GetGuid());
            numbers.Add(order.GetProperty("externalNo").GetString()!);
        }
        await Generate(cs, Today.AddDays(-2));
        var (yesterday, early) = (D(Today.AddDays(-1)), D(Today.AddDays(-10)));
        // Headers as a paper form's transcription has them: question texts (numbered), an id, the fields in Chinese.
        var csv = string.Join("\r\n",
            "订单编号,调查日期,方式,1. 展厅环境是否整洁、舒适？,进店后是否得到及时接待？,consultant,needs,testDrive,price,onTime,handover,image,overall,recommend,意见,无效原因,说明",
            $"{numbers[0]},{yesterday},信函,5,4,5,5,是,4,是,5,5,9,10,交车很顺利,,",
            $"{numbers[1]},{yesterday},电话,7,4,5,5,是,4,是,5,5,9,10,,,",
            $"{numbers[2]},{early},信函,5,4,5,5,是,4,是,5,5,9,10,,,",
            $"{numbers[2]},{yesterday},电话,,,,,,,,,,,,,无法联系,三次拨打均无人接听",
            $"NO-SUCH-ORDER,{yesterday},信函,5,4,5,5,是,4,是,5,5,9,10,,,");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var file = System.Text.Encoding.GetEncoding("GB18030").GetBytes(csv);   // as Excel saves a CSV on a Chinese Windows

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync("/api/imports", new MultipartFormDataContent { { new ByteArrayContent(file), "file", "回访.csv" }, { new StringContent("surveys"), "kind" } })).StatusCode);
        var dry = await Imports.ImportApi.Finished(cs, await Imports.ImportApi.Start(cs, file, "纸质问卷.csv", "surveys", "dryRun"));
        Assert.Equal(("succeeded", 2, 3), (dry.GetProperty("status").GetString(), dry.GetProperty("created").GetInt32(), dry.GetProperty("rejected").GetInt32()));
        var errors = dry.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "1. 展厅环境是否整洁、舒适？"), errors);   // 7 on a 1–5 scale
        Assert.Contains((4, "调查日期"), errors);                     // before the window opened
        Assert.Contains((6, "订单编号"), errors);                     // no such survey

        var refused = await Imports.ImportApi.Finished(cs, await Imports.ImportApi.Start(cs, file, "纸质问卷.csv", "surveys", "commit"));
        Assert.Equal("failed", refused.GetProperty("status").GetString());   // rows rejected: nothing written
        Assert.Equal("pending", TaskOf(await Tasks(cs, $"kind=sales&from={D(Today)}&to={D(Today)}"), orders[0])!.Value.GetProperty("status").GetString());
        var done = await Imports.ImportApi.Finished(cs, await Imports.ImportApi.Start(cs, file, "纸质问卷.csv", "surveys", "commit", onlyValid: true));
        Assert.Equal(("succeeded", 2), (done.GetProperty("status").GetString(), done.GetProperty("created").GetInt32()));
        var tasks = await Tasks(cs, $"kind=sales&from={D(Today)}&to={D(Today)}");
        Assert.Equal(("completed", "unreachable", "pending"), (TaskOf(tasks, orders[0])!.Value.GetProperty("status").GetString(),
            TaskOf(tasks, orders[2])!.Value.GetProperty("status").GetString(), TaskOf(tasks, orders[1])!.Value.GetProperty("status").GetString()));
        var sheet = await cs.GetFromJsonAsync<JsonElement>($"/api/surveys/tasks/{TaskOf(tasks, orders[0])!.Value.GetProperty("id").GetGuid()}");
        var response = sheet.GetProperty("responses")[0];
        Assert.Equal(("mail", "交车很顺利", D(Today.AddDays(-1))), (response.GetProperty("method").GetString(), response.GetProperty("comment").GetString(), response.GetProperty("respondedOn").GetString()));
    }

    [Fact]
    public async Task SAT_8_a_department_requests_a_change_the_three_parties_agree_and_the_vp_signs_it_off_for_next_monday()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("service.manager@demo.guanxi.cn");
        var list = await manager.GetFromJsonAsync<JsonElement>("/api/questionnaires");
        var afterSales = list.EnumerateArray().Single(q => q.GetProperty("kind").GetString() == "afterSales");
        var id = afterSales.GetProperty("id").GetGuid();
        var detail = await manager.GetFromJsonAsync<JsonElement>($"/api/questionnaires/{id}");
        var questions = detail.GetProperty("versions")[0].GetProperty("questions").EnumerateArray().Select(q => (object)q).ToList();
        questions.Insert(0, new { id = "washed", text = "是否为您免费洗车？", dimension = "empathy", scale = "yesNo", required = true });

        var noReason = await manager.PostAsJsonAsync($"/api/questionnaires/{id}/change-requests", new { reason = "", draft = new { questions = Array.Empty<object>() } });
        var errors = (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("reason", out _) && errors.TryGetProperty("draft.questions", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("advisor@demo.guanxi.cn")).PostAsJsonAsync($"/api/questionnaires/{id}/change-requests", new { reason = "x", draft = new { questions } })).StatusCode);

        var requested = await manager.PostAsJsonAsync($"/api/questionnaires/{id}/change-requests", new { reason = "客户反映洗车服务不稳定，增加洗车问题", draft = new { questions } });
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var change = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var twice = await manager.PostAsJsonAsync($"/api/questionnaires/{id}/change-requests", new { reason = "再改一次", draft = new { questions } });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("已有一项变更申请", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("draft")[0].GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("sales.manager@demo.guanxi.cn")).PostAsync($"/api/change-requests/{change}/approve", null)).StatusCode);
        var vp = await app.SignedInAs("vp@demo.guanxi.cn");
        Assert.Equal("awaitingAgreement", (await (await vp.PostAsync($"/api/change-requests/{change}/approve", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/change-requests/{change}/approve", null)).StatusCode);
        var agreed = await (await (await app.SignedInAs("cs.manager@demo.guanxi.cn")).PostAsync($"/api/change-requests/{change}/approve", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("awaitingSignOff", agreed.GetProperty("status").GetString());
        var signed = await (await vp.PostAsync($"/api/change-requests/{change}/approve", null)).Content.ReadFromJsonAsync<JsonElement>();
        var monday = Today.AddDays(7 - ((int)Today.DayOfWeek + 6) % 7);
        Assert.Equal(("signedOff", D(monday)), (signed.GetProperty("status").GetString(), signed.GetProperty("effectiveFrom").GetString()));
        var got = await manager.GetFromJsonAsync<JsonElement>($"/api/change-requests/{change}");
        Assert.Equal(("signedOff", D(monday)), (got.GetProperty("status").GetString(), got.GetProperty("effectiveFrom").GetString()));

        var versions = (await manager.GetFromJsonAsync<JsonElement>($"/api/questionnaires/{id}")).GetProperty("versions");
        Assert.Equal(2, versions.GetArrayLength());
        Assert.True(versions[0].GetProperty("current").GetBoolean());   // the old version runs until Monday
        Assert.Equal((D(monday), "washed"), (versions[1].GetProperty("effectiveFrom").GetString(), versions[1].GetProperty("questions")[0].GetProperty("id").GetString()));
    }

    /// <summary>A survey answered on <paramref name="on"/> (history: the API records answers on today's date only).</summary>
    private async Task<Guid> Answered(Guid order, DateOnly on, string overall, string? comment)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var task = await db.Set<SurveyTask>().SingleAsync(t => t.OrderId == order);
            var version = await db.Set<QuestionnaireVersion>().Join(db.Set<Questionnaire>().Where(q => q.Kind == QuestionnaireKind.Sales), v => v.QuestionnaireId, q => q.Id, (v, q) => v).OrderBy(v => v.Number).FirstAsync();
            Answer[] answers = [.. version.Questions.Where(q => q.Required).Select(q => new Answer(q.Id, q.Dimension == Dimension.Overall ? overall : q.Scale switch
            {
                AnswerScale.YesNo => "是",
                AnswerScale.ZeroToTen => "9",
                AnswerScale.OneToTen => "9",
                _ => "5",
            }))];
            var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
            var response = SurveyResponse.Answered(task.Id, SurveyMethod.Phone, version, answers, comment, 30, Actor.System(), on, at).Value!;
            Assert.True(task.Respond(response, on, at).Succeeded);
            db.Add(response);
            await db.SaveChangesAsync();
            return task.Id;
        }
    }

    [Fact]
    public async Task SAT_6_10_12_the_monthly_report_is_late_after_the_3rd_and_answers_stay_with_customer_service_until_published()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var me = (await sales.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!;
        // Two deliveries of February 2017 surveyed in March: one content, one the Diet-Coke case.
        var delivered = new DateOnly(2017, 2, 10);
        var orders = new List<Guid>();
        foreach (var name in new[] { "赵满意", "钱隐忧" })
        {
            var body = new Dictionary<string, object?>
            {
                ["kind"] = "sale", ["externalNo"] = $"M-{Guid.NewGuid():N}"[..20], ["customerId"] = await Customer(sales, name), ["staffId"] = me,
                ["orderedAt"] = D(delivered), ["deliveredAt"] = D(delivered), ["amount"] = 150_000m,
            };
            var created = await sales.PostAsJsonAsync("/api/orders", body);
            orders.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        await Generate(cs, delivered.AddDays(21));
        await Answered(orders[0], new DateOnly(2017, 3, 4), "10", null);
        var hidden = await Answered(orders[1], new DateOnly(2017, 3, 5), "3", "交车时等了两个小时");

        var report = await cs.GetFromJsonAsync<JsonElement>("/api/reports/satisfaction/monthly?month=2017-03");
        Assert.Equal((2, 1), (report.GetProperty("figures").GetProperty("responses").GetInt32(), report.GetProperty("figures").GetProperty("hiddenProblems").GetInt32()));
        Assert.True(report.GetProperty("status").GetProperty("overdue").GetBoolean());   // not generated, past the 3rd of April
        Assert.Equal(hidden, report.GetProperty("hiddenProblems")[0].GetProperty("taskId").GetGuid());
        Assert.Equal("交车时等了两个小时", report.GetProperty("comments")[0].GetProperty("comment").GetString());
        Assert.True(report.GetProperty("questions").GetArrayLength() >= 10 && report.GetProperty("dimensions").GetArrayLength() >= 5);
        var daily = await cs.GetFromJsonAsync<JsonElement>("/api/reports/satisfaction/daily?date=2017-03-05");
        Assert.Equal(1, daily.GetProperty("figures").GetProperty("responses").GetInt32());
        Assert.Equal(2, (await cs.GetFromJsonAsync<JsonElement>("/api/reports/satisfaction/weekly?week=2017-W09")).GetProperty("figures").GetProperty("responses").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.GetAsync("/api/reports/satisfaction/weekly?week=2017-W60")).StatusCode);

        // Generated now, long after the 3rd of April: late, and it counts against customer service.
        var run = await (await cs.PostAsync("/api/reports/satisfaction/monthly/generate?month=2017-03", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(run.GetProperty("late").GetBoolean());
        Assert.True((await cs.GetFromJsonAsync<JsonElement>("/api/reports/satisfaction/monthly?month=2017-03")).GetProperty("status").GetProperty("late").GetBoolean());
        var xlsx = await cs.GetAsync("/api/reports/satisfaction/monthly.xlsx?month=2017-03");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal("形象分析月报_2017年3月.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);   // a name a person keeps
        var overview = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), sheetName: "概览").Cast<IDictionary<string, object?>>().ToList();
        Assert.IsType<double>(overview.Single(r => r["A"] as string == "有效问卷")["B"]);   // a number Excel sums and charts, not text

        // SAT-6 before publication: nobody outside customer service reads the answers.
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/reports/satisfaction/monthly?month=2017-03")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/reports/satisfaction/monthly?month=2017-03")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/api/reports/satisfaction/personal?month=2017-03&staffId={me}")).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await manager.GetFromJsonAsync<JsonElement>($"/api/surveys/tasks/{hidden}")).GetProperty("responses").ValueKind);   // the call sheet, not the answers
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/api/surveys/tasks/{hidden}")).StatusCode);
        var vpReport = await (await app.SignedInAs("vp@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/reports/satisfaction/monthly?month=2017-03");
        Assert.False(vpReport.GetProperty("cases").GetBoolean());   // leadership: the figures, not the answers
        Assert.Equal(0, vpReport.GetProperty("comments").GetArrayLength());
        var sheet = await cs.GetFromJsonAsync<JsonElement>($"/api/surveys/tasks/{hidden}");
        Assert.Contains(sheet.GetProperty("responses")[0].GetProperty("answers").EnumerateArray(), a => a.GetProperty("questionId").GetString() == "overall" && a.GetProperty("value").GetString() == "3");

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("callback@demo.guanxi.cn")).PostAsync("/api/reports/satisfaction/monthly/publish?month=2017-03", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cs.PostAsync("/api/reports/satisfaction/monthly/publish?month=2017-03", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.PostAsync("/api/reports/satisfaction/monthly/publish?month=2017-03", null)).StatusCode);

        // After: the department's manager reads its results and questionnaires; the consultant their own score only.
        var published = await manager.GetFromJsonAsync<JsonElement>("/api/reports/satisfaction/monthly?month=2017-03");
        Assert.True(published.GetProperty("cases").GetBoolean());
        Assert.Equal(2, published.GetProperty("figures").GetProperty("responses").GetInt32());
        Assert.Equal("3", (await manager.GetFromJsonAsync<JsonElement>($"/api/surveys/tasks/{hidden}")).GetProperty("responses")[0].GetProperty("answers").EnumerateArray()
            .Single(a => a.GetProperty("questionId").GetString() == "overall").GetProperty("value").GetString());
        var personal = await sales.GetFromJsonAsync<JsonElement>("/api/reports/satisfaction/personal?month=2017-03");
        Assert.Equal((2, false), (personal.GetProperty("figures").GetProperty("responses").GetInt32(), personal.GetProperty("cases").GetBoolean()));
        var other = (await (await app.SignedInAs("sales2@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/api/reports/satisfaction/personal?month=2017-03&staffId={other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/reports/satisfaction/monthly?month=2017-03")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/api/surveys/tasks/{hidden}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SurveyApiTests_Sqlite(SqliteApp app) : SurveyApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SurveyApiTests_Postgres(PostgresApp app) : SurveyApiTests(app);
