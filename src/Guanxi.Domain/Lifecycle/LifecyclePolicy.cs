using Guanxi.Domain.Common;

namespace Guanxi.Domain.Lifecycle;

/// <summary>
/// LIF-1 thresholds an administrator sets. Loyal: at least <see cref="LoyalOrders"/> orders in the last
/// <see cref="LoyalMonths"/> months. Churned: no order for longer than <see cref="ChurnMultiple"/> times the customer's own
/// usual interval between orders, and never sooner than <see cref="ChurnFloorMonths"/> months after the last one.
/// LIF-2 tasks: the care call is due <see cref="CareCallDays"/> days after delivery, the win-back visit
/// <see cref="WinBackDays"/> days after the churn is found.
/// </summary>
public sealed record LifecyclePolicy(int LoyalOrders, int LoyalMonths, decimal ChurnMultiple, int ChurnFloorMonths, int CareCallDays, int WinBackDays)
{
    /// <summary>Where the enterprise keeps its lifecycle thresholds among its settings.</summary>
    public const string SettingsKey = "lifecycle.policy";

    /// <summary>A dealer: sales and service every 5–7 months, so four visits in two years is a loyal customer, a year without one is lost.</summary>
    public static LifecyclePolicy Default { get; } = new(4, 24, 2.5m, 12, 3, 14);

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (LoyalOrders is < 2 or > 100)
            errors.Add(LifecycleErrors.LoyalOrders);
        if (LoyalMonths is < 1 or > 120)
            errors.Add(LifecycleErrors.LoyalMonths);
        if (ChurnMultiple is < 1 or > 10)
            errors.Add(LifecycleErrors.ChurnMultiple);
        if (ChurnFloorMonths is < 1 or > 120)
            errors.Add(LifecycleErrors.ChurnFloor);
        if (CareCallDays is < 0 or > 30)
            errors.Add(LifecycleErrors.CareCallDays);
        if (WinBackDays is < 1 or > 90)
            errors.Add(LifecycleErrors.WinBackDays);
        return errors;
    }
}

public static class LifecycleErrors
{
    public static readonly Error LoyalOrders = new("lifecycle.loyal_orders", "忠诚客户的单数须在 2 到 100 之间。", "Orders for loyal must be 2 to 100.", "loyalOrders");
    public static readonly Error LoyalMonths = new("lifecycle.loyal_months", "忠诚客户的统计月数须在 1 到 120 之间。", "Months for loyal must be 1 to 120.", "loyalMonths");
    public static readonly Error ChurnMultiple = new("lifecycle.churn_multiple", "流失倍数须在 1 到 10 之间。", "The churn multiple must be 1 to 10.", "churnMultiple");
    public static readonly Error ChurnFloor = new("lifecycle.churn_floor", "流失最短月数须在 1 到 120 之间。", "The churn floor must be 1 to 120 months.", "churnFloorMonths");
    public static readonly Error CareCallDays = new("lifecycle.care_call_days", "关怀回访天数须在 0 到 30 之间。", "Care-call days must be 0 to 30.", "careCallDays");
    public static readonly Error WinBackDays = new("lifecycle.win_back_days", "挽回拜访天数须在 1 到 90 之间。", "Win-back days must be 1 to 90.", "winBackDays");
    public static readonly Error ChurnReasonRequired = new("lifecycle.churn_reason", "请选择流失原因。", "Choose why the customer was lost.", "reason");
    public static readonly Error NotChurned = new("lifecycle.not_churned", "只有流失客户才能记录流失原因。", "Only a churned customer has a churn reason.", "reason");
    public static readonly Error NoteTooLong = new("lifecycle.note_too_long", "说明不能超过 500 字。", "The note cannot exceed 500 characters.", "note");
}
