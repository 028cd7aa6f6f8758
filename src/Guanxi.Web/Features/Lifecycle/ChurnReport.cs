using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Lifecycle;

public sealed record ChurnByReason(ChurnReason? Reason, int Count);

/// <summary>Of the customers of one kind who ever bought, how many churned in the period.</summary>
public sealed record ChurnByKind(string Kind, int Buyers, int Churned, double Rate);

public sealed record ChurnByMonth(string Month, int Churned);

/// <summary>The customers whose first purchase fell in one month, and the share still not churned 0, 1, 2 … months later (null: not yet reached).</summary>
public sealed record ChurnCohort(string Month, int Customers, IReadOnlyList<double?> Retained);

public sealed record ChurnView(
    DateOnly From, DateOnly To, int Buyers, int ChurnedNow, int Churned, double Rate,
    IReadOnlyList<ChurnByReason> ByReason, IReadOnlyList<ChurnByKind> ByTier, IReadOnlyList<ChurnByKind> ByType,
    IReadOnlyList<ChurnByMonth> ByMonth, IReadOnlyList<ChurnCohort> Cohorts);

/// <summary>
/// LIF-3 客户维护成败分析: the customers lost in a period (their churn took effect in it) by the reason their owners
/// recorded, by tier and by type against all who ever bought, by month; and monthly cohorts of first purchase with the
/// share not (yet) churned each month after. Department managers see their department; leadership, customer service
/// and administrators everyone.
/// </summary>
public sealed class ChurnReport(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock, IFirstPurchases firstPurchases)
{
    public const int CohortMonths = 24;
    public static readonly Error NotAllowed = Error.Forbidden("churn.not_allowed", "流失分析仅供部门经理、客服部门、公司领导和系统管理员查看。", "The churn report is for managers, customer service, leadership and administrators.");

    public async Task<Result<ChurnView>> Handle(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.Current(cancellationToken);
        if (viewer is null || !CustomerAccess.Oversees(viewer))
            return NotAllowed;
        var end = to ?? clock.Today;
        var start = from ?? end.AddMonths(-12).AddDays(1);
        if (start > end || end.DayNumber - start.DayNumber > 3660)
            return Periods.Invalid;
        var department = CustomerAccess.ListedDepartment(viewer);
        var customers = db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active && (department == null || c.DepartmentId == department));
        var firsts = firstPurchases.All;
        var buyers = await customers.Where(c => c.Stage != LifecycleStage.Potential)
            .Select(c => new
            {
                c.Tier, c.Type, c.Stage, c.StageSince,
                First = firsts.Where(f => f.CustomerId == c.Id).Select(f => f.On).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var churns = await db.Set<StageChange>().AsNoTracking()
            .Where(s => s.To == LifecycleStage.Churned && s.EffectiveOn >= start && s.EffectiveOn <= end && customers.Any(c => c.Id == s.CustomerId))
            .Select(s => new { s.EffectiveOn, s.ChurnReason, Customer = customers.Where(c => c.Id == s.CustomerId).Select(c => new { c.Tier, c.Type }).First() })
            .ToListAsync(cancellationToken);
        var english = Cultures.IsEnglish;

        var byReason = churns.GroupBy(c => c.ChurnReason).Select(g => new ChurnByReason(g.Key, g.Count()))
            .OrderBy(r => r.Reason is null).ThenByDescending(r => r.Count).ToList();
        var byTier = Enum.GetValues<Tier>().Reverse()
            .Select(t => Kind(english ? t.English() : t.Chinese(), buyers.Count(b => b.Tier == t), churns.Count(c => c.Customer.Tier == t))).ToList();
        var byType = Enum.GetValues<CustomerType>()
            .Select(t => Kind(t == CustomerType.Person ? english ? "Individuals" : "个人客户" : english ? "Organisations" : "单位客户",
                buyers.Count(b => b.Type == t), churns.Count(c => c.Customer.Type == t))).ToList();
        var byMonth = new List<ChurnByMonth>();
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
            byMonth.Add(new ChurnByMonth(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                churns.Count(c => c.EffectiveOn!.Value.Year == month.Year && c.EffectiveOn.Value.Month == month.Month)));

        var cohorts = new List<ChurnCohort>();
        var firstMonth = new DateOnly(end.Year, end.Month, 1).AddMonths(-CohortMonths + 1);
        foreach (var cohort in buyers.Where(b => b.First >= firstMonth && b.First <= end).GroupBy(b => new DateOnly(b.First!.Value.Year, b.First.Value.Month, 1)).OrderBy(g => g.Key))
        {
            var members = cohort.ToList();
            var retained = new List<double?>();
            for (var k = 0; k < CohortMonths; k++)
            {
                var at = cohort.Key.AddMonths(k + 1).AddDays(-1);
                retained.Add(cohort.Key.AddMonths(k) > end ? null
                    : Math.Round(members.Count(m => !(m.Stage == LifecycleStage.Churned && m.StageSince <= at)) / (double)members.Count, 4));
            }
            cohorts.Add(new ChurnCohort(cohort.Key.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), members.Count, retained));
        }
        return new ChurnView(start, end, buyers.Count, buyers.Count(b => b.Stage == LifecycleStage.Churned), churns.Count,
            buyers.Count == 0 ? 0 : Math.Round(churns.Count / (double)buyers.Count, 4), byReason, byTier, byType, byMonth, cohorts);

        static ChurnByKind Kind(string kind, int buyers, int churned) => new(kind, buyers, churned, buyers == 0 ? 0 : Math.Round(churned / (double)buyers, 4));
    }
}
