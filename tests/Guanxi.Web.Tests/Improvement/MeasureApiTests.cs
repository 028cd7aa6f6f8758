using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Features.Improvement;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Improvement;

/// <summary>CAPA-1…7 through the API on both databases: the tracking sheet's contract, each party's step, the working-day plan deadline, who sees what, bad input.</summary>
public abstract class MeasureApiTests(GuanxiApp app)
{
    private const string Cs = "cs.manager@demo.guanxi.cn";
    private const string Vp = "vp@demo.guanxi.cn";
    private const string SalesManager = "sales.manager@demo.guanxi.cn";
    private const string ServiceManager = "service.manager@demo.guanxi.cn";
    private const string Consultant = "sales@demo.guanxi.cn";

    private async Task<(string Id, Guid Department)> Staff(string email)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return (user.Id, user.DepartmentId);
        }
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<Guid> RaiseManual(string title = "交车讲解不充分")
    {
        var cs = await app.SignedInAs(Cs);
        var (_, sales) = await Staff(SalesManager);
        var made = await Ok(await cs.PostAsJsonAsync("/api/measures", new { source = new { kind = "manual" }, title, description = "近一周 5 位客户反映交车时未讲解保养周期。", departmentId = sales }),
            HttpStatusCode.Created);
        return made.GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, Guid id, string action, object body) => client.PostAsJsonAsync($"/api/measures/{id}/{action}", body);

    /// <summary>Reported, opinion given, signed, analysed and planned with two actions due on <paramref name="due"/>.</summary>
    private async Task<Guid> Planned(DateOnly due)
    {
        var id = await RaiseManual();
        var (_, sales) = await Staff(SalesManager);
        var (consultant, _) = await Staff(Consultant);
        var (manager, _) = await Staff(SalesManager);
        await Ok(await Post(await app.SignedInAs(Vp), id, "opinion", new { opinion = "销售部两周内整改交车流程", departmentId = sales }));
        var salesManager = await app.SignedInAs(SalesManager);
        await Ok(await Post(salesManager, id, "sign", new { }));
        await Ok(await Post(salesManager, id, "analysis", new { causes = new[] { "交车时间紧", "没有讲解清单" }, causeCategory = "method", suggestion = "制定交车讲解清单" }));
        await Ok(await Post(salesManager, id, "plan", new
        {
            actions = new[] { new { title = "编写交车讲解清单", ownerId = consultant, dueOn = D(due) }, new { title = "培训全体销售顾问", ownerId = manager, dueOn = D(due) } }, dueOn = D(due),
        }));
        return id;
    }

    private async Task<int> Notices(string email, Guid measure)
    {
        var (user, _) = await Staff(email);
        var db = app.NewDbContext(out var scope);
        using (scope)
            return await db.Set<Notification>().CountAsync(n => n.UserId == user && n.Link == $"/measures/{measure}");
    }

    private static string[] Steps(JsonElement view) => [.. view.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()!)];

    [Fact]
    public async Task CAPA2_customer_service_reports_the_VP_gives_an_opinion_and_the_department_signs_with_the_time()
    {
        app.EnsureAvailable();
        var id = await RaiseManual();
        var cs = await app.SignedInAs(Cs);
        var (view, etag) = (await cs.GetAsync($"/api/measures/{id}"), "");
        var read = await Ok(view);
        etag = view.Headers.ETag!.Tag;
        Assert.Equal(("reported", "manual"), (read.GetProperty("status").GetString(), read.GetProperty("source").GetProperty("kind").GetString()));
        Assert.Matches(@"^GJ\d{8}$", read.GetProperty("number").GetString());
        Assert.True(await Notices(Vp, id) >= 1);   // the VP hears of it at once

        var (_, service) = await Staff(ServiceManager);
        var (_, sales) = await Staff(SalesManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(cs, id, "opinion", new { opinion = "x", departmentId = sales })).StatusCode);
        var vp = await app.SignedInAs(Vp);
        var bad = await Post(vp, id, "opinion", new { opinion = "", departmentId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("departmentId", out _) && errors.TryGetProperty("opinion", out _), errors.ToString());
        // The opinion names the after-sales department first, then the VP changes it to sales before anyone signs.
        await Ok(await Post(vp, id, "opinion", new { opinion = "售后部负责", departmentId = service }));
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/measures/{id}/opinion") { Content = JsonContent.Create(new { opinion = "销售部负责", departmentId = sales }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await vp.SendAsync(stale)).StatusCode);
        await Ok(await Post(vp, id, "opinion", new { opinion = "销售部两周内整改交车流程", departmentId = sales }));
        Assert.True(await Notices(SalesManager, id) >= 1);

        Assert.Equal(HttpStatusCode.NotFound, (await Post(await app.SignedInAs(ServiceManager), id, "sign", new { })).StatusCode);   // no longer theirs to see
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(cs, id, "sign", new { })).StatusCode);
        var signed = await Ok(await Post(await app.SignedInAs(SalesManager), id, "sign", new { }));
        Assert.Equal("signed", signed.GetProperty("status").GetString());
        Assert.Equal((await Staff(SalesManager)).Id, signed.GetProperty("signedById").GetString());
        Assert.True(signed.GetProperty("signedAt").GetDateTimeOffset() > TimeProvider.System.GetUtcNow().AddMinutes(-5));
        Assert.Equal(["reported", "opinion", "opinion", "signed"], Steps(signed));
        Assert.Equal(HttpStatusCode.Conflict, (await Post(await app.SignedInAs(SalesManager), id, "sign", new { })).StatusCode);
    }

    [Fact]
    public async Task CAPA3_the_plan_is_due_three_working_days_after_signing_across_a_weekend_and_the_national_day_holiday_and_late_plans_go_to_the_VP()
    {
        app.EnsureAvailable();
        var (_, sales) = await Staff(SalesManager);
        async Task<(Guid Id, DateOnly? Due)> SignedAt(DateTimeOffset at)
        {
            var id = await RaiseManual();
            await Ok(await Post(await app.SignedInAs(Vp), id, "opinion", new { opinion = "整改", departmentId = sales }));
            await using var scope = await app.ScopeAs(SalesManager);
            var sign = ActivatorUtilities.CreateInstance<SignMeasure>(scope.ServiceProvider, (TimeProvider)new FakeTimeProvider(at.ToUniversalTime()));
            var signed = await sign.Handle(id);
            Assert.True(signed.Succeeded, string.Join(" ", signed.Errors.Select(e => e.Message)));
            return (id, signed.Value!.PlanDueOn);
        }
        // Friday 6 November 2026, 16:00: Monday, Tuesday, Wednesday.
        var weekend = await SignedAt(new DateTimeOffset(2026, 11, 6, 16, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(new DateOnly(2026, 11, 11), weekend.Due);
        // Wednesday 30 September 2026: 1–7 October off, Thursday 8, Friday 9 and Saturday 10 October (a 调休 working day).
        var holiday = await SignedAt(new DateTimeOffset(2026, 9, 30, 9, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(new DateOnly(2026, 10, 10), holiday.Due);

        var before = await Notices(Vp, weekend.Id);
        async Task Check(DateTimeOffset at)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<CheckMeasureTimes>(scope.ServiceProvider, (TimeProvider)new FakeTimeProvider(at.ToUniversalTime())).Handle();
        }
        await Check(new DateTimeOffset(2026, 11, 11, 17, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(before, await Notices(Vp, weekend.Id));   // not late on its last day
        await Check(new DateTimeOffset(2026, 11, 12, 9, 7, 0, TimeSpan.FromHours(8)));
        await Check(new DateTimeOffset(2026, 11, 12, 10, 7, 0, TimeSpan.FromHours(8)));
        Assert.Equal(before + 1, await Notices(Vp, weekend.Id));   // flagged once
        var read = await Ok(await (await app.SignedInAs(Vp)).GetAsync($"/api/measures/{weekend.Id}"));
        Assert.Contains("planLate", Steps(read));

        // The plan comes on Thursday 12 November: late.
        await using (var scope = await app.ScopeAs(SalesManager))
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 12, 11, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
            Assert.True((await ActivatorUtilities.CreateInstance<AnalyseMeasure>(scope.ServiceProvider, (TimeProvider)clock)
                .Handle(weekend.Id, new AnalysisBody(["原因"], "method", "建议"))).Succeeded);
            var planned = await ActivatorUtilities.CreateInstance<PlanMeasure>(scope.ServiceProvider, (TimeProvider)clock)
                .Handle(weekend.Id, new PlanBody([new PlannedActionBody("整改", (await Staff(SalesManager)).Id, new DateOnly(2026, 11, 20))], new DateOnly(2026, 11, 20)));
            Assert.True(planned.Succeeded, string.Join(" ", planned.Errors.Select(e => e.Message)));
            Assert.True(planned.Value!.PlanLate);
            Assert.Equal(MeasureStatus.Planned, planned.Value.Status);
        }
    }

    [Fact]
    public async Task CAPA5_a_change_of_plan_is_recorded_with_its_reason_and_notifies_customer_service_and_the_VP_at_once()
    {
        app.EnsureAvailable();
        var id = await Planned(Today.AddDays(14));
        var (csBefore, vpBefore) = (await Notices(Cs, id), await Notices(Vp, id));
        var manager = await app.SignedInAs(SalesManager);
        var (me, _) = await Staff(SalesManager);
        var noReason = await Post(manager, id, "plan-change", new { reason = "", actions = new[] { new { title = "分两批培训", ownerId = me, dueOn = D(Today.AddDays(20)) } }, dueOn = D(Today.AddDays(20)) });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var changed = await Ok(await Post(manager, id, "plan-change", new
        {
            reason = "培训场地冲突，改为分两批", actions = new[] { new { title = "第一批培训", ownerId = me, dueOn = D(Today.AddDays(10)) }, new { title = "第二批培训", ownerId = me, dueOn = D(Today.AddDays(20)) } },
            dueOn = D(Today.AddDays(20)),
        }));
        Assert.Equal(D(Today.AddDays(20)), changed.GetProperty("dueOn").GetString());
        var step = changed.GetProperty("steps").EnumerateArray().Last();
        Assert.Equal("planChanged", step.GetProperty("kind").GetString());
        Assert.StartsWith("培训场地冲突，改为分两批", step.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, changed.GetProperty("actions").EnumerateArray().Count(a => a.GetProperty("superseded").GetBoolean()));
        Assert.Equal((csBefore + 1, vpBefore + 1), (await Notices(Cs, id), await Notices(Vp, id)));
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(await app.SignedInAs(Cs), id, "plan-change", new { reason = "x", actions = Array.Empty<object>(), dueOn = D(Today) })).StatusCode);
    }

    [Fact]
    public async Task CAPA5_the_VP_corrects_an_unreasonable_deadline_and_it_is_recorded()
    {
        app.EnsureAvailable();
        var id = await Planned(Today.AddDays(3));
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(await app.SignedInAs(SalesManager), id, "deadline", new { dueOn = D(Today.AddDays(30)), reason = "x" })).StatusCode);
        var vp = await app.SignedInAs(Vp);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(vp, id, "deadline", new { dueOn = D(Today.AddDays(-1)), reason = "过去" })).StatusCode);
        var corrected = await Ok(await Post(vp, id, "deadline", new { dueOn = D(Today.AddDays(30)), reason = "培训须等厂家讲师，三天不合理" }));
        Assert.Equal(D(Today.AddDays(30)), corrected.GetProperty("dueOn").GetString());
        var step = corrected.GetProperty("steps").EnumerateArray().Last();
        Assert.Equal(("deadlineCorrected", (await Staff(Vp)).Id, D(Today.AddDays(30))), (step.GetProperty("kind").GetString(), step.GetProperty("byId").GetString(), step.GetProperty("dueOn").GetString()));
        Assert.Contains("培训须等厂家讲师", step.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CAPA6_the_VP_customer_service_and_the_department_accept_together_and_one_refusal_keeps_it_open()
    {
        app.EnsureAvailable();
        var id = await Planned(Today.AddDays(14));
        var cs = await app.SignedInAs(Cs);
        var inspected = await Ok(await Post(cs, id, "inspections", new { note = "清单初稿已完成", progress = 40 }));
        var step = inspected.GetProperty("steps").EnumerateArray().Last(s => s.GetProperty("kind").GetString() == "inspected").GetProperty("id").GetGuid();
        static MultipartFormDataContent Photo(byte[] bytes, string name)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            return new MultipartFormDataContent { { file, "file", name } };
        }
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]];
        var photo = await Ok(await cs.PostAsync($"/api/measures/{id}/inspections/{step}/photos", Photo(png, "交车区.png")), HttpStatusCode.Created);
        Assert.Equal(png, await (await cs.GetAsync(photo.GetProperty("url").GetString())).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.PostAsync($"/api/measures/{id}/inspections/{step}/photos", Photo("不是图片"u8.ToArray(), "a.png"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs(Vp)).PostAsync($"/api/measures/{id}/inspections/{step}/photos", Photo(png, "b.png"))).StatusCode);   // not the VP's inspection
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs(ServiceManager)).GetAsync(photo.GetProperty("url").GetString())).StatusCode);
        var withPhoto = await Ok(await cs.GetAsync($"/api/measures/{id}"));
        Assert.Single(withPhoto.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == step).GetProperty("photos").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(await app.SignedInAs(SalesManager), id, "inspections", new { note = "自查", progress = 50 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(await app.SignedInAs(Vp), id, "acceptance", new { accepted = true })).StatusCode);   // not yet

        var view = await Ok(await cs.GetAsync($"/api/measures/{id}"));
        var actions = view.GetProperty("actions").EnumerateArray().Select(a => (Id: a.GetProperty("id").GetGuid(), Owner: a.GetProperty("ownerId").GetString())).ToList();
        var (consultantId, _) = await Staff(Consultant);
        var consultantAction = actions.Single(a => a.Owner == consultantId);
        var consultant = await app.SignedInAs(Consultant);
        var mine = await Ok(await consultant.GetAsync($"/api/measures/{id}"));   // an action's owner sees the measure
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("source").GetProperty("text").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.PostAsJsonAsync($"/api/measures/{id}/actions/{actions.Single(a => a != consultantAction).Id}/done", new { note = "x" })).StatusCode);
        await Ok(await consultant.PostAsJsonAsync($"/api/measures/{id}/actions/{consultantAction.Id}/done", new { note = "清单已发布" }));
        var manager = await app.SignedInAs(SalesManager);
        var done = await Ok(await manager.PostAsJsonAsync($"/api/measures/{id}/actions/{actions.Single(a => a != consultantAction).Id}/done", new { note = "已培训 12 人" }));
        Assert.Equal("awaitingAcceptance", done.GetProperty("status").GetString());

        await Ok(await Post(await app.SignedInAs(Vp), id, "acceptance", new { accepted = true, note = "抽查 3 位客户均已知晓" }));
        await Ok(await Post(cs, id, "acceptance", new { accepted = true }));
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(manager, id, "acceptance", new { accepted = false })).StatusCode);   // a refusal says why
        var refused = await Ok(await Post(manager, id, "acceptance", new { accepted = false, note = "新员工尚未培训" }));
        Assert.Equal("awaitingAcceptance", refused.GetProperty("status").GetString());   // two accept, one refuses: not closed
        Assert.Equal([true, true, false], refused.GetProperty("acceptances").EnumerateArray().Select(a => a.GetProperty("accepted").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, (await Post(await app.SignedInAs(ServiceManager), id, "acceptance", new { accepted = true })).StatusCode);   // not theirs to see
        var closed = await Ok(await Post(manager, id, "acceptance", new { accepted = true, note = "新员工已补训" }));
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Post(cs, id, "inspections", new { note = "再看看" })).StatusCode);
    }

    [Fact]
    public async Task CAPA7_a_missed_deadline_allows_a_penalty_proposal_which_is_kept_and_flagged()
    {
        app.EnsureAvailable();
        var id = await Planned(Today);
        var vp = await app.SignedInAs(Vp);
        var (manager, sales) = await Staff(SalesManager);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(vp, id, "penalty", new { staffId = manager, departmentId = sales, rule = "奖惩制度第 12 条" })).StatusCode);   // on time so far
        await using (var scope = await app.ScopeAs(Vp))
        {
            var tomorrow = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(1));
            var propose = ActivatorUtilities.CreateInstance<ProposePenalty>(scope.ServiceProvider, (TimeProvider)tomorrow);
            var bad = await propose.Handle(id, new PenaltyBody("nobody", Guid.NewGuid(), " ", null));
            Assert.Equal(["departmentId", "staffId"], bad.Errors.Select(e => e.Field));
            var proposed = await propose.Handle(id, new PenaltyBody(manager, sales, "奖惩制度第 12 条：未按期整改", "扣减当月绩效 5%"));
            Assert.True(proposed.Succeeded, string.Join(" ", proposed.Errors.Select(e => e.Message)));
            Assert.Equal(("奖惩制度第 12 条：未按期整改", manager), (proposed.Value!.Penalties.Single().Rule, proposed.Value.Penalties.Single().StaffId));
        }
        var overdue = await Ok(await vp.GetAsync($"/api/measures?overdue=true&departmentId={sales}&pageSize=500"));
        Assert.DoesNotContain(overdue.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);   // due today: not overdue yet
        Assert.True(await Notices(SalesManager, id) >= 1);

        // On the department's and the person's records.
        bool Listed(JsonElement page) => page.GetProperty("items").EnumerateArray().Any(p => p.GetProperty("measureId").GetGuid() == id);
        Assert.True(Listed(await Ok(await vp.GetAsync($"/api/measures/penalties?staffId={manager}&pageSize=500"))));
        Assert.True(Listed(await Ok(await (await app.SignedInAs(SalesManager)).GetAsync($"/api/measures/penalties?departmentId={sales}&pageSize=500"))));
        Assert.False(Listed(await Ok(await (await app.SignedInAs(ServiceManager)).GetAsync("/api/measures/penalties?pageSize=500"))));
        Assert.False(Listed(await Ok(await (await app.SignedInAs(Consultant)).GetAsync("/api/measures/penalties?pageSize=500"))));
    }

    [Fact]
    public async Task CAPA1_a_measure_from_a_complaint_needing_improvement_takes_its_department_and_figure_and_a_problem_gets_one_measure()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs(Cs);
        var customer = await Ok(await cs.PostAsJsonAsync("/api/customers", new { type = "person", name = "沈改进", phones = new[] { new { kind = "mobile", number = $"1390{Random.Shared.Next(1_000_000, 9_999_999)}" } }, allowDuplicate = true }),
            HttpStatusCode.Created);
        async Task<Guid> Complaint(bool needsImprovement)
        {
            var made = await Ok(await cs.PostAsJsonAsync("/api/complaints", new
            {
                customerId = customer.GetProperty("id").GetGuid(), channel = "phone", category = "repairQuality", severity = "medium", touchpoint = "afterSale", summary = "保养后异响",
            }), HttpStatusCode.Created);
            var complaint = made.GetProperty("id").GetGuid();
            await Ok(await cs.PostAsJsonAsync($"/api/complaints/{complaint}/resolve", new { resolution = "更换部件", needsImprovement }));
            return complaint;
        }
        var marked = await Complaint(true);
        var unmarked = await Complaint(false);
        var notMarked = await cs.PostAsJsonAsync("/api/measures", new { source = new { kind = "complaint", id = unmarked }, title = "异响", description = "d" });
        Assert.Equal(HttpStatusCode.BadRequest, notMarked.StatusCode);
        Assert.True((await notMarked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("source.id", out _));

        var made = await Ok(await cs.PostAsJsonAsync("/api/measures", new { source = new { kind = "complaint", id = marked }, title = "保养后异响反复出现", description = "同类投诉本月 3 起" }),
            HttpStatusCode.Created);
        var complaintView = await Ok(await cs.GetAsync($"/api/complaints/{marked}"));
        Assert.Equal(complaintView.GetProperty("departmentId").GetGuid(), made.GetProperty("departmentId").GetGuid());
        Assert.Equal(("complaintCount", "repairQuality"), (made.GetProperty("metric").GetProperty("kind").GetString(), made.GetProperty("metric").GetProperty("key").GetString()));
        Assert.Equal($"/complaints/{marked}", made.GetProperty("source").GetProperty("link").GetString());
        // The figure it names, before and after (its actions are not done yet: no after).
        var effect = await Ok(await cs.GetAsync($"/api/measures/{made.GetProperty("id").GetGuid()}/effect"));
        Assert.Equal(["metric", "before", "after", "change", "direction", "significant", "pValue", "status", "verdict", "method"], effect.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("complaintCount", "actionsNotDone", JsonValueKind.Null), (effect.GetProperty("metric").GetProperty("kind").GetString(), effect.GetProperty("status").GetString(), effect.GetProperty("after").ValueKind));
        Assert.Equal(12, effect.GetProperty("before").GetProperty("weeks").GetArrayLength());
        var manual = await RaiseManual("没有指标的措施");
        Assert.Equal(HttpStatusCode.Conflict, (await cs.GetAsync($"/api/measures/{manual}/effect")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(cs, manual, "metric", new { kind = "questionScore", key = "noSuchQuestion" })).StatusCode);
        var choices = await Ok(await cs.GetAsync($"/api/measures/{manual}/effect/choices"));
        Assert.Contains(choices.EnumerateArray(), c => c.GetProperty("kind").GetString() == "questionScore" && c.GetProperty("key").GetString() == "handover");
        var set = await Ok(await Post(cs, manual, "metric", new { kind = "questionScore", key = "handover" }));
        Assert.Equal("handover", set.GetProperty("metric").GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs(Consultant)).GetAsync($"/api/measures/{manual}/effect")).StatusCode);

        var again = await cs.PostAsJsonAsync("/api/measures", new { source = new { kind = "complaint", id = marked }, title = "再提一次", description = "d" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(made.GetProperty("id").GetGuid(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("measureId").GetGuid());
    }

    [Fact]
    public async Task CAPA_who_sees_what_a_department_its_own_and_those_it_is_involved_in_others_nothing()
    {
        app.EnsureAvailable();
        var id = await Planned(Today.AddDays(14));
        var service = await app.SignedInAs(ServiceManager);
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync($"/api/measures/{id}")).StatusCode);
        var register = await Ok(await service.GetAsync("/api/measures?pageSize=500"));
        Assert.DoesNotContain(register.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("sales2@demo.guanxi.cn")).GetAsync($"/api/measures/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs(Consultant)).PostAsJsonAsync("/api/measures", new { source = new { kind = "manual" }, title = "t", description = "d" })).StatusCode);

        var (_, serviceDepartment) = await Staff(ServiceManager);
        var manager = await app.SignedInAs(SalesManager);
        await Ok(await Post(manager, id, "involvements", new { departmentId = serviceDepartment, part = "提供保养周期讲解资料" }));
        var involved = await Ok(await service.GetAsync($"/api/measures/{id}"));
        Assert.True(involved.GetProperty("involvements")[0].GetProperty("canConfirm").GetBoolean());
        Assert.Contains((await Ok(await service.GetAsync("/api/measures?pageSize=500"))).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(manager, id, "involvements/confirm", new { departmentId = serviceDepartment })).StatusCode);
        var confirmed = await Ok(await Post(service, id, "involvements/confirm", new { departmentId = serviceDepartment, note = "周五前提供" }));
        Assert.NotEqual(JsonValueKind.Null, confirmed.GetProperty("involvements")[0].GetProperty("confirmedAt").ValueKind);

        var vp = await Ok(await (await app.SignedInAs(Vp)).GetAsync($"/api/measures?status=planned&departmentId={(await Staff(SalesManager)).Department}&pageSize=500"));
        Assert.Contains(vp.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var counts = vp.GetProperty("counts");
        Assert.True(counts.GetProperty("open").GetInt32() >= 1 && counts.GetProperty("dueThisWeek").GetInt32() >= 0, counts.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await (await app.SignedInAs(Vp)).GetAsync("/api/measures?status=open")).StatusCode);
    }

    [Fact]
    public async Task CAPA_bad_input_is_refused_with_reasons_and_changes_nothing()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs(Cs);
        var before = await Count();
        async Task<JsonElement> Bad(string json)
        {
            var response = await cs.PostAsync("/api/measures", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{json}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }
        Assert.True((await Bad("""{"source":{"kind":"rumour"},"title":"t","description":"d"}""")).TryGetProperty("source.kind", out _));
        Assert.True((await Bad($$"""{"source":{"kind":"manual","id":"{{Guid.NewGuid()}}"},"title":"t","description":"d","departmentId":"{{(await Staff(SalesManager)).Department}}"}""")).TryGetProperty("source.id", out _));
        Assert.True((await Bad($$"""{"source":{"kind":"surveyProblem","id":"{{Guid.NewGuid()}}"},"title":"t","description":"d"}""")).TryGetProperty("source.id", out _));
        var huge = await Bad($$"""{"source":{"kind":"manual"},"title":"{{new string('长', 5000)}}","description":"","departmentId":"{{Guid.NewGuid()}}"}""");
        Assert.True(huge.TryGetProperty("title", out _) && huge.TryGetProperty("description", out _) && huge.TryGetProperty("departmentId", out _), huge.ToString());
        await Bad("""{"source":{"kind":"manual"},"title":1,"description":"d"}""");
        Assert.Equal(before, await Count());

        var id = await Planned(Today.AddDays(10));
        var manager = await app.SignedInAs(SalesManager);
        var nulls = await manager.PostAsync($"/api/measures/{id}/plan-change", new StringContent("""{"reason":"r","actions":[null],"dueOn":"2099-01-01"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, nulls.StatusCode);
        var owner = await Post(manager, id, "plan-change", new { reason = "r", actions = new[] { new { title = "t", ownerId = "nobody", dueOn = D(Today.AddDays(5)) } }, dueOn = D(Today.AddDays(10)) });
        Assert.Equal(HttpStatusCode.BadRequest, owner.StatusCode);
        Assert.True((await owner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("actions[0].ownerId", out _));
        var unchanged = await Ok(await manager.GetAsync($"/api/measures/{id}"));
        Assert.Equal(2, unchanged.GetProperty("actions").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(manager, id, "analysis", new { causes = new[] { "1", "2", "3", "4", "5", "6" }, causeCategory = "luck", suggestion = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(manager, Guid.NewGuid(), "analysis", new { causes = new[] { "1" }, causeCategory = "method", suggestion = "s" })).StatusCode);

        async Task<int> Count()
        {
            var db = app.NewDbContext(out var scope);
            using (scope)
                return await db.Set<Measure>().CountAsync();
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MeasureApiTests_Sqlite(SqliteApp app) : MeasureApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MeasureApiTests_Postgres(PostgresApp app) : MeasureApiTests(app);
