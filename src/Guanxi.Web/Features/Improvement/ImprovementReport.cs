using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Improvement;

/// <summary>The measures raised in the month by where they came from.</summary>
public sealed record RaisedBySource(int SurveyProblem, int Complaint, int CrisisWarning, int InspectionFinding, int Manual);

/// <summary>
/// One department's month (or the total). Plans: the measures whose plan was due in the month — set on time, set late, or
/// still not set with the day passed. Closed: accepted by all three parties in the month — by the deadline (the last
/// action done on or before it) or late; with a figure to watch; at the first round or after a reopening. At the month's
/// end (today for the current month): still open, and of those overdue (the plan or the deadline passed).
/// </summary>
public sealed record MeasureReportRow(Guid? DepartmentId, string Department, int Raised, RaisedBySource BySource,
    int PlannedOnTime, int PlannedLate, int PlanMissing,
    int Closed, int ClosedOnTime, int ClosedLate, int ClosedWithMetric, int ClosedFirstRound, int ClosedAfterReopening,
    int NotAccepted, int Reopened, int Penalties, int OpenAtEnd, int OverdueAtEnd);

/// <summary>One month of the chart: raised and closed in it, overdue at its end.</summary>
public sealed record MeasureReportMonth(string Month, int Raised, int Closed, int OverdueAtEnd);

/// <param name="AsOf">The day the month-end figures are counted at: the month's last day, or today in the current month.</param>
/// <param name="DepartmentId">The one department the report covers (a department manager's); null for every department.</param>
public sealed record MeasureReportView(string Month, DateOnly From, DateOnly To, DateOnly AsOf, Guid? DepartmentId, string? Department,
    IReadOnlyList<MeasureReportRow> Departments, MeasureReportRow Total, IReadOnlyList<MeasureReportMonth> Months);

/// <summary>
/// Issue 24 item 9: the monthly improvement report — per responsible department and in total, the measures raised (by
/// source), the plans due in the month set on time, late or not at all, the measures closed (by their deadline or late, with
/// a figure to watch, at the first round or after a reopening), the signatures not accepting a result, the reopenings and the
/// penalties proposed in the month, the open and overdue at its end; and the last 12 months' raised, closed and overdue for
/// the chart. Every department's for the VP, the general manager and the customer-service manager; a department manager's
/// own (<see cref="MeasureAccess.ReportDepartment"/>). Days are the enterprise's (an instant belongs to the local day it falls
/// on). Counted in the database: one grouped query of conditional counts per table, and two for the steps and penalties.
/// A past month's end is seen through what the measure records now (a deadline corrected later counts as corrected).
/// </summary>
public sealed partial class ImprovementReport(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock)
{
    public const int ChartMonths = 12;

    public async Task<Result<MeasureReportView>> Handle(string? month, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MeasureAccess.ReadsReport(viewer))
            return MeasureErrors.NotReportReader;
        var today = clock.Today;
        if (Month(month, today) is not { } first)
            return MeasureErrors.ReportMonthInvalid;
        var department = MeasureAccess.ReportDepartment(viewer);
        var measures = db.Set<Measure>().AsNoTracking();
        if (department is { } only)
            measures = measures.Where(m => m.DepartmentId == only);

        var period = Period(first, today);
        var (start, end) = (period.Start, period.End);
        var rows = await Count(measures.Where(m => m.ReportedOn <= period.To && (m.ClosedAt == null || m.ClosedAt >= start)), m => m.DepartmentId,
        [
            RaisedIn(period),
            .. Enum.GetValues<MeasureSourceKind>().Select(kind => And(RaisedIn(period), m => m.SourceKind == kind)),
            PlanDueIn(period, m => m.PlannedAt != null && !m.PlanLate),
            PlanDueIn(period, m => m.PlanLate),
            PlanDueIn(period, m => m.PlannedAt == null && m.PlanDueOn < today),
            ClosedIn(period),
            And(ClosedIn(period), m => m.ActionsDoneOn <= m.DueOn),
            And(ClosedIn(period), m => m.MetricKind != null),
            And(ClosedIn(period), m => m.Round == 1),
            OpenAt(period.AsOf, period.AfterAsOf),
            OverdueAt(period.AsOf, period.AfterAsOf),
        ], cancellationToken);

        var steps = await (from s in db.Set<MeasureStep>().AsNoTracking()
                           where (s.Kind == MeasureStepKind.NotAccepted || s.Kind == MeasureStepKind.Reopened) && s.At >= start && s.At < end
                           join m in measures on s.MeasureId equals m.Id
                           group s by new { m.DepartmentId, s.Kind } into g
                           select new { g.Key.DepartmentId, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        var penalties = await (from p in db.Set<MeasurePenalty>().AsNoTracking()
                               where p.ProposedAt >= start && p.ProposedAt < end
                               join m in measures on p.MeasureId equals m.Id
                               group p by m.DepartmentId into g
                               select new { DepartmentId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var names = await DepartmentNames.All(db, cancellationToken);
        var english = Cultures.IsEnglish;
        int Steps(Guid d, MeasureStepKind kind) => steps.Where(s => s.DepartmentId == d && s.Kind == kind).Sum(s => s.Count);
        MeasureReportRow Row(Guid d)
        {
            var c = rows.GetValueOrDefault(d) ?? new int[15];
            return new MeasureReportRow(d, names.GetValueOrDefault(d) ?? "—", c[0], new RaisedBySource(c[1], c[2], c[3], c[4], c[5]), c[6], c[7], c[8],
                c[9], c[10], c[9] - c[10], c[11], c[12], c[9] - c[12],
                Steps(d, MeasureStepKind.NotAccepted), Steps(d, MeasureStepKind.Reopened), penalties.Where(p => p.DepartmentId == d).Sum(p => p.Count), c[13], c[14]);
        }
        var shown = department is { } mine ? [mine] : rows.Where(r => r.Value.Any(v => v > 0)).Select(r => r.Key)
            .Concat(steps.Select(s => s.DepartmentId)).Concat(penalties.Select(p => p.DepartmentId)).Distinct().ToList();
        var departments = shown.Select(Row).OrderBy(r => r.Department, StringComparer.Ordinal).ToList();
        return new MeasureReportView(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), period.From, period.To, period.AsOf, department,
            department is { } named ? names.GetValueOrDefault(named) : null, departments, Sum(departments, english ? "Total" : "合计"),
            await Months(measures, first, today, cancellationToken));
    }

    /// <summary>The 12 months to <paramref name="last"/>: raised and closed in each, overdue at each one's end — one query.</summary>
    private async Task<List<MeasureReportMonth>> Months(IQueryable<Measure> measures, DateOnly last, DateOnly today, CancellationToken cancellationToken)
    {
        var periods = Enumerable.Range(0, ChartMonths).Select(i => Period(last.AddMonths(i - ChartMonths + 1), today)).ToList();
        var (first, final) = (periods[0], periods[^1]);
        var counted = await Count(measures.Where(m => m.ReportedOn <= final.To && (m.ClosedAt == null || m.ClosedAt >= first.Start)), m => 1,
            [.. periods.SelectMany(p => new[] { RaisedIn(p), ClosedIn(p), OverdueAt(p.AsOf, p.AfterAsOf) })], cancellationToken);
        var c = counted.GetValueOrDefault(1) ?? new int[periods.Count * 3];
        return [.. periods.Select((p, i) => new MeasureReportMonth(p.From.ToString("yyyy-MM", CultureInfo.InvariantCulture), c[3 * i], c[3 * i + 1], c[3 * i + 2]))];
    }

    /// <summary>yyyy-MM, not after this month (by default the last month); null when it is not one.</summary>
    public static DateOnly? Month(string? month, DateOnly today)
    {
        var current = new DateOnly(today.Year, today.Month, 1);
        if (string.IsNullOrWhiteSpace(month))
            return current.AddMonths(-1);
        if (!MonthPattern().IsMatch(month)
            || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first > current || first.Year < 2000)
            return null;
        return first;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthPattern();

    /// <summary>A month's days, its instants (its local days' starts, UTC for PostgreSQL), and the day its end is counted at.</summary>
    private sealed record MonthPeriod(DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End, DateOnly AsOf, DateTimeOffset AfterAsOf);

    private MonthPeriod Period(DateOnly first, DateOnly today)
    {
        var last = first.AddMonths(1).AddDays(-1);
        var asOf = last < today ? last : today;
        return new MonthPeriod(first, last, Instant(first), Instant(last.AddDays(1)), asOf, Instant(asOf.AddDays(1)));
    }

    private DateTimeOffset Instant(DateOnly day) => clock.StartOf(day).ToUniversalTime();

    private static Expression<Func<Measure, bool>> RaisedIn(MonthPeriod p)
    {
        var (from, to) = (p.From, p.To);
        return m => m.ReportedOn >= from && m.ReportedOn <= to;
    }

    private static Expression<Func<Measure, bool>> PlanDueIn(MonthPeriod p, Expression<Func<Measure, bool>> and)
    {
        var (from, to) = (p.From, p.To);
        return And(m => m.PlanDueOn >= from && m.PlanDueOn <= to, and);
    }

    private static Expression<Func<Measure, bool>> ClosedIn(MonthPeriod p)
    {
        var (start, end) = (p.Start, p.End);
        return m => m.ClosedAt >= start && m.ClosedAt < end;
    }

    /// <summary>Raised by the day and not closed by its end.</summary>
    private static Expression<Func<Measure, bool>> OpenAt(DateOnly day, DateTimeOffset after) =>
        m => m.ReportedOn <= day && (m.ClosedAt == null || m.ClosedAt >= after);

    /// <summary>
    /// Open at the day's end and late, as the register says it on that day: its plan's last day passed before a plan came (a
    /// plan on time came before it; a late one at <see cref="Measure.PlannedAt"/>, unless a reopening planned again since), or
    /// its deadline passed before the last action was done.
    /// </summary>
    private static Expression<Func<Measure, bool>> OverdueAt(DateOnly day, DateTimeOffset after) => And(OpenAt(day, after),
        m => m.PlanDueOn < day && (m.PlannedAt == null || m.PlanLate && m.PlannedAt >= after) || m.DueOn < day && (m.ActionsDoneOn == null || m.ActionsDoneOn > day));

    private static Expression<Func<Measure, bool>> And(Expression<Func<Measure, bool>> left, Expression<Func<Measure, bool>> right)
    {
        var m = left.Parameters[0];
        return Expression.Lambda<Func<Measure, bool>>(Expression.AndAlso(left.Body, new Rename(right.Parameters[0], m).Visit(right.Body)), m);
    }

    private sealed class Rename(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private static readonly MethodInfo CountWhere = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Count) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(Measure));

    /// <summary>The measures matching each predicate, per key, in one grouped query (COUNT(CASE WHEN …) for each).</summary>
    private static async Task<Dictionary<TKey, int[]>> Count<TKey>(IQueryable<Measure> measures, Expression<Func<Measure, TKey>> key,
        IReadOnlyList<Expression<Func<Measure, bool>>> predicates, CancellationToken cancellationToken) where TKey : notnull
    {
        var g = Expression.Parameter(typeof(IGrouping<TKey, Measure>), "g");
        var body = Expression.MemberInit(Expression.New(typeof(Counted<TKey>)),
            Expression.Bind(typeof(Counted<TKey>).GetProperty(nameof(Counted<TKey>.Key))!, Expression.Property(g, typeof(IGrouping<TKey, Measure>).GetProperty("Key")!)),
            Expression.Bind(typeof(Counted<TKey>).GetProperty(nameof(Counted<TKey>.Counts))!,
                Expression.NewArrayInit(typeof(int), predicates.Select(p => Expression.Call(CountWhere, g, p)))));
        var rows = await measures.GroupBy(key).Select(Expression.Lambda<Func<IGrouping<TKey, Measure>, Counted<TKey>>>(body, g)).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => r.Counts);
    }

    private sealed class Counted<TKey>
    {
        public TKey Key { get; set; } = default!;
        public int[] Counts { get; set; } = [];
    }

    private static MeasureReportRow Sum(IReadOnlyList<MeasureReportRow> rows, string name)
    {
        int S(Func<MeasureReportRow, int> f) => rows.Sum(f);
        return new MeasureReportRow(null, name, S(r => r.Raised),
            new RaisedBySource(S(r => r.BySource.SurveyProblem), S(r => r.BySource.Complaint), S(r => r.BySource.CrisisWarning), S(r => r.BySource.InspectionFinding), S(r => r.BySource.Manual)),
            S(r => r.PlannedOnTime), S(r => r.PlannedLate), S(r => r.PlanMissing), S(r => r.Closed), S(r => r.ClosedOnTime), S(r => r.ClosedLate),
            S(r => r.ClosedWithMetric), S(r => r.ClosedFirstRound), S(r => r.ClosedAfterReopening), S(r => r.NotAccepted), S(r => r.Reopened), S(r => r.Penalties),
            S(r => r.OpenAtEnd), S(r => r.OverdueAtEnd));
    }
}
