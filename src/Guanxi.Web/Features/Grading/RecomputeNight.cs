using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Credit;
using Guanxi.Web.Features.Lifecycle;
using Guanxi.Web.Features.Orders;
using Guanxi.Web.Features.Settings;

namespace Guanxi.Web.Features.Grading;

public sealed record NightOutcome(LifecycleOutcome Lifecycle, CreditOutcome Credit, RecomputeOutcome Grades);

/// <summary>
/// The night (LIF-1, ARC-5, GRD-2): inactivity moves customers on, instalments fall overdue and the population is
/// graded again — lifecycle stages first, then credit ratings, then tiers (whose alerts read the new risk list), all
/// from one read of the orders.
/// </summary>
public sealed class RecomputeNight(GuanxiDbContext db, EnterpriseSettings settings, EnterpriseClock clock, UpdateLifecycle lifecycle, EvaluateCredit credit, RecomputeGrades grades)
{
    public async Task<NightOutcome> Handle(Actor by, Func<double, Task>? progress = null, CancellationToken cancellationToken = default)
    {
        var facts = await CustomerFacts.Read(db, settings, clock.Today, null, cancellationToken);
        var staged = await lifecycle.Handle(by, facts: facts, cancellationToken: cancellationToken);
        var rated = await credit.Handle(by, facts: facts, cancellationToken: cancellationToken);
        var graded = await grades.Handle(by, progress, facts, cancellationToken);
        return new NightOutcome(staged, rated, graded);
    }
}
