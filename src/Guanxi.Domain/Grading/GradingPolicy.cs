using Guanxi.Domain.Common;

namespace Guanxi.Domain.Grading;

/// <summary>How tiers are drawn from the score: fixed score thresholds, or shares of the graded customers.</summary>
public enum TierMode
{
    Thresholds,
    Percentiles,
}

/// <summary>The weight of each GRD-1 indicator in the score, 0–100 each.</summary>
public sealed record IndicatorWeights(int Amount, int Orders, int Recency, int Profit, int RepeatRate, int Referrals, int Potential)
{
    public int Total => Amount + Orders + Recency + Profit + RepeatRate + Referrals + Potential;
}

/// <summary>
/// GRD-2: the grading policy an administrator sets. Each indicator is turned into 0–100 — amount, orders, profit and
/// referrals as the share of buying customers at or below the customer's value, recency as the share who bought
/// longer ago or on the same day, repeat rate and potential as they are — and the score is their weighted mean.
/// Tiers then follow from the score by thresholds or by shares (top N% VIP, the next M% important).
/// GRD-4 reads the profit settings: an order without a cost counts <see cref="DefaultMargin"/> of its amount as profit,
/// and the cost to serve a customer adds a cost per order, per contact and per complaint.
/// </summary>
public sealed record GradingPolicy(
    int PeriodMonths,
    IndicatorWeights Weights,
    TierMode Mode,
    decimal VipScore,
    decimal ImportantScore,
    decimal VipPercent,
    decimal ImportantPercent,
    decimal DefaultMargin,
    decimal CostPerOrder,
    decimal CostPerContact,
    decimal CostPerComplaint)
{
    /// <summary>Where the enterprise keeps its grading policy among its settings.</summary>
    public const string SettingsKey = "grading.policy";

    public static GradingPolicy Default { get; } = new(
        12, new IndicatorWeights(30, 15, 10, 25, 10, 5, 5), TierMode.Thresholds, 80m, 60m, 5m, 15m, 0.15m, 200m, 50m, 500m);

    public DateOnly PeriodStart(DateOnly today) => today.AddMonths(-PeriodMonths).AddDays(1);

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (PeriodMonths is < 1 or > 60)
            errors.Add(GradingErrors.Period);
        int[] weights = [Weights.Amount, Weights.Orders, Weights.Recency, Weights.Profit, Weights.RepeatRate, Weights.Referrals, Weights.Potential];
        if (weights.Any(w => w is < 0 or > 100))
            errors.Add(GradingErrors.WeightRange);
        else if (Weights.Total == 0)
            errors.Add(GradingErrors.NoWeight);
        if (Mode == TierMode.Thresholds && !(VipScore is > 0 and <= 100 && ImportantScore > 0 && ImportantScore < VipScore))
            errors.Add(GradingErrors.Thresholds);
        if (Mode == TierMode.Percentiles && !(VipPercent is > 0 and < 100 && ImportantPercent > 0 && VipPercent + ImportantPercent <= 100))
            errors.Add(GradingErrors.Percentiles);
        if (!Enum.IsDefined(Mode))
            errors.Add(GradingErrors.Mode);
        if (DefaultMargin is < 0 or > 1)
            errors.Add(GradingErrors.Margin);
        if (CostPerOrder < 0 || CostPerContact < 0 || CostPerComplaint < 0)
            errors.Add(GradingErrors.Costs);
        return errors;
    }

    /// <summary>Profit of an order: amount less cost, or the default margin of the amount when the cost is unknown.</summary>
    public decimal ProfitOf(decimal amount, decimal? cost) => cost is { } c ? amount - c : Math.Round(amount * DefaultMargin, 2, MidpointRounding.AwayFromZero);
}

public static class GradingErrors
{
    public static readonly Error Period = new("grading.period", "统计期须为 1–60 个月。", "The period must be 1 to 60 months.", "periodMonths");
    public static readonly Error WeightRange = new("grading.weight_range", "每项权重须在 0–100 之间。", "Each weight must be 0 to 100.", "weights");
    public static readonly Error NoWeight = new("grading.no_weight", "至少一项指标的权重须大于 0。", "At least one weight must be above 0.", "weights");
    public static readonly Error Mode = new("grading.mode", "分级方式只能是“得分门槛”或“百分比”。", "The mode must be thresholds or percentiles.", "mode");
    public static readonly Error Thresholds = new("grading.thresholds", "门槛须在 0–100 之间，且 VIP 门槛高于重要客户门槛。", "Thresholds must be 0 to 100, the VIP one above the important one.", "vipScore");
    public static readonly Error Percentiles = new("grading.percentiles", "VIP 与重要客户的比例须大于 0，合计不超过 100%。", "The VIP and important shares must be above 0 and add up to at most 100%.", "vipPercent");
    public static readonly Error Margin = new("grading.margin", "默认毛利率须在 0–100% 之间。", "The default margin must be 0 to 100%.", "defaultMargin");
    public static readonly Error Costs = new("grading.costs", "服务成本不能为负数。", "Costs to serve cannot be negative.", "costPerOrder");
    public static readonly Error PotentialRange = new("grading.potential_range", "潜力评分须为 0–100 的整数。", "The potential must be a whole number from 0 to 100.", "score");
    public static readonly Error ProspectLevel = new("grading.prospect_level", "潜在客户等级须为种子、一般或重点。", "The prospect level is seed, general or key.", "level");
    public static readonly Error PotentialReason = new("grading.potential_reason", "请填写评估理由（不超过 500 字）。", "Give the reason for the assessment (at most 500 characters).", "reason");
    public static readonly Error StandardHours = new("grading.standard_hours", "响应、解决时限须为 1–720 小时，且响应不晚于解决。", "Response and resolution must be 1 to 720 hours, response no later than resolution.", "standards");
    public static readonly Error StandardCadence = new("grading.standard_cadence", "回访周期与面访周期须为 1–365 天。", "The follow-up and visit cadences must be 1 to 365 days.", "standards");
}
