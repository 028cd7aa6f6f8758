using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Guanxi.Web.Features.Grading;

public sealed record ValueQuarterView(string Quarter, decimal Amount, decimal Profit);

/// <summary>The inputs of the lifetime-value estimate: m = lifetime profit ÷ years, r from the stage, d.</summary>
public sealed record ValueModelView(
    decimal LifetimeProfit, DateOnly? FirstOrderAt, decimal Years, decimal YearlyProfit,
    LifecycleStage Stage, decimal Retention, decimal DiscountRate, decimal ExpectedYears);

/// <summary>
/// GRD-6: current value (profit of the last 12 months), the 12 months before and the uplift, the potential value with
/// its formula written out in the caller's language with the customer's own numbers, and the last 8 quarters.
/// </summary>
public sealed record CustomerValueView(
    DateOnly AsOf, decimal CurrentValue, decimal PreviousValue, decimal? Uplift, decimal PotentialValue,
    string Formula, IReadOnlyList<string> Explanation, ValueModelView Model, IReadOnlyList<ValueQuarterView> Quarters);

/// <summary>GRD-6 客户价值 of one customer, computed from their orders as of today (null when out of sight, as the grade).</summary>
public sealed class GetCustomerValue(GuanxiDbContext db, CustomerViewers viewers, EnterpriseSettings settings, EnterpriseClock clock, Formatter F, IStringLocalizer<SharedResource> L)
{
    public async Task<Result<CustomerValueView>> Handle(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return CustomerWebErrors.NotFound;
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId && c.Status != CustomerStatus.Merged)
            .Select(c => new { c.Stage, c.OwnerId, c.DepartmentId })
            .SingleOrDefaultAsync(cancellationToken);
        if (customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        var today = clock.Today;
        var policy = await settings.Get(GradingPolicy.SettingsKey, GradingPolicy.Default, cancellationToken);
        var orders = await db.Set<Order>().AsNoTracking().Where(o => o.CustomerId == customerId && o.OrderedAt <= today)
            .Select(o => new { o.OrderedAt, o.Amount, o.Cost })
            .ToListAsync(cancellationToken);
        var value = CustomerValue.Of(ValuePolicy.Default, customer.Stage,
            orders.Select(o => new ValuedOrder(o.OrderedAt, o.Amount, policy.ProfitOf(o.Amount, o.Cost))), today);
        var model = new ValueModelView(value.LifetimeProfit, value.FirstOrderAt, value.Years, value.YearlyProfit,
            value.Stage, value.Retention, value.DiscountRate, value.ExpectedYears);
        return new CustomerValueView(today, value.CurrentValue, value.PreviousValue, value.Uplift, value.PotentialValue,
            Formula(value), Explanation(value), model, value.Quarters.Select(q => new ValueQuarterView(q.Quarter, q.Amount, q.Profit)).ToList());
    }

    /// <summary>"潜在价值 = 年均利润 m × 留存率 r ÷ (1 + 折现率 d − r) = ¥5,066.67 × 0.85 ÷ (1 + 0.08 − 0.85) = ¥18,724.65".</summary>
    private string Formula(CustomerValuation v) =>
        $"{L["Value.FormulaGeneral"]} = {L["Value.FormulaNumbers", Formatter.Money(v.YearlyProfit), Ratio(v.Retention), Ratio(v.DiscountRate), Formatter.Money(v.PotentialValue)]}";

    private List<string> Explanation(CustomerValuation v) =>
    [
        v.FirstOrderAt is { } first
            ? L["Value.YearlyProfitExplained", Formatter.Money(v.LifetimeProfit), v.Years.ToString("0.00", CultureInfo.InvariantCulture), F.Date(first), Formatter.Money(v.YearlyProfit)]
            : L["Value.NoOrders"],
        L["Value.RetentionExplained", Ratio(v.Retention), L[$"Stage.{v.Stage}"]],
        L["Value.DiscountExplained", Ratio(v.DiscountRate), v.ExpectedYears.ToString("0.00", CultureInfo.InvariantCulture)],
    ];

    private static string Ratio(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
