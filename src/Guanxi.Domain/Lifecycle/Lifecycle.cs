using System.Globalization;
using Guanxi.Domain.Tasks;

namespace Guanxi.Domain.Lifecycle;

/// <summary>A customer's purchases as LIF-1 reads them: returns do not count as orders.</summary>
/// <param name="RecentOrders">Orders in the last <see cref="LifecyclePolicy.LoyalMonths"/> months.</param>
/// <param name="LastDelivered">When the latest order was delivered (or ordered, when it has no delivery date): the care call counts from there.</param>
public sealed record PurchaseHistory(int Orders, DateOnly? First, DateOnly? Last, int RecentOrders, DateOnly? LastDelivered = null);

/// <summary>Where a customer stands, since when, and why, in Chinese and English.</summary>
public sealed record StageAssessment(LifecycleStage Stage, DateOnly? Since, string Reason, string ReasonEn);

/// <summary>A task a stage's strategy creates for the owner (LIF-2).</summary>
public sealed record StageTask(CustomerTaskKind Kind, DateOnly DueOn, string Note, string NoteEn);

/// <summary>
/// LIF-1: the stage follows from the orders and the time since the last one; LIF-2: entering a stage may create a task.
/// </summary>
public static class Lifecycle
{
    /// <summary>Transitions found later than this after they happened (a first run, an import of old orders) create no task: it would be stale.</summary>
    public const int TaskFreshDays = 30;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static StageAssessment Assess(LifecyclePolicy policy, PurchaseHistory history, DateOnly today, LifecycleStage previous = LifecycleStage.Potential)
    {
        if (history.Orders == 0 || history.First is not { } first || history.Last is not { } last)
            return new(LifecycleStage.Potential, null, "尚无成交", "No purchase yet");
        var (churnOn, threshold, interval) = ChurnDate(policy, history);
        if (today >= churnOn)
            return new(LifecycleStage.Churned, churnOn,
                $"最后一次成交 {D(last)}，已 {today.DayNumber - last.DayNumber} 天无成交，超过流失界限 {threshold} 天（{Why(policy, interval, true)}）",
                $"Last purchase {D(last)}, {today.DayNumber - last.DayNumber} days without one, past the churn limit of {threshold} days ({Why(policy, interval, false)})");
        if (history.RecentOrders >= policy.LoyalOrders)
            return new(LifecycleStage.Loyal, last,
                $"近 {policy.LoyalMonths} 个月 {history.RecentOrders} 单 ≥ 忠诚门槛 {policy.LoyalOrders} 单",
                $"{history.RecentOrders} orders in the last {policy.LoyalMonths} months ≥ the loyal threshold of {policy.LoyalOrders}");
        // A loyal customer whose orders thin out falls back to repeat today, not on their last order.
        if (history.Orders >= 2)
            return new(LifecycleStage.Repeat, previous == LifecycleStage.Loyal ? today : last,
                $"累计 {history.Orders} 单，最近一次 {D(last)}", $"{history.Orders} orders, the latest on {D(last)}");
        return new(LifecycleStage.FirstPurchase, first, $"首次成交 {D(first)}", $"First purchase on {D(first)}");
    }

    /// <summary>The first day the customer counts as churned, the limit in days, and their usual interval (null with one order).</summary>
    public static (DateOnly On, int Days, int? Interval) ChurnDate(LifecyclePolicy policy, PurchaseHistory history)
    {
        var last = history.Last!.Value;
        var floor = last.AddMonths(policy.ChurnFloorMonths).DayNumber - last.DayNumber;
        int? interval = history.Orders >= 2 && history.First is { } first ? (last.DayNumber - first.DayNumber) / (history.Orders - 1) : null;
        var days = Math.Max(floor, interval is { } i ? (int)Math.Ceiling(i * policy.ChurnMultiple) : 0);
        return (last.AddDays(days + 1), days, interval);
    }

    /// <summary>LIF-2: the task entering <paramref name="assessment"/>'s stage creates, if any and if the event is recent.</summary>
    public static StageTask? TaskFor(LifecyclePolicy policy, StageAssessment assessment, PurchaseHistory history, DateOnly today)
    {
        switch (assessment.Stage)
        {
            case LifecycleStage.FirstPurchase when (history.LastDelivered ?? history.First) is { } delivered && today.DayNumber - delivered.DayNumber <= TaskFreshDays:
                return new(CustomerTaskKind.CareCall, delivered.AddDays(policy.CareCallDays),
                    $"首次成交，{D(delivered)} 交车：{policy.CareCallDays} 天内关怀回访", $"First purchase, delivered {D(delivered)}: a care call within {policy.CareCallDays} days");
            case LifecycleStage.Churned when assessment.Since is { } churned && today.DayNumber - churned.DayNumber <= TaskFreshDays:
                return new(CustomerTaskKind.WinBack, today.AddDays(policy.WinBackDays),
                    $"客户已流失（最后一次成交 {D(history.Last!.Value)}）：挽回拜访并记录流失原因", $"Customer churned (last purchase {D(history.Last!.Value)}): a win-back visit, and record why they left");
            default:
                return null;
        }
    }

    private static string Why(LifecyclePolicy policy, int? interval, bool chinese) => interval is { } i
        ? chinese ? $"平常间隔 {i} 天 × {policy.ChurnMultiple.ToString("0.##", Invariant)}，至少 {policy.ChurnFloorMonths} 个月"
            : $"usual interval {i} days × {policy.ChurnMultiple.ToString("0.##", Invariant)}, at least {policy.ChurnFloorMonths} months"
        : chinese ? $"仅一单，按最短 {policy.ChurnFloorMonths} 个月" : $"one order only, the floor of {policy.ChurnFloorMonths} months";

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);
}
