namespace Guanxi.Domain.Common;

/// <summary>A report's period as a client names it (from … to, inclusive).</summary>
public static class Periods
{
    public static readonly Error Invalid = new("period.invalid", "请填写有效的起止日期（起始不晚于截止）。", "Give a valid period (from no later than to).", "from");
}
