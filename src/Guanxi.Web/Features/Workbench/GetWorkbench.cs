using System.Globalization;
using System.Text.Json;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Improvement;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Surveys;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Complaints;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.FollowUps;
using Guanxi.Web.Features.Grading;
using Guanxi.Web.Features.Improvement;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Guanxi.Web.Features.Workbench;

/// <summary>Open, overdue and due-today tasks of one kind (or all), and those done this month.</summary>
public sealed record TaskFigures(int Open, int DueToday, int Overdue, int DoneThisMonth);

/// <summary>SVC-4: the caller's open follow-ups (care calls, follow-up calls and visits), of those overdue, and due in the next 7 days.</summary>
public sealed record MyFollowUps(int Open, int Overdue, int DueIn7Days);

/// <summary>SVC-4: open follow-ups in sight, of those overdue, and the owner most behind (most overdue) with their count.</summary>
public sealed record TeamFollowUps(int Open, int Overdue, string? MostBehind, int MostBehindOverdue);

/// <summary>SVC-2: open complaints (neither resolved nor closed), of those past a running time, and those escalated at least once.</summary>
public sealed record ComplaintFigures(int Open, int Overdue, int Escalated);

public sealed record RecentOrder(Guid Id, Guid CustomerId, string Customer, OrderKind Kind, DateOnly OrderedAt, decimal Amount);

/// <summary>A sales consultant's or service advisor's day: their tasks, their customers not followed up within their tier's cadence, their latest orders, their published score.</summary>
public sealed record MyDaySection(TaskFigures Tasks, IReadOnlyDictionary<CustomerTaskKind, int> OpenByKind, int Customers, int NotFollowedUp,
    IReadOnlyList<RecentOrder> RecentOrders, string? ScoreMonth, double? Score, int ScoreResponses, MyFollowUps FollowUps, ComplaintFigures? Complaints);

/// <summary>Survey calls: due today (window open, due today), overdue, call-backs booked for today or later, done today; and open in all.</summary>
public sealed record CallFigures(int Open, int DueToday, int Overdue, int CallBacks, int DoneToday);

/// <summary>One month's satisfaction: index and NPS (null without responses), against the target.</summary>
public sealed record SatisfactionMonth(string Month, int Responses, double? Index, double? Nps);

/// <summary>A satisfaction report's state: the month, whether generated and published, by when, and whether late.</summary>
public sealed record ReportState(string Month, DateOnly Due, DateOnly PublishBy, bool Generated, bool Published, bool Late);

/// <param name="Measures">Every improvement measure's figures, for the customer-service manager (not the duty manager).</param>
public sealed record CustomerServiceSection(CallFigures Calls, int ProblemsThisMonth, int ProblemsLast30Days, ReportState LastMonth, int LateReports12Months,
    IReadOnlyList<SatisfactionMonth> Satisfaction, SatisfactionTargets Targets, TeamFollowUps FollowUps, ComplaintFigures Complaints, MeasureFigures? Measures);

public sealed record CountOf(string Key, int Count, int? Before);

/// <param name="Measures">The improvement measures the department answers for.</param>
public sealed record DepartmentSection(string Department, TaskFigures Tasks, TaskFigures Reviews, IReadOnlyList<CountOf> Tiers, IReadOnlyList<CountOf> Stages,
    int ChurnedThisMonth, int ChurnedLastMonth, IReadOnlyList<SatisfactionMonth> Satisfaction, SatisfactionTargets Targets,
    TeamFollowUps FollowUps, ComplaintFigures Complaints, MeasureFigures Measures);

/// <summary>MGT-1, MGT-4: the whole customer base at a glance, each figure with what it was before; every improvement measure's figures.</summary>
public sealed record LeadershipSection(
    int Customers, int? CustomersBefore, IReadOnlyList<CountOf> Tiers, IReadOnlyList<CountOf> Stages,
    decimal Value12, decimal ValueBefore12, decimal Profit12, decimal ProfitBefore12, IReadOnlyList<MonthValueView> Months,
    double? Top20ProfitShare, IReadOnlyList<SatisfactionMonth> Satisfaction, SatisfactionTargets Targets,
    int ChurnedThisMonth, int ChurnedLastMonth, IReadOnlyList<CountOf> ChurnReasons,
    int Big, int Risky, int? RiskyBefore, decimal OverdueAmount, decimal? OverdueAmountBefore, int OverdueCustomers, int ProblemsLast30Days, MeasureFigures Measures);

/// <summary>A month's value with the same month a year before.</summary>
public sealed record MonthValueView(string Month, decimal Amount, decimal Profit, decimal AmountYearBefore);

/// <summary>A scheduled job: when it last started and will next start; how its last recorded run ended, for a job that records its runs.</summary>
public sealed record JobState(string Job, DateTimeOffset? LastRun, DateTimeOffset? NextRun, JobStatus? LastOutcome, string? Message);

/// <param name="FailedRuns7Days">Background runs (imports, recomputes, the night) that failed in the last 7 days.</param>
public sealed record AdministratorSection(int Staff, int Inactive, int Locked, int FailedSignInsToday, int SignInsToday, IReadOnlyList<JobState> Jobs, int FailedRuns7Days);

/// <param name="FiguresAsOf">When the kept figures (tiers, stages, value, satisfaction, churn, risk) were counted; null when no section reads them.</param>
public sealed record WorkbenchView(DateOnly Today, MyDaySection? MyDay, CallFigures? MyCalls, CustomerServiceSection? CustomerService,
    DepartmentSection? Department, LeadershipSection? Leadership, AdministratorSection? Administrator, DateTimeOffset? FiguresAsOf);

/// <summary>
/// MGT-1, MGT-4: the 工作台 — what the caller must do today and how their area stands, every figure counted in their
/// sight: their own tasks, customers and calls; their team's (customer service: every survey call; a department
/// manager: the department); the whole base for leadership; accounts and jobs for administrators. A caller with several
/// roles gets each role's section. The figures that would sum the archive come from what the night keeps
/// (<see cref="WorkbenchFigures"/>); the rest are counts through indexes.
/// </summary>
public sealed class GetWorkbench(
    GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock, EnterpriseSettings settings, KeepWorkbenchFigures keep,
    ISchedulerFactory schedulers, TimeProvider time, ILogger<GetWorkbench> logger)
{
    /// <summary>The last 12 months of satisfaction shown (the 13th kept is the trend's "before").</summary>
    public const int SatisfactionMonths = 12;

    public async Task<Result<WorkbenchView>> Handle(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var today = clock.Today;
        var month = new DateOnly(today.Year, today.Month, 1);
        var dayStart = clock.StartOf(today).ToUniversalTime();
        var leadership = viewer.IsLeadership;
        var departmentManager = viewer.Is(Role.DepartmentManager) && !leadership;
        var customerService = viewer.Is(Role.CustomerServiceManager) || viewer.Is(Role.DutyManager);
        var targets = await settings.Get(SatisfactionReport.TargetsKey, SatisfactionTargets.Default, cancellationToken);
        var published = (await db.Set<SatisfactionReportRun>().AsNoTracking()
            .Where(r => r.Kind == ReportKind.Monthly && r.PublishedAt != null).Select(r => r.Period).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var kept = leadership || departmentManager ? await Kept(leadership ? Guid.Empty : viewer.DepartmentId, cancellationToken) : null;

        return new WorkbenchView(today,
            viewer.Is(Role.SalesConsultant) || viewer.Is(Role.ServiceAdvisor) ? await MyDay(viewer, today, month, published, cancellationToken) : null,
            viewer.Is(Role.CallbackSpecialist) ? await Calls(db.Set<SurveyTask>().Where(t => t.AssigneeId == viewer.UserId), today, dayStart, cancellationToken) : null,
            customerService ? await CustomerService(viewer, today, month, dayStart, targets, cancellationToken) : null,
            departmentManager ? await Department(viewer, kept!, today, month, published, targets, cancellationToken) : null,
            leadership ? await Leadership(viewer, kept!, today, month, published, targets, cancellationToken) : null,
            viewer.Is(Role.Administrator) ? await Administrator(dayStart, cancellationToken) : null,
            kept?.At);
    }

    private async Task<MyDaySection> MyDay(Viewer viewer, DateOnly today, DateOnly month, HashSet<string> published, CancellationToken cancellationToken)
    {
        var tasks = db.Set<CustomerTask>().AsNoTracking().Where(t => t.AssigneeId == viewer.UserId);
        var byKind = await tasks.Where(t => t.DoneAt == null).GroupBy(t => t.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var mine = db.Set<Customer>().AsNoTracking().Where(c => c.OwnerId == viewer.UserId && c.Status == CustomerStatus.Active);
        var standards = await settings.Get(GradingSettings.StandardsKey, ServiceStandard.Defaults, cancellationToken);
        DateOnly Since(Tier tier) => today.AddDays(-(standards.FirstOrDefault(s => s.Tier == tier)?.FollowUpDays ?? 180));
        var (vip, important, ordinary) = (Since(Tier.Vip), Since(Tier.Important), Since(Tier.Ordinary));
        var (vipAt, importantAt, ordinaryAt) = (clock.StartOf(vip).ToUniversalTime(), clock.StartOf(important).ToUniversalTime(), clock.StartOf(ordinary).ToUniversalTime());
        // Followed up: a contact, an order, or a task of theirs done, within the tier's cadence.
        var notFollowedUp = await mine.CountAsync(c =>
            (c.LastContactAt == null || c.LastContactAt < (c.Tier == Tier.Vip ? vipAt : c.Tier == Tier.Important ? importantAt : ordinaryAt))
            && !db.Set<Order>().Any(o => o.CustomerId == c.Id && o.OrderedAt >= (c.Tier == Tier.Vip ? vip : c.Tier == Tier.Important ? important : ordinary))
            && !db.Set<CustomerTask>().Any(t => t.CustomerId == c.Id && t.DoneAt != null
                && t.DoneAt >= (c.Tier == Tier.Vip ? vipAt : c.Tier == Tier.Important ? importantAt : ordinaryAt)), cancellationToken);
        var recent = await (from c in mine
                            join o in db.Set<Order>() on c.Id equals o.CustomerId
                            orderby o.OrderedAt descending, o.CreatedAt descending
                            select new RecentOrder(o.Id, c.Id, c.Name, o.Kind, o.OrderedAt, o.Amount)).Take(5).ToListAsync(cancellationToken);
        var scoreMonth = published.Count == 0 ? null : published.Max(StringComparer.Ordinal);
        (double? Score, int Responses) score = (null, 0);
        if (scoreMonth is not null && ReportPeriod.ParseMonth(scoreMonth) is { } period)
        {
            var scored = await db.Set<SurveyResponse>().AsNoTracking()
                .Where(r => r.SupersededBy == null && r.ProgramId == null && r.Outcome == SurveyOutcome.Completed && r.OverallScore != null
                    && r.RespondedOn >= period.From && r.RespondedOn <= period.To
                    && db.Set<SurveyTask>().Any(t => t.Id == r.TaskId && t.StaffId == viewer.UserId))
                .GroupBy(_ => 1).Select(g => new { Average = g.Average(r => r.OverallScore), Count = g.Count() }).FirstOrDefaultAsync(cancellationToken);
            score = (scored?.Average is { } a ? Math.Round(a, 1) : null, scored?.Count ?? 0);
        }
        return new MyDaySection(await TaskCounts(tasks, today, month, cancellationToken), byKind.ToDictionary(k => k.Key, k => k.Count),
            await mine.CountAsync(cancellationToken), notFollowedUp, recent, scoreMonth, score.Score, score.Responses,
            await MyFollowUpCounts(viewer, today, cancellationToken),
            ComplaintAccess.OpensDesk(viewer) ? await ComplaintCounts(db.Set<Complaint>().AsNoTracking().Where(c => c.AssigneeId == viewer.UserId), cancellationToken) : null);
    }

    private async Task<MyFollowUps> MyFollowUpCounts(Viewer viewer, DateOnly today, CancellationToken cancellationToken)
    {
        var week = today.AddDays(7);
        var open = await ListFollowUps.FollowUpsInSight(db, viewer, mine: true).Where(t => t.DoneAt == null).GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(),
            Overdue = g.Count(t => t.DueOn < today),
            Week = g.Count(t => t.DueOn >= today && t.DueOn < week),
        }).FirstOrDefaultAsync(cancellationToken);
        return new MyFollowUps(open?.Open ?? 0, open?.Overdue ?? 0, open?.Week ?? 0);
    }

    private async Task<TeamFollowUps> TeamFollowUpCounts(Viewer viewer, DateOnly today, CancellationToken cancellationToken)
    {
        var open = ListFollowUps.FollowUpsInSight(db, viewer, mine: false).Where(t => t.DoneAt == null);
        var count = await open.CountAsync(cancellationToken);
        var behind = await open.Where(t => t.DueOn < today).GroupBy(t => t.AssigneeId).Select(g => new { Owner = g.Key, Overdue = g.Count() })
            .OrderByDescending(g => g.Overdue).ThenBy(g => g.Owner).ToListAsync(cancellationToken);
        var most = behind.FirstOrDefault();
        var name = most is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == most.Owner).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return new TeamFollowUps(count, behind.Sum(b => b.Overdue), most is null ? null : name ?? most.Owner, most?.Overdue ?? 0);
    }

    private async Task<ComplaintFigures> ComplaintCounts(IQueryable<Complaint> complaints, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUniversalTime();   // PostgreSQL compares timestamptz with UTC instants only
        var open = await ListComplaints.Open(complaints).CountAsync(cancellationToken);
        var overdue = await ListComplaints.Overdue(complaints, now).CountAsync(cancellationToken);
        var escalated = await ListComplaints.Open(complaints).CountAsync(c => c.EscalationLevel > 0, cancellationToken);
        return new ComplaintFigures(open, overdue, escalated);
    }

    private async Task<TaskFigures> TaskCounts(IQueryable<CustomerTask> tasks, DateOnly today, DateOnly month, CancellationToken cancellationToken)
    {
        var open = await tasks.Where(t => t.DoneAt == null).GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(),
            DueToday = g.Count(t => t.DueOn == today),
            Overdue = g.Count(t => t.DueOn < today),
        }).FirstOrDefaultAsync(cancellationToken);
        var monthStart = clock.StartOf(month).ToUniversalTime();
        var done = await tasks.Where(t => t.DoneAt != null && t.DoneAt >= monthStart).CountAsync(cancellationToken);
        return new TaskFigures(open?.Open ?? 0, open?.DueToday ?? 0, open?.Overdue ?? 0, done);
    }

    private static async Task<CallFigures> Calls(IQueryable<SurveyTask> tasks, DateOnly today, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        var pending = await tasks.Where(t => t.Outcome == SurveyOutcome.Pending && t.Opens <= today).GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(),
            DueToday = g.Count(t => t.Due == today),
            Overdue = g.Count(t => t.Due < today),
            CallBacks = g.Count(t => t.CallBackAt != null && t.CallBackAt >= dayStart),
        }).FirstOrDefaultAsync(cancellationToken);
        var done = await tasks.CountAsync(t => t.Outcome != SurveyOutcome.Pending && t.ClosedAt != null && t.ClosedAt >= dayStart, cancellationToken);
        return new CallFigures(pending?.Open ?? 0, pending?.DueToday ?? 0, pending?.Overdue ?? 0, pending?.CallBacks ?? 0, done);
    }

    private async Task<CustomerServiceSection> CustomerService(Viewer viewer, DateOnly today, DateOnly month, DateTimeOffset dayStart, SatisfactionTargets targets, CancellationToken cancellationToken)
    {
        var calls = await Calls(db.Set<SurveyTask>().AsNoTracking(), today, dayStart, cancellationToken);
        var problems = db.Set<SurveyProblem>().AsNoTracking();
        var problemsThisMonth = await problems.CountAsync(p => p.RaisedOn >= month && p.RaisedOn <= today, cancellationToken);
        var problems30 = await problems.CountAsync(p => p.RaisedOn > today.AddDays(-30) && p.RaisedOn <= today, cancellationToken);
        var last = ReportPeriod.Month(month.AddMonths(-1));
        var run = await db.Set<SatisfactionReportRun>().AsNoTracking().Where(r => r.Kind == ReportKind.Monthly && r.Period == last.Key)
            .Select(r => new { r.Late, r.PublishedOn }).FirstOrDefaultAsync(cancellationToken);
        var state = new ReportState(last.Key, last.Due, last.PublishBy, run is not null, run?.PublishedOn is not null,
            run is null ? today > last.Due : run.Late || run.PublishedOn is null && today > last.PublishBy);
        var yearAgo = month.AddMonths(-12);
        var late = await db.Set<SatisfactionReportRun>().AsNoTracking().CountAsync(r => r.Late && r.Due >= yearAgo, cancellationToken);
        var kept = await Kept(Guid.Empty, cancellationToken);
        return new CustomerServiceSection(calls, problemsThisMonth, problems30, state, late, Satisfaction(kept.Now, month, _ => true), targets,
            await TeamFollowUpCounts(viewer, today, cancellationToken), await ComplaintCounts(ListComplaints.InSight(db, viewer), cancellationToken),
            MeasureAccess.SeesAll(viewer) ? await MeasureFacts.Count(db, null, today, cancellationToken) : null);
    }

    private async Task<DepartmentSection> Department(Viewer viewer, KeptScope kept, DateOnly today, DateOnly month, HashSet<string> published, SatisfactionTargets targets, CancellationToken cancellationToken)
    {
        var tasks = db.Set<CustomerTask>().AsNoTracking().Where(t => t.DepartmentId == viewer.DepartmentId);
        var name = (await DepartmentNames.All(db, cancellationToken)).GetValueOrDefault(viewer.DepartmentId) ?? "";
        // SAT-6: a department manager reads its department's month once published.
        return new DepartmentSection(name, await TaskCounts(tasks.Where(t => t.Kind != CustomerTaskKind.Review), today, month, cancellationToken),
            await TaskCounts(tasks.Where(t => t.Kind == CustomerTaskKind.Review), today, month, cancellationToken),
            Counts(kept.Now.Tiers, kept.Before?.Tiers, Enum.GetValues<Tier>().Reverse().Select(t => t.ToString())),
            Counts(kept.Now.Stages, kept.Before?.Stages, Enum.GetNames<Domain.Lifecycle.LifecycleStage>()),
            kept.Now.ChurnedThisMonth, kept.Now.ChurnedLastMonth,
            Satisfaction(kept.Now, month, m => SurveyAccess.Sight(viewer, ReportKind.Monthly, published.Contains(m), null) is not null), targets,
            await TeamFollowUpCounts(viewer, today, cancellationToken), await ComplaintCounts(ListComplaints.InSight(db, viewer), cancellationToken),
            await MeasureFacts.Count(db, viewer.DepartmentId, today, cancellationToken));
    }

    private async Task<LeadershipSection> Leadership(Viewer viewer, KeptScope kept, DateOnly today, DateOnly month, HashSet<string> published, SatisfactionTargets targets, CancellationToken cancellationToken)
    {
        var (now, before) = (kept.Now, kept.Before);
        var months = Enumerable.Range(0, 12).Select(i => month.AddMonths(i - 11)).ToList();
        var values = now.Months.ToDictionary(m => m.Month, StringComparer.Ordinal);
        string Key(DateOnly m) => m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        MonthValue Value(DateOnly m) => values.GetValueOrDefault(Key(m)) ?? new MonthValue(Key(m), 0, 0);
        var chart = months.Select(m => new MonthValueView(Key(m), Value(m).Amount, Value(m).Profit, Value(m.AddMonths(-12)).Amount)).ToList();
        var top20 = await db.Set<ParetoSnapshot>().AsNoTracking().Where(s => s.Scope == Guid.Empty).Select(s => s.Json).FirstOrDefaultAsync(cancellationToken) is { } json
            ? JsonSerializer.Deserialize<ParetoSnapshotContent>(json, KeepWorkbenchFigures.Json)?.View.Top20ProfitShare : null;
        var big = await db.Set<CustomerGrade>().Where(g => g.Profit > 0).Take(Watchlists.Watchlists.BigSize).CountAsync(cancellationToken);
        var problems = await db.Set<SurveyProblem>().AsNoTracking().CountAsync(p => p.RaisedOn > today.AddDays(-30) && p.RaisedOn <= today, cancellationToken);
        var reasons = now.ChurnReasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new CountOf(r.Key, r.Value, null)).ToList();
        return new LeadershipSection(
            now.Tiers.Values.Sum(), before?.Tiers.Values.Sum(),
            Counts(now.Tiers, before?.Tiers, Enum.GetValues<Tier>().Reverse().Select(t => t.ToString())),
            Counts(now.Stages, before?.Stages, Enum.GetNames<Domain.Lifecycle.LifecycleStage>()),
            chart.Sum(m => m.Amount), chart.Sum(m => m.AmountYearBefore), chart.Sum(m => m.Profit), months.Sum(m => Value(m.AddMonths(-12)).Profit), chart,
            top20, Satisfaction(now, month, m => SurveyAccess.Sight(viewer, ReportKind.Monthly, published.Contains(m), null) is not null), targets,
            now.ChurnedThisMonth, now.ChurnedLastMonth, reasons, big, now.Risky, before?.Risky, now.OverdueAmount, before?.OverdueAmount, now.OverdueCustomers, problems,
            await MeasureFacts.Count(db, null, today, cancellationToken));
    }

    private async Task<AdministratorSection> Administrator(DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var staff = await db.Users.AsNoTracking().GroupBy(_ => 1).Select(g => new
        {
            All = g.Count(),
            Inactive = g.Count(u => !u.IsActive),
            Locked = g.Count(u => u.LockoutEnd != null && u.LockoutEnd > now),
        }).FirstOrDefaultAsync(cancellationToken);
        var signIns = await db.Set<SignInEvent>().AsNoTracking().Where(e => e.At >= dayStart).GroupBy(e => e.Outcome == SignInOutcome.Succeeded)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var english = Cultures.IsEnglish;
        var runs = (await db.Set<JobRun>().AsNoTracking().Where(j => j.CreatedAt > now.AddDays(-35))
            .Select(j => new { j.Kind, j.Status, j.CreatedAt, Message = english ? j.MessageEn : j.Message }).ToListAsync(cancellationToken))
            .GroupBy(j => j.Kind).ToDictionary(g => g.Key, g => g.MaxBy(j => j.CreatedAt)!);
        var failed = await db.Set<JobRun>().AsNoTracking().CountAsync(j => j.Status == JobStatus.Failed && j.CreatedAt > now.AddDays(-7), cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobs = new List<JobState>();
        foreach (var key in (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), cancellationToken)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            if (await scheduler.GetTrigger(key, cancellationToken) is not { } trigger)
                continue;
            var run = runs.GetValueOrDefault(trigger.JobKey.Name);
            jobs.Add(new JobState(trigger.JobKey.Name, trigger.PreviousFireTimeUtc, trigger.NextFireTimeUtc, run?.Status, run?.Message));
        }
        return new AdministratorSection(staff?.All ?? 0, staff?.Inactive ?? 0, staff?.Locked ?? 0,
            signIns.Where(s => !s.Key).Sum(s => s.Count), signIns.Where(s => s.Key).Sum(s => s.Count), jobs, failed);
    }

    private static List<CountOf> Counts(Dictionary<string, int> now, Dictionary<string, int>? before, IEnumerable<string> keys) =>
        [.. keys.Select(k => new CountOf(k, now.GetValueOrDefault(k), before?.GetValueOrDefault(k)))];

    /// <summary>The last 12 months' satisfaction the caller may read, oldest first (a month they may not read shows no figures).</summary>
    private static List<SatisfactionMonth> Satisfaction(KeptFigures figures, DateOnly month, Func<string, bool> readable)
    {
        var kept = figures.Satisfaction.ToDictionary(m => m.Month, StringComparer.Ordinal);
        return [.. Enumerable.Range(0, SatisfactionMonths).Select(i => month.AddMonths(i - SatisfactionMonths + 1).ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .Select(m => kept.GetValueOrDefault(m) is { } s && readable(m) ? new SatisfactionMonth(m, s.Responses, s.Index, s.Nps) : new SatisfactionMonth(m, 0, null, null))];
    }

    private sealed record KeptScope(KeptFigures Now, KeptFigures? Before, DateTimeOffset At);

    /// <summary>
    /// A scope's latest kept figures and those of about a month before (the trends). Counted now when none were ever
    /// kept; when the latest are from an earlier day (the night did not run) the job is asked to count again.
    /// </summary>
    private async Task<KeptScope> Kept(Guid scope, CancellationToken cancellationToken)
    {
        var latest = await Latest(scope, DateOnly.MaxValue, cancellationToken);
        if (latest is null && !await db.Set<WorkbenchFigures>().AnyAsync(cancellationToken))
        {
            await keep.Handle(cancellationToken);
            latest = await Latest(scope, DateOnly.MaxValue, cancellationToken);
        }
        if (latest is null)
            return new KeptScope(KeptFigures.Empty(), null, time.GetUtcNow());
        if (latest.Day < clock.Today)
            await CountAgain(cancellationToken);
        var before = await Latest(scope, latest.Day.AddDays(-28), cancellationToken);
        return new KeptScope(Read(latest), before is null ? null : Read(before), latest.ComputedAt);

        static KeptFigures Read(WorkbenchFigures row) => JsonSerializer.Deserialize<KeptFigures>(row.Json, KeepWorkbenchFigures.Json)!;
    }

    private Task<WorkbenchFigures?> Latest(Guid scope, DateOnly onOrBefore, CancellationToken cancellationToken) =>
        db.Set<WorkbenchFigures>().AsNoTracking().Where(f => f.Scope == scope && f.Day <= onOrBefore).OrderByDescending(f => f.Day).FirstOrDefaultAsync(cancellationToken);

    /// <summary>When this process last asked for the figures to be counted again (Unix seconds): at most once an hour.</summary>
    private static long askedAt;

    private async Task CountAgain(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var asked = Interlocked.Read(ref askedAt);
            if (now - asked < 3600 || Interlocked.CompareExchange(ref askedAt, now, asked) != asked)
                return;   // asked within the hour: the job is counting
            await (await schedulers.GetScheduler(cancellationToken)).TriggerJob(WorkbenchFiguresJob.Key, cancellationToken);
        }
        catch (SchedulerException e)
        {
            logger.LogWarning(e, "Could not ask for the workbench figures to be counted again");
        }
    }
}
