using System.Globalization;
using Guanxi.Domain.Calendar;

namespace Guanxi.Web.Features.Calendar;

/// <summary>A working period as the API writes and reads it: "08:30" to "12:00".</summary>
public sealed record PeriodText(string Start, string End);

/// <summary>
/// The calendar of one year: the week and the periods of a working day (the same every year), the year's holidays and
/// make-up workdays and where they come from (entered, the State Council's shipped schedule, or the fallback with a
/// warning), and which years are entered or shipped.
/// </summary>
public sealed record CalendarView(
    int Year,
    IReadOnlyList<DayOfWeek> Workdays,
    IReadOnlyList<PeriodText> Periods,
    IReadOnlyList<CalendarDay> Holidays,
    IReadOnlyList<CalendarDay> MakeUpDays,
    CalendarSource Source,
    string? Warning,
    IReadOnlyList<int> EnteredYears,
    IReadOnlyList<int> StateCouncilYears)
{
    public static CalendarView Of(CalendarSettings settings, int year)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (days, source) = settings.YearOf(year);
        var warning = source != CalendarSource.Fallback ? null
            : Cultures.IsEnglish ? $"The State Council's holiday schedule for {year} has not been entered: weekends and the statutory holidays are assumed, without make-up workdays."
            : $"{year} 年的国务院放假安排尚未录入，暂按周末及法定节日推算，不含调休。";
        return new(year, [.. settings.Workdays.OrderBy(d => ((int)d + 6) % 7)], [.. settings.Periods.OrderBy(p => p.Start).Select(p => new PeriodText(Text(p.Start), Text(p.End)))],
            [.. days.Holidays.OrderBy(d => d.Date)], [.. days.MakeUpDays.OrderBy(d => d.Date)], source, warning,
            [.. settings.Years.Select(y => y.Year).Order()], [.. StateCouncilSchedules.Shipped.Order()]);
    }

    /// <summary>08:30 (seconds too when a period has them).</summary>
    public static string Text(TimeOnly time) => time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>
/// What a <c>PUT</c> saves: the week and the periods of a working day for every year, and the year's holidays and make-up
/// workdays (the year then counts as entered).
/// </summary>
public sealed record CalendarBody(IReadOnlyList<DayOfWeek> Workdays, IReadOnlyList<PeriodText> Periods, IReadOnlyList<CalendarDay> Holidays, IReadOnlyList<CalendarDay> MakeUpDays);
