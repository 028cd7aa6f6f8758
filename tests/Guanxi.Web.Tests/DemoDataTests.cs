using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Inspections;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Demo;
using Guanxi.Web.Features.Inspections;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanxi.Web.Tests;

/// <summary>
/// Issue 22, the demo's oddities: what the generator makes, without a database — each organisation a name of its own, no
/// group named like a tier, service orders at a dealer's prices.
/// </summary>
public sealed class DemoGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Sales = Guid.NewGuid(), Service = Guid.NewGuid();

    private static List<Customer> Customers(int count) =>
        [.. DemoCustomers.Generate(new Random(DemoEnterprise.Seed), ChineseNames.LoadShipped(), Divisions.LoadShipped(),
            [new DemoCustomers.Owner("owner-1", Sales), new DemoCustomers.Owner("owner-2", Service)], count, Now, Today)];

    [Theory]
    [InlineData(DemoCustomers.DefaultCount)]
    [InlineData(60_000)]   // a bench's scale: beyond the plain names, their branches
    public void Every_demo_organisation_has_a_name_of_its_own(int count)
    {
        var customers = Customers(count);
        var organisations = customers.Where(c => c.Type == CustomerType.Organization).Select(c => c.Name).ToList();
        Assert.True(organisations.Count > count / 20);
        Assert.Equal(organisations.Count, organisations.Distinct(StringComparer.Ordinal).Count());
        Assert.All(organisations, n => Assert.Matches("(公司|分公司)$", n));
        // The duplicates page still has its planted pairs: persons entered twice with the same mobile, never a firm.
        var planted = customers.GroupBy(c => c.Phones[0].Number).Where(g => g.Count() > 1).ToList();
        Assert.True(planted.Count >= count / 300 - 1);
        Assert.All(planted.SelectMany(g => g), c => Assert.Equal(CustomerType.Person, c.Type));
        Assert.Contains(customers, c => c.TradeCustomer);   // dealers among the firms, excluded from surveys (SAT-1)
    }

    [Fact]
    public void No_demo_group_is_named_like_a_tier()
    {
        var groups = DemoCustomers.Groups(new Random(1), [], "owner-1", Now).Groups.Select(g => g.Name).ToList();
        Assert.Equal(6, groups.Count);
        var tiers = Enum.GetValues<Tier>().SelectMany(t => new[] { t.Chinese(), t.English() })
            .Concat(TierResources("SharedResource.resx")).Concat(TierResources("SharedResource.en.resx")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("重要客户", tiers);
        Assert.DoesNotContain(groups, tiers.Contains);
    }

    [Fact]
    public void Demo_service_orders_cost_what_a_dealers_workshop_charges()
    {
        var customers = Customers(DemoCustomers.DefaultCount);
        var site = new DemoOrders.Site(Sales, ["consultant"], Service, ["advisor"]);
        var service = DemoOrders.Generate(new Random(DemoEnterprise.Seed), customers, _ => site, Today).Where(o => o.Kind == OrderKind.Service)
            .Select(o => (o.Items, Amount: o.Items.Sum(i => i.Amount), o.Payments)).ToList();
        Assert.True(service.Count > 1000);
        Assert.All(service, o =>
        {
            Assert.InRange(o.Amount, 300m, 50_000m);   // never ¥0: the first service's labour is free, its oil and filter are not
            Assert.All(o.Items, i => Assert.True(i.Amount > 0));
            Assert.Equal(o.Amount, o.Payments.Sum(p => p.Amount));
        });
        var amounts = service.Select(o => o.Amount).Order().ToList();
        Assert.InRange(amounts[amounts.Count / 2], 300m, 3_000m);   // most visits are maintenance
        Assert.InRange(amounts.Count(a => a > 3_000m), amounts.Count / 50, amounts.Count / 4);   // repairs cost more, now and then
        Assert.True(amounts.Distinct().Count() > 200);   // a spread, not a price list of eight
        Assert.All(service.Where(o => o.Items[0].Name.StartsWith("首次保养", StringComparison.Ordinal)), o => Assert.InRange(o.Amount, 300m, 800m));
    }

    private static IEnumerable<string> TierResources(string file)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Guanxi.slnx")))
            root = Path.GetDirectoryName(root)!;
        return XDocument.Load(Path.Combine(root, "src", "Guanxi.Web", "Resources", file)).Root!.Elements("data")
            .Where(d => ((string)d.Attribute("name")!).StartsWith("Tier.", StringComparison.Ordinal) && Enum.TryParse<Tier>(((string)d.Attribute("name")!)[5..], out _))
            .Select(d => (string)d.Element("value")!);
    }
}

/// <summary>Issue 22, the demo as the first start seeds it, on both databases: the managers' inboxes.</summary>
public abstract class DemoSeedTests(GuanxiApp app)
{
    [Fact]
    public async Task The_demos_alerts_are_spread_over_its_history_in_working_hours_and_mostly_read()
    {
        app.EnsureAvailable();
        using var db = app.NewDbContext(out var scope);
        using var _ = scope;
        // What the demo wrote: before the moment it made its staff (other tests add alerts of their own, now).
        var seeded = (await db.Users.Select(u => u.CreatedAt).ToListAsync()).Min();
        var inbox = (await db.Set<Notification>().AsNoTracking().ToListAsync()).Where(n => n.At <= seeded).ToList();
        Assert.NotEmpty(inbox);
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, shanghai).DateTime);
        // Those of the seeding day itself may have come in just before it, whatever the hour.
        Assert.All(inbox.Where(n => Day(n.At) < Day(seeded)), n => Assert.InRange(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(n.At, shanghai).DateTime), new TimeOnly(8, 30), new TimeOnly(17, 30)));
        Assert.True(inbox.Select(n => n.At).Distinct().Count() > inbox.Count / 3);
        Assert.All(inbox.Where(n => n.At < seeded.AddDays(-4)), n => Assert.NotNull(n.ReadAt));
        Assert.DoesNotContain(inbox, n => n.Title.StartsWith("关注客户等级变化", StringComparison.Ordinal));   // the first grading is no news
        Assert.All(inbox, n => Assert.Contains("（最长 1 天）", n.Body));   // told the day after the instalment fell due
    }

    [Fact]
    public async Task The_demo_has_a_year_of_contacts_follow_ups_some_overdue_and_a_case_library()
    {
        app.EnsureAvailable();
        using var db = app.NewDbContext(out var scope);
        using var _ = scope;
        var seeded = (await db.Users.Select(u => u.CreatedAt).ToListAsync()).Min();   // the demo's customers, not those other tests add
        var customers = await db.Set<Customer>().CountAsync(c => c.Status == CustomerStatus.Active && c.CreatedAt < seeded);
        var contacted = await db.Set<Customer>().CountAsync(c => c.Status == CustomerStatus.Active && c.CreatedAt < seeded && c.LastContactAt != null);
        Assert.InRange(contacted, customers * 6 / 10, customers);
        var channels = await db.Set<Domain.Service.Contact>().Select(k => k.Channel).Distinct().CountAsync();
        Assert.True(channels >= 5, $"{channels} channels");
        var followUps = db.Set<Domain.Tasks.CustomerTask>().Where(t => t.Kind == Domain.Tasks.CustomerTaskKind.FollowUpCall || t.Kind == Domain.Tasks.CustomerTaskKind.FollowUpVisit);
        Assert.True(await followUps.AnyAsync(t => t.DoneAt != null && t.FollowUp != null && t.FollowUp.Opportunity));
        Assert.True(await followUps.AnyAsync(t => t.DoneAt == null && t.DueOn < Days.Today), "some follow-ups are overdue in their owners' lists");
        Assert.True(await followUps.AnyAsync(t => t.DoneAt == null && t.DueOn >= Days.Today), "the next ones are planned");
        var complaints = await db.Set<Domain.Complaints.Complaint>().AsNoTracking().Where(c => c.ReceivedAt < seeded).ToListAsync();
        Assert.True(complaints.Count >= 60, $"{complaints.Count} complaints");
        Assert.Contains(complaints, c => c.Status == Domain.Complaints.ComplaintStatus.Closed && c.ResolutionUsed <= c.ResolutionTarget);   // most on time
        Assert.Contains(complaints, c => c.ResolutionUsed > c.ResolutionTarget);                                                      // some late
        Assert.Contains(complaints, c => c.IsOpen);
        Assert.True(await db.Set<Domain.Complaints.ComplaintStep>().AnyAsync(s => s.Kind == Domain.Complaints.ComplaintStepKind.Escalated), "late ones escalated");
        var month = new DateOnly(Days.Today.Year, Days.Today.Month, 1).AddMonths(-1);
        var shanghai = Days.Shanghai;
        Assert.True(complaints.Count(c => c.Category == "repairQuality" && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.ReceivedAt, shanghai).DateTime) is var d
            && d >= month.AddDays(10) && d < month.AddDays(15)) >= 12, "last month's 维修质量 spike");
        var warnings = await db.Set<Domain.Service.CrisisWarning>().AsNoTracking().Where(w => w.RaisedAt < seeded).ToListAsync();
        var spiking = Assert.Single(warnings, w => w.Kind == Domain.Service.CrisisSeriesKind.Category && w.SeriesKey == "repairQuality" && w.Window == Domain.Service.SpikeWindow.Week);
        Assert.Equal(Domain.Service.CrisisStatus.Open, spiking.Status);
        Assert.False(string.IsNullOrWhiteSpace(spiking.Plan));
        Assert.True(spiking.Communications.Count >= 2);
        var cases = (await db.Set<Domain.Service.ServiceCase>().AsNoTracking().ToListAsync()).Where(c => c.CreatedAt < seeded).ToList();   // the demo's, not those the case tests write (compared here: SQLite keeps these instants as text)
        Assert.InRange(cases.Count, 10, 12);
        Assert.Contains(cases, c => c.Status == Domain.Service.CaseStatus.Draft);
        Assert.True(cases.Count(c => c.Status == Domain.Service.CaseStatus.Published) >= 8);
    }

    [Fact]
    public async Task The_demo_asked_about_half_of_its_resolved_complaints_customers_after_resolution_and_the_service_report_shows_their_answers()
    {
        app.EnsureAvailable();
        using var db = app.NewDbContext(out var scope);
        using var _ = scope;
        var seeded = (await db.Users.Select(u => u.CreatedAt).ToListAsync()).Min();
        var now = TimeProvider.System.GetUtcNow();
        // The demo's complaints: of its customers, received before it made its staff (other tests add their own, now or back in 2018, for new customers).
        var complaints = await (from c in db.Set<Complaint>().AsNoTracking()
                                join customer in db.Set<Customer>() on c.CustomerId equals customer.Id
                                where c.ReceivedAt < seeded && customer.CreatedAt < seeded
                                select c).ToListAsync();
        var asked = complaints.Where(c => c.CheckTaskId != null).ToList();
        var share = (double)asked.Count / complaints.Count(c => c.IsHandled && c.ResolvedAt < seeded || c.CheckTaskId != null);   // not those other tests resolved since
        // About half: 0.4–0.65 on the demo alone; other tests on the shared database handle some of its complaints since (seen 0.37 after a full run).
        Assert.InRange(share, 0.3, 0.65);

        var program = await db.Set<SurveyProgram>().Where(p => p.Population == ProgramPopulation.ResolvedComplaints).Select(p => p.Id).SingleAsync();
        var taskIds = asked.Select(c => c.CheckTaskId!.Value).ToList();
        var tasks = await db.Set<SurveyTask>().AsNoTracking().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id);
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => taskIds.Contains(r.TaskId) && r.SupersededBy == null).ToDictionaryAsync(r => r.TaskId);
        var complaintIds = asked.Select(c => c.Id).ToList();
        var steps = (await db.Set<ComplaintStep>().AsNoTracking().Where(s => complaintIds.Contains(s.ComplaintId)).ToListAsync()).ToLookup(s => s.ComplaintId);
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Days.Shanghai).DateTime);
        Assert.All(asked, c =>
        {
            var task = tasks[c.CheckTaskId!.Value];
            var ask = Assert.Single(steps[c.Id], s => s.Kind == ComplaintStepKind.CheckAsked);
            var resolved = steps[c.Id].Where(s => s.Kind == ComplaintStepKind.Resolved).Min(s => s.At);
            Assert.Equal(program, task.ProgramId);
            Assert.InRange(ask.At, resolved, resolved.AddHours(2));   // asked by its handler on resolving it
            Assert.Equal(c.AssigneeId, ask.ById);
            Assert.Equal((Day(resolved), Day(ask.At)), (task.DeliveredOn, task.Opens));
            Assert.True(task.Due > task.Opens);
            if (responses.TryGetValue(task.Id, out var response))
            {
                Assert.InRange(response.RespondedAt, ask.At, now);
                Assert.InRange(response.RespondedOn, task.Opens, task.Due);   // within the program's window
                Assert.Equal((task.Outcome, task.AssigneeId), (response.Outcome, response.RecordedById));   // by the callback specialist it was given to
                var check = Assert.Single(steps[c.Id], s => s.Kind == ComplaintStepKind.Checked);
                Assert.Equal((ComplaintCheck.Verdict(response), ComplaintCheck.Verdict(response), response.RecordedById), (check.Satisfied, c.CheckSatisfied, check.ById));
                Assert.DoesNotContain(steps[c.Id], s => s.Kind == ComplaintStepKind.Closed && s.At < check.At);   // closed once the customer answered
            }
            else
            {
                Assert.Equal(SurveyOutcome.Pending, task.Outcome);
                Assert.Null(c.CheckSatisfied);
                Assert.DoesNotContain(steps[c.Id], s => s.Kind == ComplaintStepKind.Checked);
            }
        });
        Assert.All(steps.SelectMany(s => s), s => Assert.True(s.At <= now, "nothing in the future"));
        Assert.True(asked.Count(c => c.CheckSatisfied == true) > asked.Count(c => c.CheckSatisfied == false), "most satisfied");
        Assert.Contains(asked, c => c.CheckSatisfied == false && ComplaintCheck.Solved(responses[c.CheckTaskId!.Value].Answers) == false);   // the problem not really solved
        Assert.Contains(asked, c => c.CheckSatisfied == false && c.ReopenCount > 0);                                                   // reopened by its handler
        Assert.Contains(tasks.Values, t => t.Outcome == SurveyOutcome.Unreachable);
        var waiting = tasks.Values.Where(t => t.Outcome == SurveyOutcome.Pending && t.Due >= Days.Today).ToList();
        Assert.InRange(waiting.Count, 2, asked.Count / 3);   // a few: those resolved in the last working days

        // The callback specialist finds one in 我的任务, with what it is about.
        var callback = await db.Users.Where(u => u.Email == "callback@demo.guanxi.cn").Select(u => u.Id).SingleAsync();
        var theirs = waiting.First(t => t.AssigneeId == callback);
        var about = asked.Single(c => c.CheckTaskId == theirs.Id);
        var mine = await (await app.SignedInAs("callback@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/tasks?state=open&workPageSize=500");
        var call = mine.GetProperty("work").EnumerateArray().Single(w => w.GetProperty("kind").GetString() == "surveyCall").GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == theirs.Id);
        Assert.Contains(about.Summary, call.GetProperty("what").GetString());
        Assert.Equal($"/surveys/tasks/{theirs.Id}", call.GetProperty("href").GetString());

        // The 服务分析 of the last twelve months: the checks after resolution, at least the demo's of the period (other tests add theirs).
        var report = await (await app.SignedInAs("cs.manager@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/reports/service");
        var from = DateOnly.Parse(report.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var inPeriod = asked.Where(c => Day(c.ReceivedAt) >= from).ToList();
        var checks = report.GetProperty("resolutionChecks");
        int Figure(string name) => checks.GetProperty(name).GetInt32();
        Assert.True(Figure("requested") >= inPeriod.Count && inPeriod.Count > 0, $"{Figure("requested")} requested");
        Assert.True(Figure("answered") >= inPeriod.Count(c => tasks[c.CheckTaskId!.Value].Outcome == SurveyOutcome.Completed) && Figure("answered") > 0);
        Assert.True(Figure("satisfied") > 0 && Figure("notSatisfied") > 0 && Figure("invalid") > 0 && Figure("pending") > 0);
        Assert.InRange(checks.GetProperty("satisfiedRate").GetDouble(), 50, 99.9);
        Assert.InRange(checks.GetProperty("averageScore").GetDouble(), 60, 99);
    }

    [Fact]
    public async Task The_demo_has_six_months_of_inspections_with_findings_in_every_state_and_the_schedule_job_adds_none_to_them()
    {
        app.EnsureAvailable();
        using var db = app.NewDbContext(out var scope);
        using var _ = scope;
        var seeded = (await db.Users.Select(u => u.CreatedAt).ToListAsync()).Min();
        var now = TimeProvider.System.GetUtcNow();
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DepartmentId));
        var departments = await db.Users.ToDictionaryAsync(u => u.Id, u => u.DepartmentId);
        // The demo's plans: made six months ago by the VP (other tests make theirs now), twice a month, inspected by the VP or the customer-service manager.
        var plans = (await db.Set<InspectionPlan>().AsNoTracking().ToListAsync()).Where(p => p.CreatedAt < seeded).ToList();
        Assert.Equal(["回访专员", "服务顾问", "销售顾问"], plans.Select(p => p.Post).Order(StringComparer.Ordinal));
        Assert.All(plans, p =>
        {
            Assert.Equal((2, true, users["vp@demo.guanxi.cn"].Id), (p.PerMonth, p.Active, p.CreatedById));
            Assert.InRange(p.StartsOn, Days.Today.AddMonths(-6).AddDays(-7), Days.Today.AddMonths(-6));
            Assert.Contains(p.InspectorId, new[] { users["vp@demo.guanxi.cn"].Id, users["cs.manager@demo.guanxi.cn"].Id });
        });
        Assert.Equal(users["sales.manager@demo.guanxi.cn"].DepartmentId, plans.Single(p => p.Post == "销售顾问").DepartmentId);
        Assert.Equal(["服务礼仪", "着装", "话术", "流程", "展厅环境"], plans.Single(p => p.Post == "销售顾问").Items.Select(i => i.Name));
        Assert.Equal(2, plans.Select(p => p.InspectorId).Distinct().Count());

        // Every month from the plan's first day to the next month has the inspections the schedule gives, on its days, once each.
        var calendar = await scope.ServiceProvider.GetRequiredService<Features.Calendar.EnterpriseCalendar>().Current();
        var planIds = plans.Select(p => p.Id).ToList();
        var nextMonth = InspectionSchedule.FirstOf(Days.Today).AddMonths(1);
        async Task<List<Inspection>> Inspections() =>
            (await db.Set<Inspection>().AsNoTracking().Where(i => planIds.Contains(i.PlanId)).ToListAsync()).Where(i => i.Month <= nextMonth).OrderBy(i => i.DueOn).ThenBy(i => i.PlanId).ToList();
        var inspections = await Inspections();
        foreach (var plan in plans)
        {
            for (var month = InspectionSchedule.FirstOf(plan.StartsOn); month <= nextMonth; month = month.AddMonths(1))
                Assert.Equal(plan.Owed(month, calendar), inspections.Where(i => i.PlanId == plan.Id && i.Month == month).OrderBy(i => i.Sequence).Select(i => (i.Sequence, i.DueOn)));
        }
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Days.Shanghai).DateTime);
        var done = inspections.Where(i => i.DoneAt != null).ToList();
        Assert.InRange(done.Count, 3 * 10 - 1, 3 * 14);
        Assert.True(done.Min(i => i.DueOn) <= Days.Today.AddMonths(-5) && done.Max(i => i.DueOn) >= Days.Today.AddDays(-30), "six months of them, the last ones recent");
        Assert.All(done, i =>
        {
            Assert.Equal(i.InspectorId, i.DoneById);
            Assert.InRange(Day(i.DoneAt!.Value), i.DueOn, i.DueOn.AddDays(2));
            Assert.True(i.DoneAt <= now && i.FailedCount + i.PassedCount == i.Checklist.Count);
        });
        Assert.Contains(done, i => Day(i.DoneAt!.Value) > i.DueOn);   // a few late
        Assert.InRange(inspections.Count(i => i.IsOverdue(Days.Today)), 1, 2);
        Assert.Contains(inspections, i => i.DoneAt == null && i.DueOn >= Days.Today);   // the next ones

        // A finding for every failed item; each state, one or two overdue; owners of the department; some re-checks failed once.
        var findings = (await db.Set<Finding>().AsNoTracking().Where(f => planIds.Contains(f.PlanId)).ToListAsync()).Where(f => f.RaisedAt < seeded).ToList();
        Assert.Equal(done.Sum(i => i.FailedCount), findings.Count);
        Assert.Equal([FindingStatus.Open, FindingStatus.Fixed, FindingStatus.Closed], findings.Select(f => f.Status).Distinct().Order());
        Assert.InRange(findings.Count(f => f.IsOverdue(Days.Today)), 1, 2);
        Assert.True(findings.Count(f => f.Status == FindingStatus.Closed) > findings.Count / 2, "most closed");
        Assert.All(findings.Where(f => f.OwnerId is not null), f => Assert.Equal(f.DepartmentId, departments[f.OwnerId!]));
        Assert.All(findings.Where(f => f.Status == FindingStatus.Closed), f => Assert.Equal(FindingStepKind.RecheckPassed, f.Steps[^1].Kind));
        Assert.Contains(findings, f => f.Status == FindingStatus.Closed && f.Steps.Any(s => s.Kind == FindingStepKind.RecheckFailed));
        Assert.All(findings.SelectMany(f => f.Steps), s => Assert.True(s.At <= now, "nothing in the future"));
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");   // the sales consultant finds the overdue one in their list
        var late = await sales.GetFromJsonAsync<JsonElement>("/api/findings?overdue=true");
        Assert.Contains(late.GetProperty("items").EnumerateArray(), f => f.GetProperty("ownerId").GetString() == users["sales@demo.guanxi.cn"].Id && f.GetProperty("overdue").GetBoolean());

        // The pass-rate report tells that 着装 improved after the plans' second month.
        var rates = await (await app.SignedInAs("vp@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/inspections/pass-rates");
        foreach (var plan in plans.Where(p => p.Items.Any(i => i.Name == DemoInspections.ImprovingItem)))
        {
            var dress = rates.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("departmentId").GetGuid() == plan.DepartmentId && l.GetProperty("post").GetString() == plan.Post
                && l.GetProperty("item").GetString() == DemoInspections.ImprovingItem).GetProperty("months").EnumerateArray().ToList();
            int Count(IEnumerable<JsonElement> months, string what) => months.Sum(m => m.GetProperty(what).GetInt32());
            var (early, later) = (dress.Take(1).ToList(), dress.Skip(2).Take(3).ToList());
            Assert.True(Count(early, "checked") > 0 && Count(later, "checked") > 0);
            Assert.True((double)Count(early, "passed") / Count(early, "checked") < (double)Count(later, "passed") / Count(later, "checked"), $"{plan.Post}: 着装 improves");
        }

        // The nightly job, run now: nothing missing this month or before, and next month's made already.
        var before = inspections.Select(i => (i.PlanId, i.Month, i.Sequence, i.DueOn)).ToList();
        await using (var job = app.Services.CreateAsyncScope())
            await job.ServiceProvider.GetRequiredService<ScheduleInspections>().Handle();
        var after = await Inspections();
        Assert.Equal(before, after.Select(i => (i.PlanId, i.Month, i.Sequence, i.DueOn)));
        Assert.Equal(after.Count, after.Select(i => (i.PlanId, i.DueOn)).Distinct().Count());
    }

    [Fact]
    public async Task SVC10_the_demo_has_a_distributor_with_slow_stock_and_its_sell_through_proposals()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var report = await manager.GetFromJsonAsync<JsonElement>("/api/stock/slow");
        var distributor = report.GetProperty("distributors").EnumerateArray()
            .Single(d => d.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("product").GetString() == DemoStock.Battery));
        var lines = distributor.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("product").GetString()!);
        Assert.Equal(("noMovement", "promotion"), (lines[DemoStock.Battery].GetProperty("reason").GetString(), lines[DemoStock.Battery].GetProperty("suggestion").GetString()));
        Assert.True(lines[DemoStock.Battery].GetProperty("daysWithoutMovement").GetInt32() >= DemoStock.BatteryStillDays);
        Assert.Equal(("highCover", "transfer"), (lines[DemoStock.Antifreeze].GetProperty("reason").GetString(), lines[DemoStock.Antifreeze].GetProperty("suggestion").GetString()));
        Assert.False(lines.ContainsKey(DemoStock.Oil));   // it sells
        Assert.All(lines.Values, l => Assert.Equal(JsonValueKind.String, l.GetProperty("openTaskId").ValueKind));   // the night's proposals are open
        var stock = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{distributor.GetProperty("customerId").GetGuid()}/stock");
        Assert.Equal(3, stock.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task The_demo_has_a_year_of_care_with_consents_deliveries_failures_and_opt_outs()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var failed = await cs.GetFromJsonAsync<JsonElement>("/api/messages?status=failed&pageSize=5");
        var delivered = await cs.GetFromJsonAsync<JsonElement>("/api/messages?status=delivered&pageSize=5");
        var suppressed = await cs.GetFromJsonAsync<JsonElement>("/api/messages?status=suppressed&pageSize=500");
        Assert.True(delivered.GetProperty("total").GetInt32() > 10 * failed.GetProperty("total").GetInt32());
        Assert.True(failed.GetProperty("total").GetInt32() > 0);
        var reasons = suppressed.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("reason").GetString()).ToHashSet();
        Assert.Contains("noConsent", reasons);
        Assert.Contains("optedOut", reasons);   // replied T after the Spring Festival: not greeted at Mid-Autumn
        var templates = await cs.GetFromJsonAsync<JsonElement>("/api/templates");
        Assert.Contains(templates.EnumerateArray(), t => t.GetProperty("name").GetString() == DemoMessaging.MidAutumnTemplate && t.GetProperty("segments").GetInt32() >= 1);
        var customer = delivered.GetProperty("items")[0].GetProperty("customerId").GetGuid();
        Assert.Contains((await cs.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/consents")).EnumerateArray(), c => c.GetProperty("state").GetString() == "granted");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemoSeedTests_Sqlite(SqliteApp app) : DemoSeedTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DemoSeedTests_Postgres(PostgresApp app) : DemoSeedTests(app);
