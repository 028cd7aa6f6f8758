using Guanxi.Domain.Common;

namespace Guanxi.Domain.Recommendations;

/// <summary>
/// SVC-6: the thresholds of the recommendations, one setting set by administrators. A dealer's: a service every
/// <see cref="ServiceMonths"/> months or <see cref="ServiceKm"/> km since the last job, whichever comes first; tyres every
/// <see cref="TyreYears"/> and the battery every <see cref="BatteryYears"/> years from delivery (or from the last job that
/// replaced them); the insurance renewed on each anniversary of the delivery, proposed <see cref="InsuranceDaysBefore"/>
/// days before; a trade-in for a car <see cref="TradeInYears"/> years old. A due date is shown from
/// <see cref="LookAheadDays"/> days before it. "Customers who bought X also bought Y" keeps a pair bought together by at
/// least <see cref="MinSupportCount"/> customers with a lift of at least <see cref="MinLift"/> (above 1), and proposes at
/// most <see cref="MaxAlsoBought"/> items to a customer.
/// </summary>
public sealed record RecommendationPolicy(
    int ServiceMonths = 6, int ServiceKm = 10_000, int TyreYears = 4, int BatteryYears = 3, int InsuranceDaysBefore = 30, int TradeInYears = 6,
    int LookAheadDays = 30, int MinSupportCount = 3, double MinLift = 1.2, int MaxAlsoBought = 3)
{
    /// <summary>Where the enterprise keeps it (a setting, audited as every setting is).</summary>
    public const string SettingsKey = "recommendations";

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        void Range(int value, int min, int max, string field, string zh, string en)
        {
            if (value < min || value > max)
                errors.Add(new Error("recommendations.range", $"{zh}应在 {min:N0} 到 {max:N0} 之间。", $"{en} must be {min:N0} to {max:N0}.", field));
        }
        Range(ServiceMonths, 1, 36, "serviceMonths", "保养间隔（月）", "The service interval in months");
        Range(ServiceKm, 1_000, 100_000, "serviceKm", "保养间隔（公里）", "The service interval in km");
        Range(TyreYears, 1, 15, "tyreYears", "轮胎更换年限", "The tyres' age");
        Range(BatteryYears, 1, 15, "batteryYears", "蓄电池更换年限", "The battery's age");
        Range(InsuranceDaysBefore, 1, 120, "insuranceDaysBefore", "续保提前天数", "The days before the insurance renewal");
        Range(TradeInYears, 1, 30, "tradeInYears", "置换车龄（年）", "The trade-in age in years");
        Range(LookAheadDays, 0, 180, "lookAheadDays", "提前提示天数", "The days shown ahead");
        Range(MinSupportCount, 2, 100_000, "minSupportCount", "最少共同购买客户数", "The minimum count of customers who bought both");
        Range(MaxAlsoBought, 0, 20, "maxAlsoBought", "每位客户最多推荐商品数", "The most items proposed to a customer");
        if (double.IsNaN(MinLift) || MinLift <= 1 || MinLift > 100)
            errors.Add(new Error("recommendations.lift", "最小提升度应大于 1 且不超过 100。", "The minimum lift must be above 1 and at most 100.", "minLift"));
        return errors;
    }
}
