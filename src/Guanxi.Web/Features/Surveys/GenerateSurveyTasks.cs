using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Surveys;

public sealed record ExcludedOrder(Guid OrderId, ExclusionReason Reason, string Note);

public sealed record GeneratedSurveys(int Created, IReadOnlyList<ExcludedOrder> Excluded);

/// <summary>
/// SAT-1…4: the day's survey tasks. Every delivery or completed service job whose window is open on the day and that has
/// not been decided yet is decided once: a task, or an exclusion with its reason. Sales deliveries are all surveyed;
/// service jobs are sampled, min(100, N) per calendar month of completion (<see cref="AfterSalesSample"/>). Trade
/// customers are excluded, and a customer surveyed (or with a survey pending) within 365 days is not surveyed again.
/// New tasks go to the callback specialist with the fewest open ones. The daily job runs <see cref="Handle"/>; the
/// customer-service manager and administrators may run it now (<see cref="Now"/>).
/// </summary>
public sealed class GenerateSurveyTasks(GuanxiDbContext db, EnterpriseSettings settings, TimeProvider time, Random random, Customers.CustomerViewers viewers, EnterpriseClock clock)
{
    public const string WindowsKey = "surveys.windows";

    private sealed record Candidate(Guid OrderId, OrderKind Kind, Guid CustomerId, Guid DepartmentId, string? StaffId, DateOnly DeliveredOn, bool Trade);

    /// <summary>A person generates the tasks of <paramref name="day"/> (default today) now, as the daily job does.</summary>
    public async Task<Result<GeneratedSurveys>> Now(DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.Generates(viewer))
            return SurveyErrors.GenerateNotAllowed;
        return await Handle(day ?? clock.Today, cancellationToken);
    }

    /// <summary>The daily job's run: no caller to check.</summary>
    public async Task<GeneratedSurveys> Handle(DateOnly day, CancellationToken cancellationToken = default)
    {
        var windows = await settings.Get(WindowsKey, SurveyWindows.Default, cancellationToken);
        var now = time.GetUtcNow();
        var candidates = await Candidates(windows, day, cancellationToken);
        var past = await PastSurveys(candidates.Select(c => c.CustomerId).Distinct().ToList(), day, cancellationToken);
        var (tasks, excluded) = (new List<SurveyTask>(), new List<SurveyExclusionRecord>());

        // SAT-1, SAT-4: who may be surveyed; sales first (all of them), so that a customer's pending sales survey blocks a service one.
        var eligible = new List<(Candidate Order, SurveyWindow Window)>();
        foreach (var c in candidates.OrderBy(c => c.Kind).ThenBy(c => c.DeliveredOn).ThenBy(c => c.OrderId))
        {
            var kind = c.Kind == OrderKind.Sale ? SurveyKind.Sales : SurveyKind.AfterSales;
            var window = windows.For(kind, c.DeliveredOn);
            var surveys = past.TryGetValue(c.CustomerId, out var list) ? list : past[c.CustomerId] = [];
            if (SurveyEligibility.Check(c.Trade, surveys, window.Opens) is { } exclusion)
            {
                excluded.Add(Exclusion(c, kind, day, exclusion));
                continue;
            }
            if (kind == SurveyKind.Sales)
            {
                tasks.Add(SurveyTask.Open(kind, c.CustomerId, c.OrderId, c.DepartmentId, c.StaffId, c.DeliveredOn, window, null, now));
                surveys.Add(new PastSurvey(window.Opens, SurveyOutcome.Pending));
            }
            else
                eligible.Add((c, window));
        }

        // SAT-3: the after-sales sample, month of completion by month.
        var late = new List<SurveyExclusionRecord>();
        foreach (var month in eligible.GroupBy(e => new DateOnly(e.Order.DeliveredOn.Year, e.Order.DeliveredOn.Month, 1)))
        {
            var jobs = month.ToList();
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(jobs));
            var (quotaLeft, outlook, passedOver) = await MonthSoFar(windows, month.Key, day, excluded, cancellationToken);
            var decision = AfterSalesSample.Decide(quotaLeft, jobs.Count, outlook, await passedOver.CountAsync(cancellationToken), random);
            for (var i = 0; i < jobs.Count; i++)
            {
                var (c, window) = jobs[i];
                if (decision.Drawn[i])
                {
                    tasks.Add(SurveyTask.Open(SurveyKind.AfterSales, c.CustomerId, c.OrderId, c.DepartmentId, c.StaffId, c.DeliveredOn, window, null, now));
                    past[c.CustomerId].Add(new PastSurvey(window.Opens, SurveyOutcome.Pending));
                }
                else
                    excluded.Add(Exclusion(c, SurveyKind.AfterSales, day, new SurveyExclusion(ExclusionReason.NotSampled)));
            }
            if (decision.Late.Length > 0)   // rarely: the sample has fallen behind
            {
                var jobsPassedOver = await passedOver.OrderBy(e => e.OrderId).ToListAsync(cancellationToken);
                late.AddRange(decision.Late.Where(pick => pick < jobsPassedOver.Count).Select(pick => jobsPassedOver[pick]));
            }
        }
        await DrawLate(late, windows, day, now, tasks, cancellationToken);

        await SurveyAssignment.Assign(db, tasks, day, cancellationToken);
        // The day's exclusions are most of what it decides (thousands at a dealer group's scale): written in bulk, with the tasks, at once.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.AddRange(tasks);
            await db.SaveChangesAsync(cancellationToken);
            await using (var insert = new BulkInsert(db, typeof(SurveyExclusionRecord), db.Database.GetDbConnection(), transaction.GetDbTransaction()))
            {
                foreach (var chunk in excluded.Chunk(1000))
                    await insert.Run(chunk, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        var english = Cultures.IsEnglish;
        return new GeneratedSurveys(tasks.Count, [.. excluded.Select(e =>
        {
            var why = new SurveyExclusion(e.Reason, e.SurveyedOn);
            return new ExcludedOrder(e.OrderId, e.Reason, english ? why.English : why.Chinese);
        })]);
    }

    private static SurveyExclusionRecord Exclusion(Candidate c, SurveyKind kind, DateOnly day, SurveyExclusion why) => new()
    {
        OrderId = c.OrderId, Kind = kind, CustomerId = c.CustomerId, DeliveredOn = c.DeliveredOn, DecidedOn = day, Reason = why.Reason, SurveyedOn = why.SurveyedOn,
    };

    /// <summary>Deliveries and service jobs (not returns) of active customers whose windows are open on the day, not yet decided.</summary>
    private async Task<List<Candidate>> Candidates(SurveyWindows windows, DateOnly day, CancellationToken cancellationToken)
    {
        var (salesFrom, salesTo) = (day.AddDays(-(windows.SalesOpensAfterDays + windows.WindowDays - 1)), day.AddDays(-windows.SalesOpensAfterDays));
        var (serviceFrom, serviceTo) = (day.AddDays(-(windows.AfterSalesOpensAfterDays + windows.WindowDays - 1)), day.AddDays(-windows.AfterSalesOpensAfterDays));
        return await (from o in db.Set<Order>().AsNoTracking()
                      join c in db.Set<Customer>() on o.CustomerId equals c.Id
                      where c.Status == CustomerStatus.Active && o.Amount >= 0
                            && ((o.Kind == OrderKind.Sale && o.DeliveredAt >= salesFrom && o.DeliveredAt <= salesTo)
                                || (o.Kind == OrderKind.Service && o.DeliveredAt >= serviceFrom && o.DeliveredAt <= serviceTo))
                            && !db.Set<SurveyTask>().Any(t => t.OrderId == o.Id && t.ProgramId == null)
                            && !db.Set<SurveyExclusionRecord>().Any(e => e.OrderId == o.Id)
                      select new Candidate(o.Id, o.Kind, o.CustomerId, o.DepartmentId, o.StaffId, o.DeliveredAt!.Value, c.TradeCustomer))
            .ToListAsync(cancellationToken);
    }

    /// <summary>SAT-4: the customers' surveys within a year either side of the day's windows.</summary>
    private async Task<Dictionary<Guid, List<PastSurvey>>> PastSurveys(List<Guid> customers, DateOnly day, CancellationToken cancellationToken)
    {
        var since = day.AddDays(-SurveyEligibility.RepeatDays - 31);
        var past = new Dictionary<Guid, List<PastSurvey>>();
        foreach (var chunk in customers.Chunk(500))
        {
            var rows = await db.Set<SurveyTask>().AsNoTracking().Where(t => chunk.Contains(t.CustomerId) && t.SurveyedOn >= since && t.ProgramId == null)
                .Select(t => new { t.CustomerId, t.SurveyedOn, t.Outcome }).ToListAsync(cancellationToken);
            foreach (var r in rows)
                (past.TryGetValue(r.CustomerId, out var list) ? list : past[r.CustomerId] = []).Add(new PastSurvey(r.SurveyedOn, r.Outcome));
        }
        return past;
    }

    /// <summary>
    /// What the month's sample stands at: the quota left; the outlook of its eligible jobs still to decide (known ones whose
    /// windows have not opened, the run-rates of the last 28 and 7 days for the days not yet over, the share found eligible
    /// so far); and its passed-over jobs whose windows are still open (thousands: counted, and read only when some are drawn late).
    /// </summary>
    private async Task<(int QuotaLeft, SampleOutlook Outlook, IQueryable<SurveyExclusionRecord> PassedOver)> MonthSoFar(
        SurveyWindows windows, DateOnly month, DateOnly day, List<SurveyExclusionRecord> decidedToday, CancellationToken cancellationToken)
    {
        var end = month.AddMonths(1).AddDays(-1);
        var drawn = await db.Set<SurveyTask>().CountAsync(t => t.Kind == SurveyKind.AfterSales && t.DeliveredOn >= month && t.DeliveredOn <= end, cancellationToken);
        var exclusions = await db.Set<SurveyExclusionRecord>().Where(e => e.Kind == SurveyKind.AfterSales && e.DeliveredOn >= month && e.DeliveredOn <= end)
            .GroupBy(e => e.Reason == ExclusionReason.NotSampled).Select(g => new { Sampled = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var notSampled = exclusions.Where(e => e.Sampled).Sum(e => e.Count);
        var ineligible = exclusions.Where(e => !e.Sampled).Sum(e => e.Count) + decidedToday.Count(e => e.Kind == SurveyKind.AfterSales && e.DeliveredOn >= month && e.DeliveredOn <= end);
        var decided = drawn + notSampled + ineligible;
        var share = decided == 0 ? 1 : (drawn + notSampled) / (double)decided;

        var opensAfter = windows.AfterSalesOpensAfterDays;
        var jobs = db.Set<Order>().Where(o => o.Kind == OrderKind.Service && o.Amount >= 0);
        var knownFrom = day.AddDays(-opensAfter + 1) > month ? day.AddDays(-opensAfter + 1) : month;
        var knownNotOpened = await jobs.CountAsync(o => o.DeliveredAt >= knownFrom && o.DeliveredAt <= end && o.DeliveredAt <= day, cancellationToken);
        var last28 = await jobs.CountAsync(o => o.DeliveredAt > day.AddDays(-28) && o.DeliveredAt <= day, cancellationToken);
        var last7 = await jobs.CountAsync(o => o.DeliveredAt > day.AddDays(-7) && o.DeliveredAt <= day, cancellationToken);
        var daysNotOver = Math.Max(0, end.DayNumber - day.DayNumber);

        var (stillOpenFrom, openedBefore) = (day.AddDays(-(opensAfter + windows.WindowDays - 1)), day.AddDays(-opensAfter));
        var passedOver = db.Set<SurveyExclusionRecord>().AsNoTracking()   // the few drawn late are removed, the rest only counted
            .Where(e => e.Kind == SurveyKind.AfterSales && e.Reason == ExclusionReason.NotSampled && e.DeliveredOn >= month && e.DeliveredOn <= end
                        && e.DeliveredOn >= stillOpenFrom && e.DeliveredOn < openedBefore);
        return (AfterSalesSample.MonthlyQuota - drawn, new SampleOutlook(knownNotOpened, last28 / 28d, last7 / 7d, daysNotOver, share), passedOver);
    }

    /// <summary>SAT-3: passed-over jobs drawn late become tasks, unless their customer has been given a survey since.</summary>
    private async Task DrawLate(List<SurveyExclusionRecord> late, SurveyWindows windows, DateOnly day, DateTimeOffset now, List<SurveyTask> tasks, CancellationToken cancellationToken)
    {
        if (late.Count == 0)
            return;
        var ids = late.Select(e => e.OrderId).ToList();
        var orders = await db.Set<Order>().AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.DepartmentId, o.StaffId }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var past = await PastSurveys(late.Select(e => e.CustomerId).Distinct().ToList(), day, cancellationToken);
        foreach (var e in late)
        {
            var window = windows.For(SurveyKind.AfterSales, e.DeliveredOn);
            var surveys = (past.TryGetValue(e.CustomerId, out var list) ? list : []).Concat(tasks.Where(t => t.CustomerId == e.CustomerId).Select(t => new PastSurvey(t.SurveyedOn, t.Outcome)));
            if (SurveyEligibility.Check(false, surveys, window.Opens) is not null)
                continue;
            db.Remove(e);
            tasks.Add(SurveyTask.Open(SurveyKind.AfterSales, e.CustomerId, e.OrderId, orders[e.OrderId].DepartmentId, orders[e.OrderId].StaffId, e.DeliveredOn, window, null, now));
        }
    }
}
