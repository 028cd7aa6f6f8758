using System.Globalization;
using Guanxi.Domain.Common;

namespace Guanxi.Domain.Reviews;

/// <summary>
/// ARC-6 定期修订核查: a cycle opens every <see cref="IntervalMonths"/> months; owners have <see cref="DueDays"/> days to
/// review their customers. A customer whose amount of the last 12 months grew by at least <see cref="GrowthPercent"/>%
/// since the last cycle, or who churned since then, is flagged for cause analysis.
/// </summary>
public sealed record ReviewPolicy(int IntervalMonths, int DueDays, int GrowthPercent)
{
    public static ReviewPolicy Default { get; } = new(2, 14, 50);

    /// <summary>The first cycle opens at once; each next one <see cref="IntervalMonths"/> months after the last.</summary>
    public bool IsDue(DateOnly? lastOpened, DateOnly today) => lastOpened is not { } last || today >= last.AddMonths(IntervalMonths);

    /// <summary>Where this cycle's "since the last cycle" starts: the last cycle, or one interval back for the first.</summary>
    public DateOnly Since(DateOnly? lastOpened, DateOnly today) => lastOpened ?? today.AddMonths(-IntervalMonths);

    /// <summary>
    /// The cause to analyse, if any, with its explanation in Chinese and English. Churn comes first: a customer lost
    /// since the last cycle needs a reason whatever their amount. Growth needs an amount to grow from.
    /// </summary>
    public (ReviewCause Cause, string Zh, string En)? CauseFor(DateOnly since, decimal amountBefore, decimal amountNow, DateOnly? churnedOn)
    {
        if (churnedOn is { } churned)
        {
            var on = churned.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return (ReviewCause.Churned, $"自上期核查以来流失（{on}），请分析原因", $"Churned since the last cycle ({on}); analyse the cause");
        }
        if (amountBefore <= 0 || amountNow < amountBefore * (100 + GrowthPercent) / 100)
            return null;
        var growth = ((amountNow - amountBefore) / amountBefore).ToString("0%", CultureInfo.InvariantCulture);
        var (before, now) = (amountBefore.ToString("N2", CultureInfo.InvariantCulture), amountNow.ToString("N2", CultureInfo.InvariantCulture));
        var then = since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (ReviewCause.FastGrowth,
            $"近 12 个月成交额 ¥{now}，{then} 时为 ¥{before}，增长 {growth}，请分析原因",
            $"Amount of the last 12 months ¥{now}, ¥{before} on {then}: up {growth}; analyse the cause");
    }

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (IntervalMonths is < 1 or > 12)
            errors.Add(ReviewErrors.Interval);
        if (DueDays is < 1 or > 60)
            errors.Add(ReviewErrors.DueDays);
        if (GrowthPercent is < 1 or > 1000)
            errors.Add(ReviewErrors.Growth);
        return errors;
    }
}

public static class ReviewErrors
{
    public static readonly Error Interval = new("review.interval", "核查周期须在 1 到 12 个月之间。", "The review interval must be 1 to 12 months.", "intervalMonths");
    public static readonly Error DueDays = new("review.due_days", "核查期限须在 1 到 60 天之间。", "Owners must have 1 to 60 days to review.", "dueDays");
    public static readonly Error Growth = new("review.growth", "快速增长的界限须在 1% 到 1000% 之间。", "The fast-growth threshold must be 1% to 1000%.", "growthPercent");
    public static readonly Error CategoryRequired = new("review.category", "请选择归档类别：重要、特殊或一般。", "Choose how to file the archive: important, special or general.", "category");
    public static readonly Error NoteRequired = new("review.note_required", "该客户被标记为需分析原因，请填写核查说明。", "This customer is flagged for cause analysis: write what you found.", "note");
    public static readonly Error NoteTooLong = new("review.note_too_long", "核查说明不能超过 480 字。", "The note cannot exceed 480 characters.", "note");
    public static readonly Error AlreadyFiled = new("review.filed", "该核查已完成。", "This review is already done.");
}
