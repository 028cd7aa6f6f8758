using Guanxi.Domain.Calendar;

namespace Guanxi.Domain.Inspections;

/// <summary>
/// CAPA-8: when in a month a plan's inspections fall. The month's working days (the enterprise's calendar: weekends,
/// public holidays and 调休 make-up days) are cut into N equal parts and each inspection falls on the middle working day
/// of its part — twice a month in a month of 22 working days: the 6th and the 17th working day. A month without a
/// working day (a calendar of make-up days only) spreads over its calendar days instead.
/// </summary>
public static class InspectionSchedule
{
    public static IReadOnlyList<DateOnly> Days(int perMonth, DateOnly month, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(perMonth, 1);
        var first = FirstOf(month);
        var all = Enumerable.Range(0, DateTime.DaysInMonth(first.Year, first.Month)).Select(first.AddDays).ToList();
        var working = all.Where(calendar.IsWorkday).ToList() is { Count: > 0 } worked ? worked : all;
        var n = Math.Min(perMonth, working.Count);
        return [.. Enumerable.Range(0, n).Select(i => working[(2 * i + 1) * working.Count / (2 * n)])];
    }

    /// <summary>The first day of the month a day falls in: how a month is named.</summary>
    public static DateOnly FirstOf(DateOnly day) => new(day.Year, day.Month, 1);
}
