using System.Globalization;
using Guanxi.Domain.Orders;

namespace Guanxi.Domain.Credit;

/// <summary>
/// A customer's payment record: instalments that fell due, those paid by their due date, and what is overdue now — for
/// <see cref="OverdueDays"/> days, since the due date of the oldest unpaid instalment (<see cref="OverdueSince"/>).
/// </summary>
public sealed record PaymentRecord(int Due, int OnTime, decimal OverdueAmount, int OverdueDays, DateOnly? OverdueSince = null)
{
    public static PaymentRecord None { get; } = new(0, 0, 0, 0);

    /// <summary>Percent of the instalments due that were paid on time; 100 with none due yet.</summary>
    public decimal OnTimePercent => Due == 0 ? 100m : Math.Round(OnTime * 100m / Due, 1);

    public static PaymentRecord Of(IEnumerable<OrderPayment> payments, DateOnly today)
    {
        var (due, onTime, overdue, since) = (0, 0, 0m, (DateOnly?)null);
        foreach (var p in payments.Where(p => p.DueAt <= today))
        {
            due++;
            if (p.PaidAt is { } paid)
                onTime += paid <= p.DueAt ? 1 : 0;
            else if (p.DueAt < today)
                (overdue, since) = (overdue + p.Amount, since is { } s && s < p.DueAt ? s : p.DueAt);
        }
        return Stored(due, onTime, overdue, since, today);
    }

    /// <summary>A record as stored: overdue days follow from the date the overdue began, so a stored record stands from day to day.</summary>
    public static PaymentRecord Stored(int due, int onTime, decimal overdueAmount, DateOnly? overdueSince, DateOnly today) =>
        new(due, onTime, overdueAmount, overdueSince is { } since ? today.DayNumber - since.DayNumber : 0, overdueSince);

    /// <summary>The record of two sets of instalments together: counts add, overdue amounts add, the longest overdue stands.</summary>
    public PaymentRecord Plus(PaymentRecord other) =>
        new(Due + other.Due, OnTime + other.OnTime, OverdueAmount + other.OverdueAmount, Math.Max(OverdueDays, other.OverdueDays),
            OverdueSince is { } a && other.OverdueSince is { } b ? (a < b ? a : b) : OverdueSince ?? other.OverdueSince);

    /// <summary>The record of orders whose instalments are all due and paid: <paramref name="instalments"/> due, <paramref name="paidOnTime"/> of them on time.</summary>
    public static PaymentRecord Settled(int instalments, int paidOnTime) => new(instalments, paidOnTime, 0m, 0);
}

/// <summary>
/// A level from the rule table — or none, for a customer with nothing to rate (<see cref="CreditRating.Evaluate"/>) — and
/// why: the reason written out when asked (a night rates a million customers and explains a few).
/// </summary>
public sealed record CreditAssessment(CreditLevel? Level, PaymentRecord Record, IReadOnlyCollection<BusinessCondition> Flags, CreditRule? Rule)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public string Reason => Explain().Zh;

    public string ReasonEn => Explain().En;

    private (string Zh, string En) Explain()
    {
        var (record, flags) = (Record, Flags);
        if (Level is null)
            return ("尚无付款记录，未评定", "No payment history yet: not rated");
        var facts = $"准时付款 {record.OnTime}/{record.Due}（{record.OnTimePercent.ToString("0.#", Invariant)}%），逾期 ¥{record.OverdueAmount.ToString("N2", Invariant)}、{record.OverdueDays} 天";
        var factsEn = $"paid on time {record.OnTime}/{record.Due} ({record.OnTimePercent.ToString("0.#", Invariant)}%), overdue ¥{record.OverdueAmount.ToString("N2", Invariant)} for {record.OverdueDays} days";
        if (flags.Count > 0)
        {
            facts += "；经营状况：" + string.Join("、", flags.Order().Select(f => f.Chinese()));
            factsEn += "; business: " + string.Join(", ", flags.Order().Select(f => f.English()));
        }
        if (flags.Contains(BusinessCondition.Bankruptcy))
            return (facts + "（破产一律为 C）", factsEn + " (bankruptcy is always C)");
        return Rule is null
            ? (facts + "，未达到 B 级条件", factsEn + ", below the B rule")
            : (facts + $"，符合 {Rule.Level} 级条件", factsEn + $", meets the {Rule.Level} rule");
    }
}

/// <summary>ARC-5: the level follows from the payment record and the business flags through the rule table.</summary>
public static class CreditRating
{
    /// <summary>
    /// ARC-5: the rule table's level for the record and the flags. A customer with no payment history — no instalment has
    /// fallen due — and no business condition recorded has nothing to be rated on: not rated (null), never a level by default.
    /// </summary>
    public static CreditAssessment Evaluate(CreditPolicy policy, PaymentRecord record, IReadOnlyCollection<BusinessCondition> flags)
    {
        if (record.Due == 0 && flags.Count == 0)
            return new(null, record, flags, null);
        if (flags.Contains(BusinessCondition.Bankruptcy))
            return new(CreditLevel.C, record, flags, null);
        var rule = policy.Rules.FirstOrDefault(r => record.OnTimePercent >= r.MinOnTimePercent && record.OverdueAmount <= r.MaxOverdueAmount
            && record.OverdueDays <= r.MaxOverdueDays && (r.FlagsAllowed || flags.Count == 0));
        return new(rule?.Level ?? CreditLevel.C, record, flags, rule);
    }

    /// <summary>
    /// ARC-5: what the rules giving <paramref name="computed"/> make of a customer's standing. A manual level stands while
    /// the rules give what they gave when it was set; once they give something else the record has changed, and their
    /// level takes over. Null when nothing changes. The one rule for a customer entity and for the night's million rows.
    /// </summary>
    public static CreditStanding? Rate(CreditStanding standing, CreditLevel? computed) =>
        standing.Manual && computed == standing.Computed || !standing.Manual && computed == standing.Level && computed == standing.Computed
            ? null
            : new CreditStanding(computed, computed, false);
}

/// <summary>ARC-5: the level in force, the level the rules gave last, and whether the one in force was set by hand (null: not rated).</summary>
public readonly record struct CreditStanding(CreditLevel? Level, CreditLevel? Computed, bool Manual);
