using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Care;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Messaging;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Features.Care;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Guanxi.Web.Tests.Care;

/// <summary>SVC-5 and issue 25 item 10 through the API on both databases: care plans, the morning run with a fake clock, the care report.</summary>
public abstract class CareApiTests(GuanxiApp app)
{
    private const string Cs = "cs.manager@demo.guanxi.cn";
    private static int phone;

    private static string Mobile() => $"1371{Interlocked.Increment(ref phone) + Random.Shared.Next(0, 9000) * 100:D7}";

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).ToUniversalTime();

    private static async Task<Guid> Customer(HttpClient client, string name, DateOnly? birthday = null, bool lunar = false, string? preferences = null)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new
        {
            type = "person", name, gender = "female", phones = new[] { new { kind = "mobile", number = Mobile() } }, birthday, lunarBirthday = lunar,
            notes = new { preferences, needs = preferences is null ? null : "想换一台七座车" }, allowDuplicate = true,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task Consent(HttpClient client, Guid customer)
    {
        var response = await client.PutAsJsonAsync($"/api/customers/{customer}/consents", new[] { new { channel = "sms", kind = "marketing", state = "granted", source = "form" } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Guid> Group(HttpClient client, params Guid[] members)
    {
        var response = await client.PostAsJsonAsync("/api/groups", new { name = $"关怀{Guid.NewGuid():N}"[..12] });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var added = await client.PostAsJsonAsync($"/api/groups/{id}/members", new { customerIds = members });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task<Guid> EmptyGroup(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/groups", new { name = $"无人{Guid.NewGuid():N}"[..12] });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> Template(HttpClient client, string channel = "sms")
    {
        var response = await client.PostAsJsonAsync("/api/templates", new
        {
            name = $"关怀{Guid.NewGuid():N}"[..10], channel, kind = "marketing", subject = channel == "email" ? "{{ occasion.name }}快乐" : null,
            text = "{{ customer.surname }}{{ customer.title }}，祝您{{ occasion.name }}快乐！",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object Plan(string occasion, Guid template, Guid? group, string[]? callTiers = null, string channel = "sms", int daysBefore = 0, string name = "关怀计划", string sendTime = "09:00") => new
    {
        name, occasion, tiers = Array.Empty<string>(), stages = Array.Empty<string>(), groupId = group, channel, templateId = template, daysBefore, sendTime,
        callTiers = callTiers ?? [], active = true,
    };

    private static async Task<JsonElement> Create(HttpClient client, object plan)
    {
        var response = await client.PostAsJsonAsync("/api/care/plans", plan);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<CareRunResult> RunAt(DateTimeOffset now)
    {
        await using var scope = await app.ScopeAs(null);
        var run = ActivatorUtilities.CreateInstance<RunCarePlans>(scope.ServiceProvider, (TimeProvider)new FakeTimeProvider(now));
        return await run.Handle();
    }

    private async Task<List<OutboxMessage>> Messages(Guid plan)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.CarePlanId == plan).ToListAsync();
    }

    private async Task<List<CustomerTask>> Calls(Guid plan)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var tasks = db.Set<CareCall>().Where(c => c.PlanId == plan).Select(c => c.TaskId);
            return await db.Set<CustomerTask>().AsNoTracking().Where(t => tasks.Contains(t.Id)).ToListAsync();
        }
    }

    private async Task Vip(Guid customer)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            await db.Set<Customer>().Where(c => c.Id == customer).ExecuteUpdateAsync(s => s.SetProperty(c => c.Tier, Tier.Vip));
    }

    [Fact]
    public async Task SVC5_care_plans_are_created_and_changed_by_the_customer_service_manager_with_every_bad_field_named()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs(Cs);
        var (sms, email) = (await Template(cs), await Template(cs, "email"));
        var nobody = await EmptyGroup(cs);   // the plans of this test greet no one when other tests run the morning job
        var created = await Create(cs, Plan("midAutumn", sms, nobody, ["vip"], name: "中秋问候"));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(("midAutumn", "中秋节", "09:00"), (created.GetProperty("occasion").GetString(), created.GetProperty("occasionName").GetString(), created.GetProperty("sendTime").GetString()));
        Assert.Equal(["vip"], created.GetProperty("callTiers").EnumerateArray().Select(t => t.GetString()));
        var list = await cs.GetFromJsonAsync<JsonElement>("/api/care/plans");
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);

        var changed = Plan("midAutumn", sms, nobody, ["vip", "important"], daysBefore: 1, name: "中秋问候（提前一天）", sendTime: "10:30");
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await cs.PutAsJsonAsync($"/api/care/plans/{id}", changed)).StatusCode);
        using (var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/care/plans/{id}") { Content = JsonContent.Create(changed) })
        {
            stale.Headers.TryAddWithoutValidation("If-Match", $"\"{Guid.NewGuid()}\"");
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await cs.SendAsync(stale)).StatusCode);
        }
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/care/plans/{id}") { Content = JsonContent.Create(changed) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", $"\"{created.GetProperty("version").GetGuid()}\"");
            var response = await cs.SendAsync(put);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var view = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((1, "10:30", 2), (view.GetProperty("daysBefore").GetInt32(), view.GetProperty("sendTime").GetString(), view.GetProperty("callTiers").GetArrayLength()));
        }

        async Task Bad(object plan, string field)
        {
            var response = await cs.PostAsJsonAsync("/api/care/plans", plan);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), body);
        }
        var before = (await cs.GetFromJsonAsync<JsonElement>("/api/care/plans")).GetArrayLength();
        await Bad(Plan("midAutumn", sms, null, name: " "), "name");
        await Bad(Plan("midAutumn", sms, null, daysBefore: 31), "daysBefore");
        await Bad(Plan("midAutumn", sms, null, sendTime: "25:00"), "sendTime");
        await Bad(Plan("midAutumn", email, null), "templateId");
        await Bad(Plan("midAutumn", Guid.NewGuid(), null), "templateId");
        await Bad(Plan("midAutumn", sms, Guid.NewGuid()), "groupId");
        await Bad(Plan("midAutumn", sms, null, channel: "phone"), "channel");
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.PostAsJsonAsync("/api/care/plans", Plan("easter", sms, null))).StatusCode);
        Assert.Equal(before, (await cs.GetFromJsonAsync<JsonElement>("/api/care/plans")).GetArrayLength());

        var (sales, manager) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("sales.manager@demo.guanxi.cn"));
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/care/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsJsonAsync("/api/care/plans", Plan("midAutumn", sms, null))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/care/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/care/plans", Plan("midAutumn", sms, null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cs.PutAsJsonAsync($"/api/care/plans/{Guid.NewGuid()}", changed)).StatusCode);

        var calendar = await cs.GetFromJsonAsync<JsonElement>("/api/care/calendar?year=2027");
        var midAutumn = calendar.EnumerateArray().Single(o => o.GetProperty("occasion").GetString() == "midAutumn");
        Assert.Equal(("2027-09-15", "中秋节"), (midAutumn.GetProperty("date").GetString(), midAutumn.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, calendar.EnumerateArray().Single(o => o.GetProperty("occasion").GetString() == "birthday").GetProperty("date").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.GetAsync("/api/care/calendar?year=1999")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/care/calendar")).StatusCode);
    }

    [Fact]
    public async Task SVC5_Mid_Autumn_greets_the_consented_suppresses_the_silent_calls_the_vip_and_writes_nothing_twice_and_the_report_counts_them()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs(Cs));
        var (consented, silent, vip) = (await Customer(sales, "秦月明"), await Customer(sales, "秦无声"), await Customer(sales, "秦贵宾", preferences: "喜欢普洱茶"));
        await Consent(sales, consented);
        await Consent(sales, vip);
        await Vip(vip);
        var plan = (await Create(cs, Plan("midAutumn", await Template(cs), await Group(sales, consented, silent, vip), ["vip"], name: "中秋问候"))).GetProperty("id").GetGuid();
        var day = new DateOnly(2027, 9, 15);
        Assert.Equal(day, CareCalendar.DateOf(Occasion.MidAutumn, 2027));

        await RunAt(At(day.AddDays(-1), 6, 30));   // the day before: not yet
        Assert.Empty(await Messages(plan));
        await RunAt(At(day, 6, 30));
        var messages = await Messages(plan);
        Assert.Equal(2, messages.Count);
        var greeting = messages.Single(m => m.CustomerId == consented);
        Assert.Equal((MessageStatus.Queued, "中秋节", plan), (greeting.Status, greeting.Occasion, greeting.CarePlanId!.Value));
        Assert.Equal(At(day, 9), greeting.PlannedAt);
        Assert.Equal(At(day.AddDays(1), 0), greeting.SendBy);
        Assert.Contains("秦女士，祝您中秋节快乐！", greeting.Text, StringComparison.Ordinal);
        Assert.Equal($"care:{plan:N}:20270915", greeting.DedupeKey);
        var suppressed = messages.Single(m => m.CustomerId == silent);
        Assert.Equal((MessageStatus.Suppressed, SuppressionReason.NoConsent), (suppressed.Status, suppressed.Reason));
        Assert.DoesNotContain(messages, m => m.CustomerId == vip);
        var call = Assert.Single(await Calls(plan));
        Assert.Equal((vip, CustomerTaskKind.CareCall, day), (call.CustomerId, call.Kind, call.DueOn));
        Assert.True(call.Note.Contains("中秋节", StringComparison.Ordinal) && call.Note.Contains("偏好：喜欢普洱茶", StringComparison.Ordinal), call.Note);

        await RunAt(At(day, 11));   // a second run the same day
        Assert.Equal(2, (await Messages(plan)).Count);
        Assert.Single(await Calls(plan));

        var report = await cs.GetFromJsonAsync<JsonElement>("/api/care/report?from=2027-09-15&to=2027-09-15");
        var row = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("occasion").GetString() == "midAutumn" && r.GetProperty("channel").GetString() == "sms");
        Assert.Equal((2, 1, 1, 1, 0), (row.GetProperty("written").GetInt32(), row.GetProperty("suppressed").GetProperty("noConsent").GetInt32(), row.GetProperty("queued").GetInt32(),
            row.GetProperty("messaged").GetInt32(), row.GetProperty("sent").GetInt32()));
        var other = await (await app.SignedInAs("service.manager@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/care/report?from=2027-09-15&to=2027-09-15");
        Assert.DoesNotContain(other.GetProperty("rows").EnumerateArray(), r => r.GetProperty("occasion").GetString() == "midAutumn");   // another department's customers
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/care/report")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.GetAsync("/api/care/report?from=2027-09-16&to=2027-09-15")).StatusCode);
    }

    [Fact]
    public async Task SVC5_a_lunar_birthday_is_greeted_on_its_lunar_day_and_the_report_counts_the_vips_called()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs(Cs));
        var born = new DateOnly(1980, 2, 16);   // 正月初一 of 1980: the lunar birthday is 春节, 26 January 2028
        var (lunar, solar, vip) = (await Customer(sales, "钱农历", born, lunar: true), await Customer(sales, "钱公历", born), await Customer(sales, "钱贵宾", born, lunar: true, preferences: "爱听评弹"));
        foreach (var c in new[] { lunar, solar, vip })
            await Consent(sales, c);
        await Vip(vip);
        var plan = (await Create(cs, Plan("birthday", await Template(cs), await Group(sales, lunar, solar, vip), ["vip"], name: "生日祝福"))).GetProperty("id").GetGuid();

        var lunarDay = new DateOnly(2028, 1, 26);
        await RunAt(At(lunarDay, 6, 30));
        var messages = await Messages(plan);
        Assert.Equal([lunar], messages.Select(m => m.CustomerId));
        Assert.Equal(("生日", MessageStatus.Queued), (messages[0].Occasion, messages[0].Status));
        var call = Assert.Single(await Calls(plan));
        Assert.Equal((vip, lunarDay), (call.CustomerId, call.DueOn));
        await RunAt(At(new DateOnly(2028, 2, 16), 6, 30));
        Assert.Equal([lunar, solar], (await Messages(plan)).OrderBy(m => m.PlannedAt).Select(m => m.CustomerId));

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var task = await db.Set<CustomerTask>().SingleAsync(t => t.Id == call.Id);
            Assert.True(task.Complete("已致电祝寿", "system", At(lunarDay, 10)).Succeeded);
            await db.SaveChangesAsync();
        }
        var report = await cs.GetFromJsonAsync<JsonElement>("/api/care/report?from=2028-01-26&to=2028-01-26");
        var calls = report.GetProperty("vipBirthdayCalls");
        Assert.Equal((1, 1, 1.0), (calls.GetProperty("opened").GetInt32(), calls.GetProperty("called").GetInt32(), calls.GetProperty("share").GetDouble()));
        var row = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("occasion").GetString() == "birthday");
        Assert.Equal((1, 1), (row.GetProperty("written").GetInt32(), row.GetProperty("messaged").GetInt32()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CareApiTests_Sqlite(SqliteApp app) : CareApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CareApiTests_Postgres(PostgresApp app) : CareApiTests(app);
