using Guanxi.Domain.Lifecycle;

namespace Guanxi.Domain.Grading;

/// <summary>
/// GRD-6 settings of the lifetime-value estimate: the chance, per lifecycle stage, that a customer buys again in the
/// next year (retention r), and the yearly discount rate d. A dealer's loyal customers come back most years, a first
/// buyer about every other one, a churned customer seldom; money a year away is worth less than money today.
/// </summary>
public sealed record ValuePolicy(decimal FirstPurchaseRetention, decimal RepeatRetention, decimal LoyalRetention, decimal ChurnedRetention, decimal DiscountRate)
{
    public static ValuePolicy Default { get; } = new(0.50m, 0.70m, 0.85m, 0.10m, 0.08m);

    /// <summary>A prospect has no purchase yet, so no retention: their potential is the owner's assessment, not a value.</summary>
    public decimal RetentionOf(LifecycleStage stage) => stage switch
    {
        LifecycleStage.FirstPurchase => FirstPurchaseRetention,
        LifecycleStage.Repeat => RepeatRetention,
        LifecycleStage.Loyal => LoyalRetention,
        LifecycleStage.Churned => ChurnedRetention,
        _ => 0m,
    };
}

/// <summary>An order as value reads it: the day, the amount (a return is negative) and the profit (GRD-4's profit rule).</summary>
public readonly record struct ValuedOrder(DateOnly OrderedAt, decimal Amount, decimal Profit);

/// <summary>Amount and profit of one calendar quarter ("2026Q3").</summary>
public sealed record QuarterValue(string Quarter, DateOnly Start, decimal Amount, decimal Profit);

/// <summary>
/// A customer's value (GRD-6): the current value (profit of the last 12 months) against the 12 months before (the
/// uplift), and the potential value, the lifetime-value estimate m × r ÷ (1 + d − r) with every input kept so that a
/// page can write the formula with the customer's own numbers.
/// </summary>
/// <param name="Uplift">(current − previous) ÷ |previous|; null when the previous 12 months had no profit to compare with.</param>
/// <param name="Years">Years since the first order, at least 1 (a first year counts whole), two decimals.</param>
/// <param name="YearlyProfit">m: the lifetime profit ÷ the years, to the cent.</param>
/// <param name="ExpectedYears">r ÷ (1 + d − r): the discounted years of profit still to come, four decimals.</param>
public sealed record CustomerValuation(
    decimal CurrentValue, decimal PreviousValue, decimal? Uplift,
    decimal LifetimeProfit, DateOnly? FirstOrderAt, decimal Years, decimal YearlyProfit,
    LifecycleStage Stage, decimal Retention, decimal DiscountRate, decimal ExpectedYears, decimal PotentialValue,
    IReadOnlyList<QuarterValue> Quarters);

/// <summary>
/// GRD-6 客户价值. The potential value is the standard retention model of customer lifetime value (Gupta &amp; Lehmann):
/// a customer worth m a year who stays each year with probability r, discounted at d, is worth
/// Σₜ m·rᵗ/(1+d)ᵗ = m × r ÷ (1 + d − r) from now on. m is the customer's average yearly profit over their whole history,
/// not the last 12 months, so that one car bought this year does not count as a car every year; r follows from the
/// lifecycle stage (LIF-1), the churn model the firm already keeps.
/// </summary>
public static class CustomerValue
{
    public const int QuarterCount = 8;

    /// <summary>m × r ÷ (1 + d − r), to the cent.</summary>
    public static decimal LifetimeValue(decimal yearlyProfit, decimal retention, decimal discountRate) =>
        Math.Round(yearlyProfit * retention / (1m + discountRate - retention), 2, MidpointRounding.AwayFromZero);

    public static CustomerValuation Of(ValuePolicy policy, LifecycleStage stage, IEnumerable<ValuedOrder> orders, DateOnly today)
    {
        var past = orders.Where(o => o.OrderedAt <= today).ToList();
        var yearAgo = today.AddMonths(-12);
        var current = past.Where(o => o.OrderedAt > yearAgo).Sum(o => o.Profit);
        var previous = past.Where(o => o.OrderedAt > today.AddMonths(-24) && o.OrderedAt <= yearAgo).Sum(o => o.Profit);
        var lifetime = past.Sum(o => o.Profit);
        DateOnly? first = past.Count == 0 ? null : past.Min(o => o.OrderedAt);
        var years = first is { } f ? Math.Max(1m, Math.Round((today.DayNumber - f.DayNumber) / 365.25m, 2, MidpointRounding.AwayFromZero)) : 1m;
        var yearly = Math.Round(lifetime / years, 2, MidpointRounding.AwayFromZero);
        var retention = past.Count == 0 ? 0m : policy.RetentionOf(stage);
        var expected = Math.Round(retention / (1m + policy.DiscountRate - retention), 4, MidpointRounding.AwayFromZero);
        return new CustomerValuation(
            current, previous, previous == 0 ? null : Math.Round((current - previous) / Math.Abs(previous), 4, MidpointRounding.AwayFromZero),
            lifetime, first, years, yearly, stage, retention, policy.DiscountRate, expected, LifetimeValue(yearly, retention, policy.DiscountRate),
            Quarters(past, today));
    }

    /// <summary>The last <see cref="QuarterCount"/> calendar quarters, the current one last, each with its orders' amount and profit.</summary>
    public static IReadOnlyList<QuarterValue> Quarters(IReadOnlyCollection<ValuedOrder> orders, DateOnly today)
    {
        var thisQuarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var quarters = new List<QuarterValue>(QuarterCount);
        for (var k = QuarterCount - 1; k >= 0; k--)
        {
            var start = thisQuarter.AddMonths(-3 * k);
            var end = start.AddMonths(3);
            var inside = orders.Where(o => o.OrderedAt >= start && o.OrderedAt < end).ToList();
            quarters.Add(new QuarterValue(Label(start), start, inside.Sum(o => o.Amount), inside.Sum(o => o.Profit)));
        }
        return quarters;
    }

    public static string Label(DateOnly quarterStart) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{quarterStart.Year}Q{(quarterStart.Month - 1) / 3 + 1}");
}
