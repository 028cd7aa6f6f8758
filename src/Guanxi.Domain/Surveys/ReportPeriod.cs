using System.Globalization;

namespace Guanxi.Domain.Surveys;

public enum ReportKind
{
    Daily,
    Weekly,
    Monthly,
    Personal,
}

/// <summary>
/// SAT-10: the period a satisfaction report covers and when it is due — the daily analysis on the day; the weekly one
/// (Monday–Sunday) by the next Monday; the monthly image analysis by the 3rd of the next month, presented to the
/// departments by the 6th; the personal analysis by the 5th. A report generated after its due day is late, and counts
/// against customer service (SAT-12).
/// </summary>
public sealed record ReportPeriod(ReportKind Kind, DateOnly From, DateOnly To, DateOnly Due, string Key)
{
    public const int PublishByDay = 6;

    public static ReportPeriod Day(DateOnly day) => new(ReportKind.Daily, day, day, day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static ReportPeriod Week(DateOnly monday)
    {
        var sunday = monday.AddDays(6);
        return new(ReportKind.Weekly, monday, sunday, sunday.AddDays(1), $"{ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):D2}");
    }

    public static ReportPeriod Month(DateOnly first, ReportKind kind = ReportKind.Monthly)
    {
        var next = first.AddMonths(1);
        return new(kind, first, next.AddDays(-1), new DateOnly(next.Year, next.Month, kind == ReportKind.Personal ? 5 : 3), first.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    /// <summary>"2026-W47" (ISO week); null when malformed.</summary>
    public static ReportPeriod? ParseWeek(string? text)
    {
        if (text is not { Length: 8 } || text[4] != '-' || text[5] is not ('W' or 'w')
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year is < 2000 or > 2100 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
            return null;
        return Week(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
    }

    /// <summary>"2026-11"; null when malformed.</summary>
    public static ReportPeriod? ParseMonth(string? text, ReportKind kind = ReportKind.Monthly) =>
        text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) && first.Year is >= 2000 and <= 2100
            ? Month(first, kind) : null;

    /// <summary>The period before, for month-on-month (week-on-week, day-on-day) comparison.</summary>
    public ReportPeriod Previous => Kind switch
    {
        ReportKind.Daily => Day(From.AddDays(-1)),
        ReportKind.Weekly => Week(From.AddDays(-7)),
        _ => Month(From.AddMonths(-1), Kind),
    };

    /// <summary>The calendar quarter the period ends in, and the one before it (SAT-14's quarter-on-quarter comparison).</summary>
    public (DateOnly From, DateOnly To) Quarter(int back = 0)
    {
        var first = new DateOnly(To.Year, (To.Month - 1) / 3 * 3 + 1, 1).AddMonths(-3 * back);
        return (first, first.AddMonths(3).AddDays(-1));
    }

    public bool IsLate(DateOnly generatedOn) => generatedOn > Due;

    public DateOnly PublishBy => Kind == ReportKind.Monthly ? new DateOnly(Due.Year, Due.Month, PublishByDay) : Due;
}
