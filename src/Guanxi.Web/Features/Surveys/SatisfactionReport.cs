using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

public sealed record ReportStatus(ReportKind Kind, string Period, DateOnly From, DateOnly To, DateOnly Due, DateOnly PublishBy, DateTimeOffset? GeneratedAt,
    bool? Late, bool Overdue, DateTimeOffset? PublishedAt, bool? PublishedLate);

public sealed record SatisfactionFigures(int Responses, double? Index, double? SatisfiedRate, double? Nps, int HiddenProblems, TargetStatus? Target);

/// <summary>The tasks whose windows ended in the period: how they ended, and the completion rate.</summary>
public sealed record TaskCounts(int Due, int Completed, int Incomplete, int Unreachable, int FalseArchive, int Overdue, int Pending, double? CompletionRate);

/// <summary>A question's score with the previous period's and the change (SAT-10's month-on-month progress).</summary>
public sealed record QuestionProgress(string Id, string Text, Dimension Dimension, double Score, int Answers, double? Previous, double? Change);

public sealed record GroupScore(string Id, string Name, int Responses, double? Index, double? Nps, int HiddenProblems);

/// <summary>One case of the report: a hidden problem, an invalid questionnaire, an overdue survey, a comment.</summary>
public sealed record CaseView(Guid TaskId, SurveyKind Kind, string Customer, string? Department, string? Staff, DateOnly On, string? Reason, string? Note,
    double? ItemScore, double? OverallScore, string? Comment);

/// <summary>SAT-3: a month's after-sales sample — the jobs decided, drawn, the quota, and any shortfall.</summary>
public sealed record SampleView(int Jobs, int Drawn, int Quota, int Shortfall);

/// <summary>SAT-12: what counts against customer service — overdue surveys and late reports of the period.</summary>
public sealed record ServiceAssessment(int OverdueSurveys, int LateReports);

public sealed record SatisfactionReportView(
    ReportStatus Status, SatisfactionTargets Targets, SatisfactionFigures Figures, SatisfactionFigures Previous, double? QuarterIndex, double? PreviousQuarterIndex,
    TaskCounts Tasks, IReadOnlyList<DimensionScore> Dimensions, IReadOnlyList<QuestionProgress> Questions, IReadOnlyList<GroupScore> Departments,
    IReadOnlyList<GroupScore> Staff, SampleView? Sample, ServiceAssessment? Assessment, bool Cases,
    IReadOnlyList<CaseView> HiddenProblems, IReadOnlyList<CaseView> Invalid, IReadOnlyList<CaseView> Overdue, IReadOnlyList<CaseView> Comments);

/// <summary>
/// SAT-10…14: a satisfaction report — daily, weekly, monthly (image analysis) or personal — from the responses that
/// count (the last of each task) made in the period: the index, satisfaction rate and NPS against the targets and the
/// previous period, each dimension and question with its progress, departments and staff, the tasks' completion, and —
/// for those who may read answers (SAT-6) — the hidden problems, invalid questionnaires, overdue cases and comments.
/// </summary>
public sealed class SatisfactionReport(GuanxiDbContext db, CustomerViewers viewers, EnterpriseSettings settings, EnterpriseClock clock)
{
    public const string TargetsKey = "surveys.targets";
    public const int MaxCases = 500;
    public static readonly Error NotAllowed = Error.Forbidden("survey.report_not_allowed", "您无权查看此满意度报告：调查结果公布前仅客服部可见。", "You may not read this satisfaction report: until results are published only customer service sees them.");

    private sealed record Row(SurveyResponse Response, Guid TaskId, SurveyKind Kind, Guid CustomerId, Guid DepartmentId, string? StaffId);

    /// <param name="staffId">Whose personal report (default the caller's); ignored for the other kinds.</param>
    public async Task<Result<SatisfactionReportView>> Handle(ReportPeriod period, string? staffId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return NotAllowed;
        staffId = period.Kind == ReportKind.Personal ? staffId ?? viewer.UserId : null;
        var month = ReportPeriod.Month(new DateOnly(period.To.Year, period.To.Month, 1));
        var runs = await db.Set<SatisfactionReportRun>().AsNoTracking().Where(r => (r.Kind == period.Kind && r.Period == period.Key) || (r.Kind == ReportKind.Monthly && r.Period == month.Key))
            .ToListAsync(cancellationToken);
        var run = runs.SingleOrDefault(r => r.Kind == period.Kind && r.Period == period.Key);
        var published = runs.Any(r => r.Kind == ReportKind.Monthly && r.Period == month.Key && r.PublishedAt != null);
        if (SurveyAccess.Sight(viewer, period.Kind, published, staffId) is not { } sight)
            return NotAllowed;

        var today = clock.Today;
        var targets = await settings.Get(TargetsKey, SatisfactionTargets.Default, cancellationToken);
        var versions = await db.Set<QuestionnaireVersion>().AsNoTracking().ToDictionaryAsync(v => v.Id, cancellationToken);
        var rows = await Rows(period.From, period.To, sight.Department, staffId, cancellationToken);
        var tally = Tally(rows.Select(r => r.Response), versions);
        var previous = Tally(await Counted(period.Previous.From, period.Previous.To, sight.Department, staffId)
            .Where(r => r.Outcome == SurveyOutcome.Completed && r.VersionId != null).ToListAsync(cancellationToken), versions);
        var previousScores = previous.Questions.ToDictionary(q => q.Id, q => q.Score);

        var departments = await DepartmentNames.All(db, cancellationToken);
        var staffIds = rows.Select(r => r.StaffId).OfType<string>().Distinct().ToList();
        var staffNames = await db.Users.Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var status = new ReportStatus(period.Kind, period.Key, period.From, period.To, period.Due, period.PublishBy, run?.GeneratedAt, run?.Late,
            run is null && today > period.Due, run?.PublishedAt, run?.PublishedOn is { } on ? on > period.PublishBy : null);
        var quarter = period.Kind == ReportKind.Monthly ? await Index(period.Quarter(), sight.Department, cancellationToken) : null;
        var previousQuarter = period.Kind == ReportKind.Monthly ? await Index(period.Quarter(back: 1), sight.Department, cancellationToken) : null;
        var cases = sight.Cases;
        return new SatisfactionReportView(
            status, targets, Figures(tally, targets), Figures(previous, targets), quarter, previousQuarter,
            await Tasks(period, sight.Department, staffId, today, cancellationToken),
            tally.Dimensions,
            [.. tally.Questions.Select(q => new QuestionProgress(q.Id, Cultures.IsEnglish ? q.TextEn ?? q.Text : q.Text, q.Dimension, q.Score, q.Answers,
                previousScores.TryGetValue(q.Id, out var p) ? p : null, previousScores.TryGetValue(q.Id, out var b) ? Math.Round(q.Score - b, 1) : null))],
            Groups(rows, versions, r => r.DepartmentId.ToString(), id => departments.GetValueOrDefault(Guid.Parse(id)) ?? ""),
            period.Kind == ReportKind.Personal && staffId is not null ? [] : Groups(rows.Where(r => r.StaffId is not null), versions, r => r.StaffId!, id => staffNames.GetValueOrDefault(id) ?? ""),
            period.Kind == ReportKind.Monthly && sight.Department is null ? await Sample(period, cancellationToken) : null,
            period.Kind == ReportKind.Monthly && cases ? await Assessment(period, today, cancellationToken) : null,
            cases,
            cases ? await Cases(rows.Where(r => r.Response.HiddenProblem), departments, cancellationToken) : [],
            cases ? await Cases(rows.Where(r => r.Response.Outcome != SurveyOutcome.Completed), departments, cancellationToken) : [],
            cases ? await OverdueCases(period, sight.Department, staffId, today, departments, cancellationToken) : [],
            cases ? await Cases(rows.Where(r => r.Response.Comment is not null), departments, cancellationToken) : []);
    }

    private async Task<List<Row>> Rows(DateOnly first, DateOnly last, Guid? department, string? staffId, CancellationToken cancellationToken)
    {
        var rows = from r in Counted(first, last, null, null)
                   join t in db.Set<SurveyTask>() on r.TaskId equals t.Id
                   where (department == null || t.DepartmentId == department) && (staffId == null || t.StaffId == staffId)
                   select new Row(r, t.Id, t.Kind, t.CustomerId, t.DepartmentId, t.StaffId);   // the task's fields the report uses, not the task
        return await rows.ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The responses that count in the period (the last of each routine survey's task), alone: a previous period's and a
    /// quarter's need nothing of their tasks but the department or staff member.
    /// </summary>
    private IQueryable<SurveyResponse> Counted(DateOnly first, DateOnly last, Guid? department, string? staffId)
    {
        var responses = db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SupersededBy == null && r.RespondedOn >= first && r.RespondedOn <= last && r.ProgramId == null);
        if (department is { } d)
            responses = responses.Where(r => db.Set<SurveyTask>().Any(t => t.Id == r.TaskId && t.DepartmentId == d));
        if (staffId is not null)
            responses = responses.Where(r => db.Set<SurveyTask>().Any(t => t.Id == r.TaskId && t.StaffId == staffId));
        return responses;
    }

    private static SatisfactionTally Tally(IEnumerable<SurveyResponse> responses, Dictionary<Guid, QuestionnaireVersion> versions)
    {
        var tally = new SatisfactionTally();
        foreach (var response in responses.Where(r => r.Outcome == SurveyOutcome.Completed && r.VersionId is not null))
            tally.Add(versions[response.VersionId!.Value], response);
        return tally;
    }

    private static SatisfactionFigures Figures(SatisfactionTally tally, SatisfactionTargets targets) =>
        new(tally.Responses, tally.Index, tally.SatisfiedRate, tally.Nps, tally.HiddenProblems, tally.Index is { } i ? targets.Of(i) : null);

    private static List<GroupScore> Groups(IEnumerable<Row> rows, Dictionary<Guid, QuestionnaireVersion> versions, Func<Row, string> key, Func<string, string> name) =>
        [.. rows.GroupBy(key).Select(g =>
        {
            var tally = Tally(g.Select(r => r.Response), versions);
            return new GroupScore(g.Key, name(g.Key), tally.Responses, tally.Index, tally.Nps, tally.HiddenProblems);
        }).OrderByDescending(g => g.Index ?? -1).ThenBy(g => g.Name, StringComparer.Ordinal)];

    /// <summary>SAT-14: a quarter's index, from the overall scores alone.</summary>
    private async Task<double?> Index((DateOnly From, DateOnly To) range, Guid? department, CancellationToken cancellationToken)
    {
        var average = await Counted(range.From, range.To, department, null).Where(r => r.OverallScore != null).Select(r => r.OverallScore).AverageAsync(cancellationToken);
        return average is { } a ? Math.Round(a, 1) : null;
    }

    private IQueryable<SurveyTask> DueIn(ReportPeriod period, Guid? department, string? staffId)
    {
        var tasks = db.Set<SurveyTask>().AsNoTracking().Where(t => t.Due >= period.From && t.Due <= period.To && t.ProgramId == null);
        if (department is { } d)
            tasks = tasks.Where(t => t.DepartmentId == d);
        if (staffId is not null)
            tasks = tasks.Where(t => t.StaffId == staffId);
        return tasks;
    }

    private async Task<TaskCounts> Tasks(ReportPeriod period, Guid? department, string? staffId, DateOnly today, CancellationToken cancellationToken)
    {
        var counts = await DueIn(period, department, staffId).GroupBy(t => new { t.Outcome, Late = t.Due < today }).Select(g => new { g.Key.Outcome, g.Key.Late, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(SurveyOutcome outcome) => counts.Where(c => c.Outcome == outcome).Sum(c => c.Count);
        var total = counts.Sum(c => c.Count);
        var overdue = counts.Where(c => c.Outcome == SurveyOutcome.Pending && c.Late).Sum(c => c.Count);
        return new TaskCounts(total, Of(SurveyOutcome.Completed), Of(SurveyOutcome.Incomplete), Of(SurveyOutcome.Unreachable), Of(SurveyOutcome.FalseArchive),
            overdue, Of(SurveyOutcome.Pending) - overdue, total == 0 ? null : Math.Round(100d * Of(SurveyOutcome.Completed) / total, 1));
    }

    private async Task<SampleView> Sample(ReportPeriod period, CancellationToken cancellationToken)
    {
        var drawn = await db.Set<SurveyTask>().CountAsync(t => t.Kind == SurveyKind.AfterSales && t.DeliveredOn >= period.From && t.DeliveredOn <= period.To, cancellationToken);
        var passed = await db.Set<SurveyExclusionRecord>().CountAsync(e => e.Kind == SurveyKind.AfterSales && e.Reason == ExclusionReason.NotSampled && e.DeliveredOn >= period.From && e.DeliveredOn <= period.To, cancellationToken);
        var quota = Math.Min(AfterSalesSample.MonthlyQuota, drawn + passed);
        return new SampleView(drawn + passed, drawn, AfterSalesSample.MonthlyQuota, Math.Max(0, quota - drawn));
    }

    private async Task<ServiceAssessment> Assessment(ReportPeriod period, DateOnly today, CancellationToken cancellationToken)
    {
        var overdue = await DueIn(period, null, null).CountAsync(t => t.Outcome == SurveyOutcome.Pending && t.Due < today, cancellationToken);
        var late = await db.Set<SatisfactionReportRun>().CountAsync(r => r.Due >= period.From && r.Due <= period.To && r.Late, cancellationToken);
        return new ServiceAssessment(overdue, late);
    }

    private async Task<List<CaseView>> Cases(IEnumerable<Row> rows, Dictionary<Guid, string> departments, CancellationToken cancellationToken)
    {
        var chosen = rows.OrderBy(r => r.Response.RespondedOn).ThenBy(r => r.TaskId).Take(MaxCases).ToList();
        var names = await Names(chosen.Select(r => r.CustomerId), chosen.Select(r => r.StaffId), cancellationToken);
        var english = Cultures.IsEnglish;
        return [.. chosen.Select(r => new CaseView(r.TaskId, r.Kind, names.Customers.GetValueOrDefault(r.CustomerId) ?? "", departments.GetValueOrDefault(r.DepartmentId),
            r.StaffId is null ? null : names.Staff.GetValueOrDefault(r.StaffId), r.Response.RespondedOn,
            r.Response.Outcome == SurveyOutcome.Completed ? null : SurveyTexts.Outcome(r.Response.Outcome, english), r.Response.Note,
            r.Response.ItemScore is { } i ? Math.Round(i, 1) : null, r.Response.OverallScore is { } o ? Math.Round(o, 1) : null, r.Response.Comment))];
    }

    private async Task<List<CaseView>> OverdueCases(ReportPeriod period, Guid? department, string? staffId, DateOnly today, Dictionary<Guid, string> departments, CancellationToken cancellationToken)
    {
        var tasks = await DueIn(period, department, staffId).Where(t => t.Outcome == SurveyOutcome.Pending && t.Due < today).OrderBy(t => t.Due).ThenBy(t => t.Id)
            .Take(MaxCases).ToListAsync(cancellationToken);
        var names = await Names(tasks.Select(t => t.CustomerId), tasks.Select(t => t.StaffId), cancellationToken);
        return [.. tasks.Select(t => new CaseView(t.Id, t.Kind, names.Customers.GetValueOrDefault(t.CustomerId) ?? "", departments.GetValueOrDefault(t.DepartmentId),
            t.StaffId is null ? null : names.Staff.GetValueOrDefault(t.StaffId), t.Due, t.OverdueReason, null, null, null, null))];
    }

    private async Task<(Dictionary<Guid, string> Customers, Dictionary<string, string> Staff)> Names(IEnumerable<Guid> customers, IEnumerable<string?> staff, CancellationToken cancellationToken)
    {
        var (customerIds, staffIds) = (customers.Distinct().ToList(), staff.OfType<string>().Distinct().ToList());
        var customerNames = new Dictionary<Guid, string>();
        foreach (var chunk in customerIds.Chunk(500))
            foreach (var c in await db.Set<Customer>().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
                customerNames[c.Id] = c.Name;
        return (customerNames, await db.Users.Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken));
    }
}
