using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;

namespace Guanxi.Domain.Tests;

/// <summary>GRD-1..3: indicators, the grading policy and its tiers, service standards.</summary>
public sealed class GradingTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static CustomerIndicators Buyer(decimal amount, int orders = 1, int daysAgo = 30, int referrals = 0, int? potential = null, decimal repeat = 0m) =>
        new(amount, orders, amount * 0.1m, repeat, referrals, Today.AddDays(-daysAgo), potential);

    [Fact]
    public void GRD_1_repeat_rate_counts_the_orders_that_were_not_the_first_ever()
    {
        Assert.Equal(0m, CustomerIndicators.RepeatRateOf(1, firstEverInPeriod: true));
        Assert.Equal(0.75m, CustomerIndicators.RepeatRateOf(4, firstEverInPeriod: true));
        Assert.Equal(1m, CustomerIndicators.RepeatRateOf(2, firstEverInPeriod: false));
        Assert.Equal(0m, CustomerIndicators.RepeatRateOf(0, firstEverInPeriod: false));
        Assert.Equal(10, Buyer(1m, daysAgo: 10).RecencyDays(Today));
        Assert.Null(new CustomerIndicators(0, 0, 0, 0, 0, null, null).RecencyDays(Today));
    }

    [Fact]
    public void GRD_2_the_biggest_buyer_scores_highest_and_a_customer_without_orders_is_ordinary()
    {
        CustomerIndicators[] customers = [Buyer(500_000m, 3, 5, 2, 80, 0.67m), Buyer(100_000m), Buyer(20_000m, daysAgo: 300), new(0, 0, 0, 0, 0, null, null)];
        var grades = Grader.Grade(GradingPolicy.Default, customers, Today);
        Assert.True(grades[0].Score > grades[1].Score && grades[1].Score > grades[2].Score);
        Assert.Equal(Tier.Vip, grades[0].Tier);
        Assert.Equal(0m, grades[3].Score);
        Assert.Equal(Tier.Ordinary, grades[3].Tier);
        Assert.Contains("≥ VIP 门槛 80.0", grades[0].Reason);
        Assert.Contains("¥500,000.00", grades[0].Reason);
        Assert.Contains("below the important threshold", grades[3].ReasonEn);
    }

    [Fact]
    public void GRD_2_changing_the_weights_or_thresholds_moves_customers_between_tiers()
    {
        CustomerIndicators[] customers = [.. Enumerable.Range(1, 10).Select(i => Buyer(i * 10_000m, daysAgo: i))];
        var before = Grader.Grade(GradingPolicy.Default, customers, Today);
        var lower = GradingPolicy.Default with { VipScore = 50m, ImportantScore = 30m };
        var after = Grader.Grade(lower, customers, Today);
        Assert.True(after.Count(g => g.Tier == Tier.Vip) > before.Count(g => g.Tier == Tier.Vip));
        var onlyRecency = GradingPolicy.Default with { Weights = new IndicatorWeights(0, 0, 100, 0, 0, 0, 0) };
        var recent = Grader.Grade(onlyRecency, customers, Today);
        Assert.Equal(100m, recent[0].Score);   // bought yesterday: the most recent buyer
        Assert.Equal(10m, recent[9].Score);
    }

    [Fact]
    public void GRD_2_one_customers_score_from_counts_of_where_they_stand_is_the_score_the_population_grading_gave()
    {
        CustomerIndicators[] customers =
        [
            Buyer(500_000m, 3, 5, 2, 80, 0.67m), Buyer(100_000m, 2, referrals: 1), Buyer(100_000m, daysAgo: 300), Buyer(20_000m, daysAgo: 5),
            new(0, 0, 0, 0, 0, null, 40), new(-800m, 0, -800m, 0, 0, null, null),
        ];
        var grades = Grader.Grade(GradingPolicy.Default, customers, Today);
        Standing Of(Func<CustomerIndicators, decimal> value, CustomerIndicators c) =>
            new(customers.Count(o => value(o) > 0 && value(o) <= value(c)), customers.Count(o => value(o) > 0));
        foreach (var (c, g) in customers.Zip(grades))
        {
            var standings = new Standings(Of(o => o.Amount, c), Of(o => o.Orders, c), Of(o => o.LastOrderAt?.DayNumber ?? 0, c), Of(o => o.Profit, c), Of(o => o.Referrals, c));
            Assert.Equal(g.Score, Grader.Score(GradingPolicy.Default, c, standings));
        }
        Assert.Equal(0m, new Standing(0, 0).Rank);
        Assert.Equal(50m, new Standing(2, 4).Rank);
    }

    [Fact]
    public void GRD_2_percentiles_make_the_top_share_vip_and_keep_ties_together()
    {
        CustomerIndicators[] customers = [.. Enumerable.Range(1, 100).Select(i => Buyer(i * 1_000m, daysAgo: 1)), Buyer(100_000m, daysAgo: 1)];
        var policy = GradingPolicy.Default with { Mode = TierMode.Percentiles, VipPercent = 1m, ImportantPercent = 9m };
        var grades = Grader.Grade(policy, customers, Today);
        Assert.Equal(2, grades.Count(g => g.Tier == Tier.Vip));   // 1% of 101 is one customer, and the tie at the top joins it
        Assert.Equal(Tier.Vip, grades[99].Tier);
        Assert.Equal(Tier.Vip, grades[100].Tier);
        Assert.InRange(grades.Count(g => g.Tier == Tier.Important), 8, 9);
        Assert.Contains("位列前 1.0%", grades[100].Reason);
    }

    [Fact]
    public void GRD_2_a_policy_without_weights_or_with_crossed_thresholds_is_refused()
    {
        Assert.Empty(GradingPolicy.Default.Validate());
        Assert.Contains(GradingErrors.NoWeight, (GradingPolicy.Default with { Weights = new IndicatorWeights(0, 0, 0, 0, 0, 0, 0) }).Validate());
        Assert.Contains(GradingErrors.WeightRange, (GradingPolicy.Default with { Weights = new IndicatorWeights(101, 0, 0, 0, 0, 0, 0) }).Validate());
        Assert.Contains(GradingErrors.Thresholds, (GradingPolicy.Default with { VipScore = 50m, ImportantScore = 60m }).Validate());
        Assert.Contains(GradingErrors.Percentiles, (GradingPolicy.Default with { Mode = TierMode.Percentiles, VipPercent = 60m, ImportantPercent = 50m }).Validate());
        Assert.Contains(GradingErrors.Period, (GradingPolicy.Default with { PeriodMonths = 0 }).Validate());
        Assert.Contains(GradingErrors.Margin, (GradingPolicy.Default with { DefaultMargin = 1.5m }).Validate());
    }

    [Fact]
    public void GRD_4_profit_is_amount_less_cost_or_the_default_margin_when_the_cost_is_unknown()
    {
        Assert.Equal(20_000m, GradingPolicy.Default.ProfitOf(140_000m, 120_000m));
        Assert.Equal(15m, GradingPolicy.Default.ProfitOf(100m, null));
        Assert.Equal(-3.05m, GradingPolicy.Default.ProfitOf(-20.34m, null));
    }

    [Fact]
    public void GRD_3_every_tier_has_one_service_standard_with_sensible_hours()
    {
        Assert.Empty(ServiceStandard.Validate(ServiceStandard.Defaults));
        Assert.NotEmpty(ServiceStandard.Validate([.. ServiceStandard.Defaults.Take(2)]));
        Assert.Contains(GradingErrors.StandardHours, ServiceStandard.Validate([ServiceStandard.Defaults[0] with { ResponseHours = 48 }, .. ServiceStandard.Defaults.Skip(1)]));
        Assert.Contains(GradingErrors.StandardCadence, ServiceStandard.Validate([ServiceStandard.Defaults[0] with { FollowUpDays = 0 }, .. ServiceStandard.Defaults.Skip(1)]));
        Assert.Contains(GradingErrors.StandardCadence, ServiceStandard.Validate([ServiceStandard.Defaults[0] with { VisitDays = 0 }, .. ServiceStandard.Defaults.Skip(1)]));
        Assert.Equal(90, ServiceStandard.Defaults[0].VisitDays);   // SVC-4: the VIP's quarterly visit
    }

    [Fact]
    public void GRD_1_the_owner_assesses_potential_from_0_to_100_with_a_reason()
    {
        var customer = Customer.Create(new CustomerDetails(
            CustomerType.Organization, "顺丰物流", null, [new CustomerPhone(PhoneKind.Mobile, "+8613812341234")], [], null,
            [], null, false, Gender.Unknown, "物流", "大型", null, "owner-1", Guid.NewGuid(), null, null, null), DateTimeOffset.UnixEpoch, Today).Value!;
        Assert.False(customer.AssessPotential(101, "行业龙头").Succeeded);
        Assert.False(customer.AssessPotential(80, " ").Succeeded);
        Assert.True(customer.AssessPotential(80, "本地最大的物流公司，明年扩充车队").Succeeded);
        Assert.Equal(80, customer.Potential);
    }
}
