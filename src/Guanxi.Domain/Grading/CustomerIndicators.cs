namespace Guanxi.Domain.Grading;

/// <summary>
/// GRD-1 indicators of one customer over the grading period: amount (returns count negative), orders (returns not
/// counted), profit, repeat-purchase rate (the share of the period's orders that were not the customer's first ever),
/// referrals made, the last order ever (recency, RFM) and the owner's assessment of potential (0–100).
/// </summary>
public readonly record struct CustomerIndicators(
    decimal Amount,
    int Orders,
    decimal Profit,
    decimal RepeatRate,
    int Referrals,
    DateOnly? LastOrderAt,
    int? Potential)
{
    /// <summary>Days since the last order, or null when the customer never ordered.</summary>
    public int? RecencyDays(DateOnly today) => LastOrderAt is { } last ? Math.Max(0, today.DayNumber - last.DayNumber) : null;

    /// <summary>The repeat-purchase rate of <paramref name="orders"/> orders in the period, the first of which may be the customer's first ever.</summary>
    public static decimal RepeatRateOf(int orders, bool firstEverInPeriod) =>
        orders <= 0 ? 0m : Math.Round((decimal)(orders - (firstEverInPeriod ? 1 : 0)) / orders, 4);
}
