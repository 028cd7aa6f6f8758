using Guanxi.Domain.Common;

namespace Guanxi.Domain.Service;

/// <summary>
/// The 服务分析 report's period (SVC-9): whole days from … to, inclusive, in the enterprise's zone — by default the twelve
/// months to today (the current month and the eleven before it), at most <see cref="MaxYears"/> years.
/// </summary>
public static class ServicePeriod
{
    public const int MaxYears = 3;
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly Error FromAfterTo = new("service_report.from_after_to", "起始日期不能晚于截止日期。", "The start cannot be after the end.", "from");
    public static readonly Error TooLong = new("service_report.too_long", $"统计期间最长 {MaxYears} 年。", $"The period can be at most {MaxYears} years.", "to");
    public static readonly Error TooEarly = new("service_report.too_early", "起始日期不能早于 2000 年。", "The start cannot be before 2000.", "from");

    public static Result<(DateOnly From, DateOnly To)> Of(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
        if (start < Earliest)
            return TooEarly;
        if (start > end)
            return FromAfterTo;
        if (end >= start.AddYears(MaxYears))
            return TooLong;
        return (start, end);
    }

    /// <summary>The months the period touches, as yyyy-MM keys, in order.</summary>
    public static IReadOnlyList<DateOnly> Months(DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            months.Add(month);
        return months;
    }
}

/// <summary>
/// SVC-2, SVC-8: the p90 of working times without loading them. The database counts the complaints per bucket of
/// <see cref="BucketSeconds"/> (6 minutes) of working time, the bucket being the time rounded up (<c>⌈s / 360⌉</c>, so that an
/// exact hour stays that hour); the percentile is the bucket that holds the nearest-rank value, the
/// <c>⌈q·n⌉</c>-th smallest. So the p90 said is the true nearest-rank p90 rounded up to the next 0.1 hour — never below it,
/// at most six minutes above.
/// </summary>
public static class WorkingTimeHistogram
{
    public const int BucketSeconds = 360;

    public static long Bucket(long seconds) => (Math.Max(0, seconds) + BucketSeconds - 1) / BucketSeconds;

    /// <summary>The <paramref name="q"/> quantile (0–1] in working hours, or null with nothing counted.</summary>
    public static double? Percentile(IEnumerable<(long Bucket, long Count)> histogram, double q)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (q is <= 0 or > 1 || double.IsNaN(q))
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile is above 0 and at most 1.");
        var buckets = histogram.Where(b => b.Count > 0).OrderBy(b => b.Bucket).ToList();
        var n = buckets.Sum(b => b.Count);
        if (n == 0)
            return null;
        var rank = (long)Math.Ceiling(q * n - 1e-9);
        long seen = 0;
        foreach (var (bucket, count) in buckets)
        {
            seen += count;
            if (seen >= rank)
                return Math.Round(bucket * BucketSeconds / 3600.0, 1);
        }
        return Math.Round(buckets[^1].Bucket * BucketSeconds / 3600.0, 1);
    }

    /// <summary>A mean of <paramref name="seconds"/> over <paramref name="count"/> in working hours to one decimal.</summary>
    public static double? AverageHours(long seconds, long count) => count == 0 ? null : Math.Round(seconds / 3600.0 / count, 1);
}

/// <summary>Shares as the report says them: percent to one decimal, none of nothing.</summary>
public static class Percent
{
    public static double? Of(long part, long whole) => whole <= 0 ? null : Math.Round(100.0 * part / whole, 1);
}
