using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;

namespace Guanxi.Domain.Tests;

/// <summary>GRD-6: current value, uplift, the lifetime-value estimate and the quarterly trend.</summary>
public sealed class CustomerValueTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void GRD_6_lifetime_value_is_yearly_profit_times_retention_over_one_plus_discount_minus_retention()
    {
        // 12,000 × 0.85 ÷ (1 + 0.08 − 0.85) = 10,200 ÷ 0.23 = 44,347.826… → 44,347.83
        Assert.Equal(44_347.83m, CustomerValue.LifetimeValue(12_000m, 0.85m, 0.08m));
        // The same as summing the discounted, retained profit of every year to come.
        var summed = Enumerable.Range(1, 400).Sum(t => 12_000.0 * Math.Pow(0.85 / 1.08, t));
        Assert.Equal(summed, (double)CustomerValue.LifetimeValue(12_000m, 0.85m, 0.08m), 0.01);
        Assert.Equal(0m, CustomerValue.LifetimeValue(12_000m, 0m, 0.08m));
        Assert.Equal(-3_750m, CustomerValue.LifetimeValue(-7_500m, 0.5m, 0.5m));   // a customer who costs money is worth less than nothing
    }

    [Fact]
    public void GRD_6_a_loyal_customer_is_valued_from_their_own_history_and_stage()
    {
        ValuedOrder[] orders =
        [
            new(new DateOnly(2023, 11, 24), 150_000m, 12_000m),   // the car, three years ago
            new(new DateOnly(2024, 12, 1), 2_000m, 800m),          // 12–24 months ago
            new(new DateOnly(2025, 11, 23), 1_000m, 400m),         // exactly 12 months ago: still the previous year
            new(new DateOnly(2025, 11, 24), 3_000m, 1_200m),       // the first day of the last 12 months
            new(new DateOnly(2026, 8, 15), 2_500m, 1_000m),
            new(new DateOnly(2026, 9, 30), -500m, -200m),          // a return
            new(new DateOnly(2026, 12, 1), 9_999m, 9_999m),        // ordered for later: not yet
        ];
        var value = CustomerValue.Of(ValuePolicy.Default, LifecycleStage.Loyal, orders, Today);

        Assert.Equal(1_200m + 1_000m - 200m, value.CurrentValue);
        Assert.Equal(800m + 400m, value.PreviousValue);
        Assert.Equal(Math.Round((2_000m - 1_200m) / 1_200m, 4), value.Uplift);
        Assert.Equal(15_200m, value.LifetimeProfit);
        Assert.Equal(new DateOnly(2023, 11, 24), value.FirstOrderAt);
        Assert.Equal(Math.Round(1095m / 365.25m, 2), value.Years);        // 1,095 days → 3.00 years
        Assert.Equal(Math.Round(15_200m / value.Years, 2), value.YearlyProfit);
        Assert.Equal((0.85m, 0.08m), (value.Retention, value.DiscountRate));
        Assert.Equal(Math.Round(0.85m / 0.23m, 4), value.ExpectedYears);
        Assert.Equal(Math.Round(value.YearlyProfit * 0.85m / 0.23m, 2), value.PotentialValue);

        Assert.Equal(["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4"], value.Quarters.Select(q => q.Quarter));
        var q4 = value.Quarters.Single(q => q.Quarter == "2025Q4");
        Assert.Equal((4_000m, 1_600m), (q4.Amount, q4.Profit));
        var q3 = value.Quarters.Single(q => q.Quarter == "2026Q3");
        Assert.Equal((2_000m, 800m), (q3.Amount, q3.Profit));
        Assert.Equal((0m, 0m), (value.Quarters[^1].Amount, value.Quarters[^1].Profit));   // the December order is not in yet
    }

    [Fact]
    public void GRD_6_stage_sets_the_retention_and_a_young_relationship_counts_as_a_whole_year()
    {
        ValuedOrder[] one = [new(Today.AddDays(-30), 100_000m, 6_000m)];
        var first = CustomerValue.Of(ValuePolicy.Default, LifecycleStage.FirstPurchase, one, Today);
        Assert.Equal((1m, 6_000m), (first.Years, first.YearlyProfit));
        Assert.Equal(5_172.41m, first.PotentialValue);   // 6,000 × 0.5 ÷ (1 + 0.08 − 0.5) = 5,172.413…
        Assert.Null(first.Uplift);                       // nothing the year before to compare with
        var churned = CustomerValue.Of(ValuePolicy.Default, LifecycleStage.Churned, one, Today);
        Assert.Equal(612.24m, churned.PotentialValue);  // 6,000 × 0.1 ÷ 0.98 = 612.244…
        var prospect = CustomerValue.Of(ValuePolicy.Default, LifecycleStage.Potential, [], Today);
        Assert.Equal((0m, 0m, 0m, null), (prospect.CurrentValue, prospect.PotentialValue, prospect.Retention, prospect.FirstOrderAt));
        Assert.Equal(CustomerValue.QuarterCount, prospect.Quarters.Count);
    }
}
