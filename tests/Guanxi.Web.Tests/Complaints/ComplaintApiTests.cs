using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Service;
using Guanxi.Web.Features.Complaints;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Complaints;

/// <summary>SVC-2, SVC-8, SVC-11: complaints through the API on both databases — the contract, each step, who sees and acts, bad input, the times job.</summary>
public abstract class ComplaintApiTests(GuanxiApp app)
{
    private static int phone;

    private static async Task<Guid> Customer(HttpClient client, string name)
    {
        var mobile = $"1370{Interlocked.Increment(ref phone) + (Random.Shared.Next(0, 9000) * 100):D7}";
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> Order(HttpClient client, Guid customer, string? staffId = null)
    {
        var response = await client.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = $"C-{Guid.NewGuid():N}"[..20], customerId = customer, orderedAt = D(Today.AddDays(-30)), deliveredAt = D(Today.AddDays(-20)), amount = 150_000m, staffId,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object Body(Guid customer, string severity = "medium", Guid? orderId = null, string category = "repairQuality", string summary = "保养后发动机异响") =>
        new { customerId = customer, channel = "phone", category, severity, touchpoint = "afterSale", summary, details = "客户来电：上周保养后冷车启动有异响。", orderId };

    private static async Task<JsonElement> Receive(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/complaints", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var made = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/complaints/{made.GetProperty("id").GetGuid()}", response.Headers.Location?.ToString());
        return made;
    }

    private static async Task<(JsonElement View, string ETag)> Get(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/complaints/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag!.Tag);
    }

    private static async Task<JsonElement> Act(HttpClient client, Guid id, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/complaints/{id}/{action}", body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> UserId(string email)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            return (await db.Users.SingleAsync(u => u.Email == email)).Id;
    }

    private static string[] Kinds(JsonElement view) => [.. view.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()!)];

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task SVC2_a_complaint_is_received_with_its_tiers_times_and_read_back_with_its_steps()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var categories = await sales.GetFromJsonAsync<JsonElement>("/api/complaints/categories");
        var quality = categories.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "productQuality");
        Assert.Equal("产品质量", quality.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, quality.GetProperty("parentCode").ValueKind);
        Assert.Equal(8, categories.GetArrayLength());

        var customer = await Customer(sales, "周投诉");
        var made = await Receive(sales, Body(customer));
        Assert.Equal(["id", "status", "tier", "responseDueAt", "resolutionDueAt"], made.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("new", "ordinary"), (made.GetProperty("status").GetString(), made.GetProperty("tier").GetString()));
        var (response, resolution) = (made.GetProperty("responseDueAt").GetDateTimeOffset(), made.GetProperty("resolutionDueAt").GetDateTimeOffset());
        Assert.True(response > TimeProvider.System.GetUtcNow() && resolution > response);

        var id = made.GetProperty("id").GetGuid();
        var (view, etag) = await Get(sales, id);
        Assert.Equal(["received"], Kinds(view));
        Assert.Equal((customer, "repairQuality", "维修质量", "phone", "afterSale", "medium"), (view.GetProperty("customerId").GetGuid(), view.GetProperty("category").GetString(),
            view.GetProperty("categoryName").GetString(), view.GetProperty("channel").GetString(), view.GetProperty("touchpoint").GetString(), view.GetProperty("severity").GetString()));
        Assert.Equal(response, view.GetProperty("responseDueAt").GetDateTimeOffset());
        Assert.Equal($"\"{view.GetProperty("version").GetGuid()}\"", etag);
        Assert.Equal("response", view.GetProperty("pending").GetString());
        Assert.Equal(await UserId("sales@demo.guanxi.cn"), view.GetProperty("steps")[0].GetProperty("byId").GetString());

        var list = await sales.GetFromJsonAsync<JsonElement>("/api/complaints?status=new&category=repairQuality&severity=medium&pageSize=500");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var other = await sales.GetFromJsonAsync<JsonElement>("/api/complaints?category=price&pageSize=500");
        Assert.DoesNotContain(other.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.GetAsync("/api/complaints?status=open")).StatusCode);
    }

    [Fact]
    public async Task SVC8_each_tiers_standard_gives_its_times_and_a_step_out_of_turn_is_refused_and_changes_nothing()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var vip = await Customer(sales, "孔贵宾");
        var ordinary = await Customer(sales, "孔普通");
        var db = app.NewDbContext(out var scope);
        using (scope)
            await db.Set<Domain.Customers.Customer>().Where(c => c.Id == vip).ExecuteUpdateAsync(s => s.SetProperty(c => c.Tier, Domain.Grading.Tier.Vip));

        // The same complaint at the same moment: the VIP's standard (GRD-3) answers and resolves sooner, in working time.
        var fast = await Receive(sales, Body(vip));
        var usual = await Receive(sales, Body(ordinary));
        Assert.Equal(("vip", "ordinary"), (fast.GetProperty("tier").GetString(), usual.GetProperty("tier").GetString()));
        Assert.True(fast.GetProperty("responseDueAt").GetDateTimeOffset() < usual.GetProperty("responseDueAt").GetDateTimeOffset());
        Assert.True(fast.GetProperty("resolutionDueAt").GetDateTimeOffset() < usual.GetProperty("resolutionDueAt").GetDateTimeOffset());

        // Each step in its turn: closing, resuming or reopening what is not there yet is a 409 and changes nothing.
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var id = fast.GetProperty("id").GetGuid();
        var (before, etag) = await Get(cs, id);
        foreach (var (action, body) in new (string, object)[] { ("close", new { customerSatisfied = true, note = "提前结案" }), ("resume", new { }), ("reopen", new { reason = "客户再次来电" }) })
            Assert.Equal(HttpStatusCode.Conflict, (await cs.PostAsJsonAsync($"/api/complaints/{id}/{action}", body)).StatusCode);
        var (after, again) = await Get(cs, id);
        Assert.Equal(etag, again);
        Assert.Equal(Kinds(before), Kinds(after));
        Assert.Equal("new", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SVC2_a_complaint_about_an_order_names_its_department_and_staff_and_goes_through_every_step()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("cs.manager@demo.guanxi.cn"));
        var salesId = await UserId("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "吴投诉");
        var order = await Order(sales, customer, salesId);
        var id = (await Receive(cs, Body(customer, "high", order, "delivery", "交车延误三天"))).GetProperty("id").GetGuid();
        var (view, _) = await Get(cs, id);
        Assert.Equal((order, salesId), (view.GetProperty("orderId").GetGuid(), view.GetProperty("staffId").GetString()));
        Assert.Contains("assign", view.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        var advisor = await UserId("advisor@demo.guanxi.cn");   // the service department does not see this sales customer
        var refused = await cs.PostAsJsonAsync($"/api/complaints/{id}/assign", new { staffId = advisor });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("staffId", await refused.Content.ReadAsStringAsync());

        var manager = await UserId("sales.manager@demo.guanxi.cn");
        Assert.Equal("assigned", (await Act(cs, id, "assign", new { staffId = manager })).GetProperty("status").GetString());
        var salesManager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var notices = await salesManager.GetFromJsonAsync<JsonElement>("/api/notifications?pageSize=100");
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/complaints/{id}");
        Assert.Equal("responded", (await Act(salesManager, id, "respond", new { note = "已致电客户致歉，明日交车" })).GetProperty("status").GetString());
        var held = await Act(salesManager, id, "hold", new { reason = "等客户确认交车时间" });
        Assert.Equal("onHold", held.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, held.GetProperty("heldSince").ValueKind);
        Assert.Equal("responded", (await Act(salesManager, id, "resume")).GetProperty("status").GetString());
        var resolved = await Act(salesManager, id, "resolve", new { resolution = "已交车并赠送保养一次", note = "流程需改进", needsImprovement = true });
        Assert.Equal(("resolved", true), (resolved.GetProperty("status").GetString(), resolved.GetProperty("needsImprovement").GetBoolean()));
        var conflict = await salesManager.PostAsJsonAsync($"/api/complaints/{id}/respond", new { note = "再答复" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var closed = await Act(cs, id, "close", new { customerSatisfied = true, note = "回访确认满意" });
        Assert.Equal(("closed", true), (closed.GetProperty("status").GetString(), closed.GetProperty("customerSatisfied").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, (await cs.PostAsJsonAsync($"/api/complaints/{id}/resolve", new { resolution = "再解决" })).StatusCode);

        var reopened = await Act(cs, id, "reopen", new { reason = "客户反映赠送的保养未兑现" });
        Assert.Equal(("assigned", 1), (reopened.GetProperty("status").GetString(), reopened.GetProperty("reopenCount").GetInt32()));
        Assert.Equal(["received", "assigned", "responded", "held", "resumed", "resolved", "closed", "reopened"], Kinds(reopened));
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("closedAt").ValueKind);
        Assert.Equal(manager, reopened.GetProperty("steps")[1].GetProperty("assigneeId").GetString());

        // Item 8: the problem for improvement, once, for customer service and leadership only.
        var problems = await cs.GetFromJsonAsync<JsonElement>("/api/complaints/problems?pageSize=500");
        var problem = problems.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("sourceId").GetGuid() == id);
        Assert.Equal(("complaint", view.GetProperty("departmentId").GetGuid()), (problem.GetProperty("kind").GetString(), problem.GetProperty("departmentId").GetGuid()));
        Assert.Contains("交车延误三天", problem.GetProperty("description").GetString());
        await Act(salesManager, id, "resolve", new { resolution = "已兑现保养", needsImprovement = true });
        problems = await (await app.SignedInAs("vp@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/complaints/problems?pageSize=500");
        Assert.Single(problems.GetProperty("items").EnumerateArray(), p => p.GetProperty("sourceId").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/complaints/problems")).StatusCode);
    }

    [Fact]
    public async Task SVC2_complaints_follow_the_customers_sight_and_only_their_handlers_act()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "郑投诉");
        var id = (await Receive(sales, Body(customer))).GetProperty("id").GetGuid();

        var gm = await app.SignedInAs("gm@demo.guanxi.cn");
        var (read, _) = await Get(gm, id);
        Assert.Empty(read.GetProperty("actions").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await gm.PostAsJsonAsync($"/api/complaints/{id}/respond", new { note = "领导批示" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gm.PostAsJsonAsync($"/api/complaints", Body(customer))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsJsonAsync($"/api/complaints/{id}/respond", new { note = "我来答复" })).StatusCode);   // not the assignee
        foreach (var outsider in new[] { "service.manager@demo.guanxi.cn", "sales2@demo.guanxi.cn", "advisor@demo.guanxi.cn" })
        {
            var client = await app.SignedInAs(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/complaints/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/complaints/{id}/assign", new { staffId = "x" })).StatusCode);
            var list = await client.GetFromJsonAsync<JsonElement>("/api/complaints?pageSize=500");
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        }
        var advisor = await app.SignedInAs("advisor@demo.guanxi.cn");
        var outOfSight = await advisor.PostAsJsonAsync("/api/complaints", Body(customer));
        Assert.Equal(HttpStatusCode.NotFound, outOfSight.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("hr@demo.guanxi.cn")).PostAsJsonAsync("/api/complaints", Body(customer))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PutAsJsonAsync("/api/complaints/categories", new[] { new { code = "other", name = "其他" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"/api/complaints/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task SVC2_bad_input_is_refused_per_field_and_changes_nothing()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "王投诉");
        var another = await Customer(sales, "冯投诉");
        var foreignOrder = await Order(sales, another);
        async Task<JsonElement> Refused(object body)
        {
            var response = await sales.PostAsJsonAsync("/api/complaints", body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }
        var errors = await Refused(new { customerId = customer, channel = "phone", category = "noSuchThing", severity = "high", touchpoint = "sale", summary = new string('长', 201) });
        Assert.True(errors.TryGetProperty("category", out _) && errors.TryGetProperty("summary", out _));
        Assert.Contains("没有这个投诉类别", errors.GetProperty("category")[0].GetString());
        Assert.True((await Refused(new { customerId = customer, channel = "phone", category = "price", severity = "urgent", touchpoint = "sale", summary = "价格" })).TryGetProperty("severity", out _));
        Assert.True((await Refused(new { customerId = customer, channel = "pigeon", category = "price", severity = "low", touchpoint = "sale", summary = "价格" })).TryGetProperty("channel", out _));
        var missing = await Refused(new { channel = "phone", category = "price", touchpoint = "sale", summary = "价格" });
        Assert.True(missing.TryGetProperty("customerId", out _) && missing.TryGetProperty("severity", out _));
        Assert.True((await Refused(Body(customer, orderId: foreignOrder))).TryGetProperty("orderId", out _));
        Assert.True((await Refused(Body(customer, orderId: Guid.NewGuid()))).TryGetProperty("orderId", out _));
        Assert.True((await Refused(new { customerId = customer, channel = "phone", category = "price", severity = "low", touchpoint = "sale", summary = "  " })).TryGetProperty("summary", out _));
        var db = app.NewDbContext(out var scope);
        using (scope)
            Assert.False(await db.Set<Complaint>().AnyAsync(c => c.CustomerId == customer));

        var id = (await Receive(sales, Body(customer))).GetProperty("id").GetGuid();
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var noNote = await cs.PostAsJsonAsync($"/api/complaints/{id}/respond", new { note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("note", await noNote.Content.ReadAsStringAsync());
        var (view, _) = await Get(cs, id);
        Assert.Equal(["received"], Kinds(view));
    }

    [Fact]
    public async Task SVC2_an_action_on_a_stale_version_loses_cleanly()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("duty@demo.guanxi.cn"));
        var id = (await Receive(sales, Body(await Customer(sales, "陈投诉")))).GetProperty("id").GetGuid();
        var (_, etag) = await Get(cs, id);
        var first = await cs.SendIfMatch(HttpMethod.Post, $"/api/complaints/{id}/respond", new { note = "已回电" }, etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);
        var stale = await cs.SendIfMatch(HttpMethod.Post, $"/api/complaints/{id}/hold", new { reason = "等客户" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var (view, _) = await Get(cs, id);
        Assert.Equal("responded", view.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SVC11_a_complaint_about_a_member_of_staff_is_theirs_to_see_only_once_handled_without_the_customers_personal_data()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var salesId = await UserId("sales@demo.guanxi.cn");
        var customer = await Customer(manager, "褚投诉");   // the manager's own customer
        var order = await Order(manager, customer, salesId);
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var id = (await Receive(cs, Body(customer, orderId: order, category: "attitude", summary: "销售顾问态度差"))).GetProperty("id").GetGuid();

        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"/api/complaints/{id}")).StatusCode);
        Assert.DoesNotContain((await sales.GetFromJsonAsync<JsonElement>("/api/complaints?pageSize=500")).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var (full, _) = await Get(manager, id);
        Assert.DoesNotContain("****", full.GetProperty("customerPhone").GetString());

        await Act(cs, id, "respond", new { note = "已向客户致歉" });
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"/api/complaints/{id}")).StatusCode);
        async Task<bool> OnTimeline(HttpClient client) => (await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/timeline?kind=complaint"))
            .GetProperty("items").EnumerateArray().Any(e => e.GetProperty("link").GetString() == $"/complaints/{id}");
        Assert.True(await OnTimeline(manager));
        Assert.False(await OnTimeline(sales));   // the customer's 时间线 keeps the rule too
        await Act(cs, id, "resolve", new { resolution = "批评教育，客户接受", needsImprovement = false });
        Assert.True(await OnTimeline(sales));
        var (handled, _) = await Get(sales, id);
        Assert.Contains("****", handled.GetProperty("customerPhone").GetString());
        Assert.Empty(handled.GetProperty("actions").EnumerateArray());
        Assert.Contains((await sales.GetFromJsonAsync<JsonElement>("/api/complaints?status=resolved&pageSize=500")).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task SVC2_a_paused_complaint_shows_its_pause_and_overdue_counts_only_running_late_times()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var customer = await Customer(sales, "蒋投诉");
        Guid late;
        await using (var scope = await app.ScopeAs("cs.manager@demo.guanxi.cn"))
        {
            // Received a month before: long past its times.
            var past = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(-30));
            var receive = ActivatorUtilities.CreateInstance<ReceiveComplaint>(scope.ServiceProvider, (TimeProvider)past);
            late = (await receive.Handle(new ComplaintBody(customer, ContactChannel.Phone, "waitingTime", ComplaintSeverity.Low, Touchpoint.AfterSale, "等待维修时间过长", null, null))).Value!.Id;
        }
        var fresh = (await Receive(cs, Body(customer, "low"))).GetProperty("id").GetGuid();
        var overdue = (await cs.GetFromJsonAsync<JsonElement>("/api/complaints?overdue=true&pageSize=500")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(overdue, r => r.GetProperty("id").GetGuid() == late && r.GetProperty("overdue").GetBoolean() && r.GetProperty("hoursLeft").GetDouble() < 0);
        Assert.DoesNotContain(overdue, r => r.GetProperty("id").GetGuid() == fresh);

        var held = await Act(cs, fresh, "hold", new { reason = "客户出差，下周回来再约" });
        var left = held.GetProperty("hoursLeft").GetDouble();
        await Task.Delay(1100);
        var (again, _) = await Get(cs, fresh);
        Assert.Equal(("onHold", left), (again.GetProperty("status").GetString(), again.GetProperty("hoursLeft").GetDouble()));
        Assert.Equal(held.GetProperty("heldSince").GetDateTimeOffset(), again.GetProperty("heldSince").GetDateTimeOffset());
        Assert.DoesNotContain((await cs.GetFromJsonAsync<JsonElement>("/api/complaints?overdue=true&pageSize=500")).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == fresh);
    }

    [Fact]
    public async Task SVC2_a_complaint_received_on_Friday_16_00_before_a_public_holiday_is_due_on_the_right_working_day_and_hour()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "沈投诉");
        await using var scope = await app.ScopeAs("sales@demo.guanxi.cn");
        async Task<ReceivedComplaint> At(DateTimeOffset when, ComplaintSeverity severity)
        {
            var receive = ActivatorUtilities.CreateInstance<ReceiveComplaint>(scope.ServiceProvider, (TimeProvider)new FakeTimeProvider(when.ToUniversalTime()));
            return (await receive.Handle(new ComplaintBody(customer, ContactChannel.Phone, "price", severity, Touchpoint.Sale, "报价与合同不符", null, null))).Value!;
        }
        // The enterprise's calendar with the State Council's 2026 schedule; an ordinary customer: 24 and 72 working hours,
        // 08:30–12:00 and 13:30–17:30. Friday 3 April 16:00, before 清明 (4–6 April): 1.5 h that day, then from Tuesday 7 April.
        var qingming = await At(Shanghai(2026, 4, 3, 16), ComplaintSeverity.Medium);
        Assert.Equal(Shanghai(2026, 4, 9, 17, 30), qingming.ResponseDueAt);
        Assert.Equal(Shanghai(2026, 4, 20, 11, 30), qingming.ResolutionDueAt);
        // Wednesday 30 September 16:00, before 国庆 (1–7 October), critical: 6 and 18 hours; Saturday 10 October (调休) is worked.
        var national = await At(Shanghai(2026, 9, 30, 16), ComplaintSeverity.Critical);
        Assert.Equal(Shanghai(2026, 10, 8, 14, 30), national.ResponseDueAt);
        Assert.Equal(Shanghai(2026, 10, 10, 10), national.ResolutionDueAt);
    }

    [Fact]
    public async Task SVC2_the_times_job_fires_the_warning_and_each_escalation_level_once_at_the_right_time_to_the_right_people()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "韩投诉");
        var clock = new FakeTimeProvider(Shanghai(2027, 3, 12, 16).ToUniversalTime());
        Guid id;
        await using (var scope = await app.ScopeAs("cs.manager@demo.guanxi.cn"))
        {
            var receive = ActivatorUtilities.CreateInstance<ReceiveComplaint>(scope.ServiceProvider, (TimeProvider)clock);
            id = (await receive.Handle(new ComplaintBody(customer, ContactChannel.Phone, "repairQuality", ComplaintSeverity.Critical, Touchpoint.AfterSale, "刹车维修后仍异响", null, null))).Value!.Id;
            clock.SetUtcNow(Shanghai(2027, 3, 12, 16, 5).ToUniversalTime());
            var assign = ActivatorUtilities.CreateInstance<AssignComplaint>(scope.ServiceProvider, (TimeProvider)clock);
            Assert.True((await assign.Handle(id, new AssignBody(await UserId("sales@demo.guanxi.cn")))).Succeeded);
        }
        // Critical for an ordinary customer: 6 h to respond, 18 h to resolve (a quarter of 24 and 72), from Friday 16:00.
        var expected = new (DateTimeOffset At, string Kind, int? Level, string Target, string To)[]
        {
            (Shanghai(2027, 3, 15, 11, 30), "warned", null, "response", "sales@demo.guanxi.cn"),           // 4.5 h
            (Shanghai(2027, 3, 15, 14, 30), "escalated", 1, "response", "sales@demo.guanxi.cn"),           // 6 h
            (Shanghai(2027, 3, 15, 17, 30), "escalated", 2, "response", "sales.manager@demo.guanxi.cn"),   // 9 h
            (Shanghai(2027, 3, 16, 11, 30), "escalated", 3, "response", "cs.manager@demo.guanxi.cn"),      // 12 h
            (Shanghai(2027, 3, 16, 14, 30), "warned", null, "resolution", "sales@demo.guanxi.cn"),        // 13.5 h of 18
            (Shanghai(2027, 3, 16, 16, 0), "escalated", 4, "response", "vp@demo.guanxi.cn"),               // 15 h
        };
        async Task<List<(string Kind, int? Level, string? Target)>> Fired()
        {
            var db = app.NewDbContext(out var scope);
            using (scope)
                return [.. (await db.Set<ComplaintStep>().Where(s => s.ComplaintId == id && (s.Kind == ComplaintStepKind.Warned || s.Kind == ComplaintStepKind.Escalated)).ToListAsync())
                    .OrderBy(s => s.At).ThenBy(s => s.Kind).Select(s => (s.Kind.ToString().ToLowerInvariant(), s.Level, s.Target?.ToString().ToLowerInvariant()))];
        }
        async Task<int> Notices(string email)
        {
            var user = await UserId(email);
            var db = app.NewDbContext(out var scope);
            using (scope)
                return await db.Set<Notification>().CountAsync(n => n.UserId == user && n.Link == $"/complaints/{id}");
        }
        async Task Run(DateTimeOffset at)
        {
            clock.SetUtcNow(at.ToUniversalTime());
            await using var scope = app.Services.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<CheckComplaintTimes>(scope.ServiceProvider, (TimeProvider)clock).Handle();
        }
        var before = new Dictionary<string, int>();
        foreach (var email in expected.Select(e => e.To).Distinct())
            before[email] = await Notices(email);
        for (var i = 0; i < expected.Length; i++)
        {
            var (at, kind, level, target, to) = expected[i];
            var sent = await Notices(to);
            await Run(at.AddMinutes(-1));
            Assert.Equal(i, (await Fired()).Count);   // not a minute early
            await Run(at);
            await Run(at.AddMinutes(2));
            var fired = await Fired();
            Assert.Equal(i + 1, fired.Count);         // at the time, and once
            Assert.Equal((kind, level, target), fired[^1]);
            Assert.True(await Notices(to) > sent, $"{to} hears of {kind} {level}");
        }
        await Run(Shanghai(2027, 6, 30, 17));
        Assert.Equal(expected.Length, (await Fired()).Count);
        var (view, _) = await Get(await app.SignedInAs("cs.manager@demo.guanxi.cn"), id);
        Assert.Equal(4, view.GetProperty("escalationLevel").GetInt32());
        Assert.Equal("system", view.GetProperty("steps").EnumerateArray().Last().GetProperty("byId").GetString());
        Assert.Equal(before["vp@demo.guanxi.cn"] + 1, await Notices("vp@demo.guanxi.cn"));   // each level to its people once
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ComplaintApiTests_Sqlite(SqliteApp app) : ComplaintApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ComplaintApiTests_Postgres(PostgresApp app) : ComplaintApiTests(app);
