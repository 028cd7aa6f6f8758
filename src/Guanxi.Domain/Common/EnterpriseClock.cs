namespace Guanxi.Domain.Common;

/// <summary>
/// Business dates are the enterprise's, not the server's: "today" and every date shown or compared in a rule
/// is taken in the enterprise time zone (default Asia/Shanghai).
/// </summary>
public sealed class EnterpriseClock(TimeProvider time, TimeZoneInfo zone)
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant a business day starts, for range filters such as "from 1 November".</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
