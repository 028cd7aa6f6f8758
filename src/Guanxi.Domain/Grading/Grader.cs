using System.Globalization;

namespace Guanxi.Domain.Grading;

/// <summary>
/// A customer's score (0–100), tier and the reason, in Chinese and English, for its tier — written out when asked (a
/// recompute needs it only for the customers whose tier changes).
/// </summary>
public readonly record struct Grade(decimal Score, Tier Tier, GradingPolicy Policy, decimal VipLine, decimal ImportantLine, CustomerIndicators Indicators)
{
    public string Reason => Explain().Zh;

    public string ReasonEn => Explain().En;

    private (string Zh, string En) Explain()
    {
        var (policy, c, tier, vip, important) = (Policy, Indicators, Tier, VipLine, ImportantLine);
        var s = Score.ToString("0.0", CultureInfo.InvariantCulture);
        var facts = $"近{policy.PeriodMonths}个月 {c.Orders} 单，金额 ¥{c.Amount.ToString("N2", CultureInfo.InvariantCulture)}，利润 ¥{c.Profit.ToString("N2", CultureInfo.InvariantCulture)}";
        var factsEn = $"{c.Orders} orders in {policy.PeriodMonths} months, amount ¥{c.Amount.ToString("N2", CultureInfo.InvariantCulture)}, profit ¥{c.Profit.ToString("N2", CultureInfo.InvariantCulture)}";
        static string Mark(decimal v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        var (zh, en) = (tier, policy.Mode) switch
        {
            (Tier.Vip, TierMode.Thresholds) => ($"得分 {s} ≥ VIP 门槛 {Mark(vip)}", $"score {s} ≥ VIP threshold {Mark(vip)}"),
            (Tier.Important, TierMode.Thresholds) => ($"得分 {s} ≥ 重要客户门槛 {Mark(important)}，低于 VIP 门槛 {Mark(vip)}", $"score {s} ≥ important threshold {Mark(important)}, below VIP {Mark(vip)}"),
            (_, TierMode.Thresholds) => ($"得分 {s} 低于重要客户门槛 {Mark(important)}", $"score {s} below the important threshold {Mark(important)}"),
            (Tier.Vip, _) => ($"得分 {s} 位列前 {Mark(policy.VipPercent)}%（线 {Mark(vip)}）", $"score {s} in the top {Mark(policy.VipPercent)}% (line {Mark(vip)})"),
            (Tier.Important, _) => ($"得分 {s} 位列前 {Mark(policy.VipPercent + policy.ImportantPercent)}%（线 {Mark(important)}）", $"score {s} in the top {Mark(policy.VipPercent + policy.ImportantPercent)}% (line {Mark(important)})"),
            _ => ($"得分 {s} 未进入前 {Mark(policy.VipPercent + policy.ImportantPercent)}%", $"score {s} outside the top {Mark(policy.VipPercent + policy.ImportantPercent)}%"),
        };
        return ($"{zh}；{facts}", $"{en}; {factsEn}");
    }
}

/// <summary>GRD-2: grades a whole population at once, since each indicator is scored against everyone else's.</summary>
public static class Grader
{
    public static Grade[] Grade(GradingPolicy policy, IReadOnlyList<CustomerIndicators> customers, DateOnly today)
    {
        var w = policy.Weights;
        var amount = Ranks(customers, c => c.Amount);
        var orders = Ranks(customers, c => c.Orders);
        var profit = Ranks(customers, c => c.Profit);
        var referrals = Ranks(customers, c => c.Referrals);
        var recency = Ranks(customers, c => c.RecencyDays(today) is { } days ? 1_000_000 - days : 0);
        var scores = new decimal[customers.Count];
        for (var i = 0; i < customers.Count; i++)
            scores[i] = Score(w, customers[i], amount[i], orders[i], recency[i], profit[i], referrals[i]);
        var (vip, important) = policy.Mode == TierMode.Thresholds
            ? (policy.VipScore, policy.ImportantScore)
            : (Cut(scores, policy.VipPercent), Cut(scores, policy.VipPercent + policy.ImportantPercent));
        var grades = new Grade[customers.Count];
        for (var i = 0; i < scores.Length; i++)
            grades[i] = Of(policy, scores[i], vip, important, customers[i]);
        return grades;
    }

    /// <summary>
    /// The score <see cref="Grade"/> gives a customer whose indicators stand where <paramref name="standings"/> say
    /// among the population graded: the same figure, worked out for one customer from counts.
    /// </summary>
    public static decimal Score(GradingPolicy policy, CustomerIndicators customer, Standings standings) => Score(policy.Weights, customer,
        standings.Amount.Rank, standings.Orders.Rank, standings.Recency.Rank, standings.Profit.Rank, standings.Referrals.Rank);

    private static decimal Score(IndicatorWeights w, CustomerIndicators c, decimal amount, decimal orders, decimal recency, decimal profit, decimal referrals)
    {
        var sum = w.Amount * amount + w.Orders * orders + w.Recency * recency + w.Profit * profit
            + w.RepeatRate * c.RepeatRate * 100m + w.Referrals * referrals + w.Potential * (c.Potential ?? 0);
        return Math.Round(sum / w.Total, 1);
    }

    private static Grade Of(GradingPolicy policy, decimal score, decimal vip, decimal important, CustomerIndicators c) =>
        new(score, score > 0 && score >= vip ? Tier.Vip : score > 0 && score >= important ? Tier.Important : Tier.Ordinary, policy, vip, important, c);

    /// <summary>
    /// 0–100 per customer: the share of customers with a positive value whose value is at or below theirs; 0 for none.
    /// Equal values score equally, so the top value scores 100 and a tie never splits.
    /// </summary>
    private static decimal[] Ranks(IReadOnlyList<CustomerIndicators> customers, Func<CustomerIndicators, decimal> value)
    {
        // One sort of the positive values, then one walk: each run of equal values takes the share of values up to its
        // end. (A binary search per customer costs a million customers seconds.) The sort is on the values as doubles,
        // which keeps their order and sorts several times faster than decimals; equal values are told by the decimals.
        var values = new List<decimal>();
        var customerOf = new List<int>();
        for (var i = 0; i < customers.Count; i++)
            if (value(customers[i]) is > 0 and var v)
            {
                values.Add(v);
                customerOf.Add(i);
            }
        var keys = new double[values.Count];
        var order = new int[values.Count];
        for (var k = 0; k < keys.Length; k++)
            (keys[k], order[k]) = ((double)values[k], k);
        Array.Sort(keys, order);
        var ranks = new decimal[customers.Count];
        for (var end = 0; end < order.Length;)
        {
            var start = end;
            while (end < order.Length && values[order[end]] == values[order[start]])
                end++;
            var rank = new Standing(end, order.Length).Rank;
            for (var k = start; k < end; k++)
                ranks[customerOf[order[k]]] = rank;
        }
        return ranks;
    }

    /// <summary>The score of the customer at the top <paramref name="percent"/>% mark; everyone at or above it is in (ties stay together).</summary>
    private static decimal Cut(decimal[] scores, decimal percent)
    {
        var sorted = scores.Where(s => s > 0).OrderByDescending(s => s).ToArray();
        var count = (int)Math.Floor(scores.Length * percent / 100m);
        return count <= 0 || sorted.Length == 0 ? decimal.MaxValue : sorted[Math.Min(count, sorted.Length) - 1];
    }
}

/// <summary>Where a customer's value of one indicator stands: how many customers have a positive value at or below it, of how many have one.</summary>
public readonly record struct Standing(int AtOrBelow, int Positive)
{
    /// <summary>0–100: the share of the positive values at or below this one; 0 for a value that is not positive.</summary>
    public decimal Rank => AtOrBelow == 0 ? 0 : 100m * AtOrBelow / Positive;
}

/// <summary>A customer's standing in each ranked indicator (recency ranks the last order date: the later, the higher).</summary>
public readonly record struct Standings(Standing Amount, Standing Orders, Standing Recency, Standing Profit, Standing Referrals);
