using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Grading;

public sealed record GradeIndicators(
    int PeriodMonths, decimal Amount, int Orders, decimal Profit, decimal RepeatRate, int Referrals,
    DateOnly? FirstOrderAt, DateOnly? LastOrderAt, int? RecencyDays, int? Potential, string? PotentialReason, DateTimeOffset? ComputedAt);

/// <summary>One tier change: <see cref="By"/> names who caused it as today, in the viewer's language; <see cref="ById"/> is their id (or the system's).</summary>
public sealed record TierChangeView(DateTimeOffset At, Tier From, Tier To, decimal Score, string Reason, string By, string ById);

public sealed record GradeView(Tier Tier, decimal Score, GradeIndicators Indicators, DateTimeOffset Since, IReadOnlyList<TierChangeView> History, bool CanAssess);

/// <summary>GRD-1/2: a customer's tier, score, indicators as of the last recompute and the tier history (null when out of sight).</summary>
public sealed class GetCustomerGrade(GuanxiDbContext db, CustomerViewers viewers, EnterpriseSettings settings, EnterpriseClock clock, StaffNames staffNames)
{
    public async Task<Result<GradeView>> Handle(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return CustomerWebErrors.NotFound;
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId && c.Status != CustomerStatus.Merged)
            .Select(c => new { c.Tier, c.Potential, c.PotentialReason, c.OwnerId, c.DepartmentId, c.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        var grade = await db.Set<CustomerGrade>().AsNoTracking().SingleOrDefaultAsync(g => g.CustomerId == customerId, cancellationToken);
        var english = Cultures.IsEnglish;
        var rows = await db.Set<TierChange>().AsNoTracking().Where(t => t.CustomerId == customerId)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(100)
            .Select(t => new { View = new TierChangeView(t.At, t.From, t.To, t.Score, english ? t.ReasonEn : t.Reason, "", t.ById), t.ByCause, t.ByText })
            .ToListAsync(cancellationToken);
        var names = await staffNames.Of(rows.Select(r => r.View.ById), cancellationToken);
        var history = rows.Select(r => r.View with { By = names.Who(r.View.ById, r.ByCause, r.ByText) }).ToList();
        var policy = await settings.Get(GradingPolicy.SettingsKey, GradingPolicy.Default, cancellationToken);
        // A recompute leaves the rows whose figures stand: they hold as of the last one that finished.
        var lastRun = await db.Set<JobRun>().AsNoTracking().Where(r => r.Kind == GradingJob.Kind && r.Status == JobStatus.Succeeded).MaxAsync(r => r.FinishedAt, cancellationToken);
        var asOf = grade is null ? null : lastRun > grade.ComputedAt ? lastRun : grade.ComputedAt;
        var indicators = new GradeIndicators(
            policy.PeriodMonths, grade?.Amount ?? 0, grade?.Orders ?? 0, grade?.Profit ?? 0, grade?.RepeatRate ?? 0, grade?.Referrals ?? 0,
            grade?.FirstOrderAt, grade?.LastOrderAt, grade?.LastOrderAt is { } last ? clock.Today.DayNumber - last.DayNumber : null,
            customer.Potential, customer.PotentialReason, asOf);
        var score = grade is null ? 0 : Grader.Score(policy, new CustomerIndicators(grade.Amount, grade.Orders, grade.Profit, grade.RepeatRate, grade.Referrals, grade.LastOrderAt, customer.Potential),
            await Standings(grade, cancellationToken));
        return new GradeView(customer.Tier, score, indicators, history.FirstOrDefault()?.At ?? customer.CreatedAt, history,
            CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId));
    }

    /// <summary>Where the customer's figures stand among the population the last recompute graded: counts on the figures' indexes.</summary>
    private async Task<Standings> Standings(CustomerGrade c, CancellationToken cancellationToken)
    {
        var grades = db.Set<CustomerGrade>();
        async Task<Standing> Of(IQueryable<CustomerGrade> positive, IQueryable<CustomerGrade> atOrBelow, bool mine) =>
            new(mine ? await atOrBelow.CountAsync(cancellationToken) : 0, await positive.CountAsync(cancellationToken));
        return new Standings(
            await Of(grades.Where(g => g.Amount > 0), grades.Where(g => g.Amount > 0 && g.Amount <= c.Amount), c.Amount > 0),
            await Of(grades.Where(g => g.Orders > 0), grades.Where(g => g.Orders > 0 && g.Orders <= c.Orders), c.Orders > 0),
            await Of(grades.Where(g => g.LastOrderAt != null), grades.Where(g => g.LastOrderAt != null && g.LastOrderAt <= c.LastOrderAt), c.LastOrderAt is not null),
            await Of(grades.Where(g => g.Profit > 0), grades.Where(g => g.Profit > 0 && g.Profit <= c.Profit), c.Profit > 0),
            await Of(grades.Where(g => g.Referrals > 0), grades.Where(g => g.Referrals > 0 && g.Referrals <= c.Referrals), c.Referrals > 0));
    }
}
