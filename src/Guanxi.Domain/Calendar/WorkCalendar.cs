namespace Guanxi.Domain.Calendar;

/// <summary>A stretch of a working day in the enterprise's local time, such as 08:30–12:00.</summary>
public sealed record WorkPeriod(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>
/// The enterprise's working time: which weekdays are worked, the periods of a working day (a lunch break is the gap between
/// two periods), the public holidays off and the 调休 make-up days worked. Pure: complaint response and resolution times,
/// plan deadlines and escalations count in it (SVC-2, CAPA-3). All arithmetic is done on the enterprise's local days.
/// </summary>
public sealed class WorkCalendar
{
    /// <summary>Enough days to cross any real gap (a year of holidays); a calendar with no working day at all is refused earlier.</summary>
    private const int MaxDaysScanned = 3 * 366;

    private readonly HashSet<DayOfWeek> workdays;
    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> makeUpDays;

    public WorkCalendar(IEnumerable<DayOfWeek> workdays, IReadOnlyList<WorkPeriod> periods, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpDays, TimeZoneInfo zone)
    {
        this.workdays = [.. workdays];
        Periods = [.. periods.OrderBy(p => p.Start)];
        this.holidays = [.. holidays];
        this.makeUpDays = [.. makeUpDays];
        Zone = zone;
        if (Periods.Count == 0 || Periods.Any(p => p.End <= p.Start))
            throw new ArgumentException("A working day needs at least one period that ends after it starts.", nameof(periods));
        for (var i = 1; i < Periods.Count; i++)
            if (Periods[i].Start < Periods[i - 1].End)
                throw new ArgumentException("The periods of a working day must not overlap.", nameof(periods));
        if (this.workdays.Count == 0 && this.makeUpDays.Count == 0)
            throw new ArgumentException("A calendar needs at least one working day.", nameof(workdays));
    }

    /// <summary>Monday to Friday, 08:30–12:00 and 13:30–17:30 (a lunch break of an hour and a half), no holidays.</summary>
    public static IReadOnlyList<WorkPeriod> DefaultPeriods { get; } = [new(new(8, 30), new(12, 0)), new(new(13, 30), new(17, 30))];

    public static IReadOnlyList<DayOfWeek> DefaultWorkdays { get; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public IReadOnlyList<WorkPeriod> Periods { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>A make-up day (调休) is worked even on a weekend; a holiday is not worked even on a weekday.</summary>
    public bool IsWorkday(DateOnly day) => makeUpDays.Contains(day) || (workdays.Contains(day.DayOfWeek) && !holidays.Contains(day));

    public bool IsHoliday(DateOnly day) => holidays.Contains(day);

    public bool IsMakeUpDay(DateOnly day) => makeUpDays.Contains(day);

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        for (var day = LocalDay(from); day <= LocalDay(to); day = day.AddDays(1))
        {
            if (!IsWorkday(day))
                continue;
            foreach (var (start, end) in PeriodsOf(day))
            {
                var a = start > from ? start : from;
                var b = end < to ? end : to;
                if (b > a)
                    total += b - a;
            }
        }
        return total;
    }

    /// <summary>
    /// The instant at which <paramref name="work"/> of working time has passed since <paramref name="from"/>. Started
    /// outside working time, the count begins at the next period; a time that runs out exactly at a period's end ends
    /// there (17:30), not at the start of the next.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan work)
    {
        if (work < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(work), "Working time to add cannot be negative.");
        if (work == TimeSpan.Zero)
            return from;
        var left = work;
        var first = LocalDay(from);
        for (var day = first; day <= LastDayScanned(first, work); day = day.AddDays(1))
        {
            if (!IsWorkday(day))
                continue;
            foreach (var (start, end) in PeriodsOf(day))
            {
                if (end <= from)
                    continue;
                var a = start > from ? start : from;
                var available = end - a;
                if (available >= left)
                    return a + left;
                left -= available;
            }
        }
        throw new InvalidOperationException("The calendar has no working time in the next three years.");
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="day"/> (CAPA-3: a plan within 3 working days of
    /// signing is due by the end of that day): weekends, holidays and 调休 make-up days as the calendar says.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly day, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var current = day;
        for (var counted = 0; counted < days;)
        {
            if (current.DayNumber - day.DayNumber > MaxDaysScanned + 7 * days)
                throw new InvalidOperationException("The calendar has no working day in the time scanned.");
            current = current.AddDays(1);
            if (IsWorkday(current))
                counted++;
        }
        return current;
    }

    /// <summary>The start of the next working period at or after <paramref name="instant"/> (the instant itself when it is inside one).</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var first = LocalDay(instant);
        for (var day = first; day <= first.AddDays(MaxDaysScanned); day = day.AddDays(1))
        {
            if (!IsWorkday(day))
                continue;
            foreach (var (start, end) in PeriodsOf(day))
                if (end > instant)
                    return start > instant ? start : instant;
        }
        throw new InvalidOperationException("The calendar has no working time in the next three years.");
    }

    /// <summary>
    /// How far adding <paramref name="work"/> may have to look: the weeks an ordinary week's working time needs, a week
    /// more for each holiday (it takes one working day away), and <see cref="MaxDaysScanned"/> beyond.
    /// </summary>
    private DateOnly LastDayScanned(DateOnly first, TimeSpan work)
    {
        var week = workdays.Count * Periods.Sum(p => p.Length.Ticks);
        var weeks = week == 0 ? 0 : work.Ticks / week + 1;
        var days = MaxDaysScanned + 7 * (weeks + holidays.Count);
        return days >= DateOnly.MaxValue.DayNumber - first.DayNumber ? DateOnly.MaxValue.AddDays(-1) : first.AddDays((int)days);
    }

    private DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The day's periods as instants; a period the clock skips (moved forward for summer time) is left out.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> PeriodsOf(DateOnly day)
    {
        foreach (var period in Periods)
        {
            var (start, end) = (At(day, period.Start), At(day, period.End));
            if (end > start)
                yield return (start, end);
        }
    }

    /// <summary>
    /// The instant of a local time. A time the clock skips (02:30 when it jumps from 02:00 to 03:00) is the instant the
    /// clock lands (03:00), so that a period across the jump keeps only what the clock shows; a time it shows twice is
    /// the later one, as <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> takes it. Both keep the day's instants in the
    /// order of their clock times.
    /// </summary>
    private DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        if (Zone.IsInvalidTime(local))
        {
            local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
            do
                local = local.AddMinutes(1);
            while (Zone.IsInvalidTime(local));
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
