namespace Guanxi.Domain.Service;

/// <summary>What a crisis warning watches: one complaint category, or one department's complaints.</summary>
public enum CrisisSeriesKind
{
    Category,
    Department,
}

/// <summary>
/// One group of the detector's count: the complaints of a category in a department that fell <see cref="WeeksBack"/> whole
/// weeks before the end (0: the last seven days), and whether in that week's first day back from its end (the same 24
/// hours of the weekday: the day window).
/// </summary>
public sealed record SpikeCount(string Category, Guid DepartmentId, int WeeksBack, bool InDay, int Count);

/// <summary>
/// One series and window to check: the count in the window just ended, the counts of the same windows in each of the
/// weeks before (oldest last), and — for a category — the department with most of its complaints in the window (who
/// answers for the problem it raises; for a department, the department).
/// </summary>
public sealed record SpikeSeries(CrisisSeriesKind Kind, string Key, SpikeWindow Window, int Observed, IReadOnlyList<int> Earlier, Guid Department);

/// <summary>
/// SVC-3: the windows the detector counts in, and the series it checks. The end is the last whole hour (a re-run within the
/// hour counts the same); week <c>k</c> is <c>[end − 7(k+1) days, end − 7k days)</c> and its day window the last 24 hours of
/// it, <c>[end − 7k days − 1 day, end − 7k days)</c>: the last day is compared with the same hours of the same weekday, the
/// last week with the weeks before. The database counts the complaints per category, department and slot in one grouped
/// query; these are the pure parts around it.
/// </summary>
public static class SpikeWindows
{
    /// <summary>The end of the windows checked at <paramref name="now"/>: the hour just begun, in UTC.</summary>
    public static DateTimeOffset End(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerHour, TimeSpan.Zero);
    }

    /// <summary>Where the counts start: <paramref name="baselineWeeks"/> weeks before the last.</summary>
    public static DateTimeOffset Start(DateTimeOffset end, int baselineWeeks) => end.AddDays(-7 * (baselineWeeks + 1));

    /// <summary>The window <paramref name="weeksBack"/> weeks before the end: [from, to).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Bounds(DateTimeOffset end, SpikeWindow window, int weeksBack)
    {
        var to = end.AddDays(-7 * weeksBack);
        return (window == SpikeWindow.Day ? to.AddDays(-1) : to.AddDays(-7), to);
    }

    /// <summary>
    /// The slot boundaries, newest first, for a query that gives each complaint its slot with one CASE: a complaint at or
    /// after <c>Thresholds[i]</c> (and before the one above) is in slot <c>i</c>, which is week <c>i / 2</c>, in its day window
    /// when <c>i</c> is even.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Thresholds(DateTimeOffset end, int baselineWeeks) =>
        [.. Enumerable.Range(0, baselineWeeks + 1).SelectMany(k => new[] { Bounds(end, SpikeWindow.Day, k).From, Bounds(end, SpikeWindow.Week, k).From })];

    /// <summary>A slot's week and whether it is the week's day window (see <see cref="Thresholds"/>).</summary>
    public static (int WeeksBack, bool InDay) Slot(int slot) => (slot / 2, slot % 2 == 0);

    /// <summary>
    /// Every category's and every department's day and week series from the grouped counts: a series with no complaint
    /// in the window just ended cannot rise, and is left out.
    /// </summary>
    public static IReadOnlyList<SpikeSeries> Series(IReadOnlyCollection<SpikeCount> counts, int baselineWeeks)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var series = new List<SpikeSeries>();
        foreach (var window in new[] { SpikeWindow.Day, SpikeWindow.Week })
        {
            var inWindow = counts.Where(c => c.WeeksBack <= baselineWeeks && (window == SpikeWindow.Week || c.InDay)).ToList();
            foreach (var category in inWindow.Where(c => c.WeeksBack == 0).Select(c => c.Category).Distinct().Order(StringComparer.Ordinal))
            {
                var of = inWindow.Where(c => c.Category == category).ToList();
                var leading = of.Where(c => c.WeeksBack == 0).GroupBy(c => c.DepartmentId).OrderByDescending(g => g.Sum(c => c.Count)).ThenBy(g => g.Key).First().Key;
                series.Add(Make(CrisisSeriesKind.Category, category, window, of, baselineWeeks, leading));
            }
            foreach (var department in inWindow.Where(c => c.WeeksBack == 0).Select(c => c.DepartmentId).Distinct().Order())
                series.Add(Make(CrisisSeriesKind.Department, department.ToString(), window, [.. inWindow.Where(c => c.DepartmentId == department)], baselineWeeks, department));
        }
        return series;
    }

    private static SpikeSeries Make(CrisisSeriesKind kind, string key, SpikeWindow window, List<SpikeCount> counts, int weeks, Guid department) =>
        new(kind, key, window, counts.Where(c => c.WeeksBack == 0).Sum(c => c.Count),
            [.. Enumerable.Range(1, weeks).Select(k => counts.Where(c => c.WeeksBack == k).Sum(c => c.Count))], department);
}
