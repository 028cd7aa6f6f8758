using Guanxi.Domain.Common;

namespace Guanxi.Domain.Calendar;

/// <summary>A day of a year's calendar — a public holiday or a 调休 make-up workday — with its name when it has one (春节).</summary>
public sealed record CalendarDay(DateOnly Date, string? Name = null);

/// <summary>One year's public holidays (days off even when they fall on a workday) and 调休 make-up workdays (worked even on a weekend).</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<CalendarDay> Holidays, IReadOnlyList<CalendarDay> MakeUpDays)
{
    public const int MaxHolidays = 60;
    public const int MaxMakeUpDays = 30;
    public const int MaxName = 20;

    /// <summary>
    /// The year's own rules, each error on its field as a <c>PUT</c> of the year names it (<c>holidays[2].date</c>): a day in
    /// the year, listed once, a make-up day that is not also a holiday, names of at most 20 characters, lists of at most
    /// 60 holidays and 30 make-up days, and at least one working day left in the year on the given week.
    /// </summary>
    public IReadOnlyList<Error> Validate(IReadOnlyCollection<DayOfWeek> workdays)
    {
        ArgumentNullException.ThrowIfNull(workdays);
        var errors = new List<Error>();
        if (!StatutoryHolidays.Covers(Year))
            return [CalendarErrors.Year];
        if (Holidays.Count > MaxHolidays)
            errors.Add(CalendarErrors.TooManyHolidays);
        if (MakeUpDays.Count > MaxMakeUpDays)
            errors.Add(CalendarErrors.TooManyMakeUpDays);
        var holidays = Check(Holidays, "holidays", errors);
        var makeUp = Check(MakeUpDays, "makeUpDays", errors);
        for (var i = 0; i < MakeUpDays.Count; i++)
            if (holidays.Contains(MakeUpDays[i].Date))
                errors.Add(CalendarErrors.MakeUpDayIsHoliday.At($"makeUpDays[{i}].date"));
        if (errors.Count == 0 && workdays.Count > 0 && makeUp.Count == 0)
        {
            var first = new DateOnly(Year, 1, 1);
            var worked = Enumerable.Range(0, DateTime.IsLeapYear(Year) ? 366 : 365).Select(first.AddDays)
                .Any(d => workdays.Contains(d.DayOfWeek) && !holidays.Contains(d));
            if (!worked)
                errors.Add(CalendarErrors.NoWorkingDay);
        }
        return errors;
    }

    private HashSet<DateOnly> Check(IReadOnlyList<CalendarDay> days, string field, List<Error> errors)
    {
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].Date.Year != Year)
                errors.Add(CalendarErrors.OutsideYear(Year).At($"{field}[{i}].date"));
            else if (!seen.Add(days[i].Date))
                errors.Add(CalendarErrors.Duplicate.At($"{field}[{i}].date"));
            if (days[i].Name is { Length: > MaxName })
                errors.Add(CalendarErrors.NameTooLong.At($"{field}[{i}].name"));
        }
        return seen;
    }
}

/// <summary>Where a year's holidays and make-up days come from.</summary>
public enum CalendarSource
{
    /// <summary>The administrator entered the year.</summary>
    Entered,

    /// <summary>The State Council's schedule that Guanxi ships (<see cref="StateCouncilSchedules"/>).</summary>
    StateCouncil,

    /// <summary>Neither: weekends and the statutory holidays computed by the rules (<see cref="StatutoryHolidays"/>), no 调休.</summary>
    Fallback,
}

/// <summary>A working calendar built for some years, and which of them only have the computed fallback holidays.</summary>
public sealed record BuiltCalendar(WorkCalendar Calendar, IReadOnlyList<int> FallbackYears);

/// <summary>
/// The enterprise's working calendar as the administrator sets it: the weekdays worked, the working periods of a day (the gap
/// between two is the lunch break), and the years they entered themselves. A year not entered takes the State Council's
/// schedule Guanxi ships, else the statutory holidays computed by the rules.
/// </summary>
public sealed record CalendarSettings(IReadOnlyList<DayOfWeek> Workdays, IReadOnlyList<WorkPeriod> Periods, IReadOnlyList<CalendarYear> Years)
{
    /// <summary>Where the enterprise keeps its calendar among its settings.</summary>
    public const string SettingsKey = "calendar";

    public const int MaxPeriods = 4;
    public const int MaxYears = 100;

    /// <summary>The working calendar covers this many years before and after the year of the instant it is built for.</summary>
    public const int YearsAround = 2;

    /// <summary>Monday to Friday, 08:30–12:00 and 13:30–17:30, no year entered.</summary>
    public static CalendarSettings Default { get; } = new(WorkCalendar.DefaultWorkdays, WorkCalendar.DefaultPeriods, []);

    /// <summary>The week's rules: at least one weekday worked, each once; one to four periods, each ending after it starts, none overlapping another.</summary>
    public IReadOnlyList<Error> ValidateWeek() => [.. ValidateWorkdays(Workdays), .. ValidatePeriods(Periods)];

    public static IReadOnlyList<Error> ValidateWorkdays(IReadOnlyList<DayOfWeek> workdays)
    {
        ArgumentNullException.ThrowIfNull(workdays);
        if (workdays.Count == 0)
            return [CalendarErrors.NoWorkdays];
        return workdays.Distinct().Count() != workdays.Count || workdays.Any(d => !Enum.IsDefined(d)) ? [CalendarErrors.WorkdaysTwice] : [];
    }

    /// <summary>The periods' rules, each error on its period's field (<c>periods[1].start</c>); a period that could not be read (null) is skipped.</summary>
    public static IReadOnlyList<Error> ValidatePeriods(IReadOnlyList<WorkPeriod?> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var errors = new List<Error>();
        if (periods.Count is 0 or > MaxPeriods)
            errors.Add(CalendarErrors.PeriodCount);
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i] is not { } period)
                continue;
            if (period.End <= period.Start)
                errors.Add(CalendarErrors.EndBeforeStart.At($"periods[{i}].end"));
            else if (periods.Take(i).OfType<WorkPeriod>().Any(other => other.End > other.Start && period.Start < other.End && other.Start < period.End))
                errors.Add(CalendarErrors.Overlap.At($"periods[{i}].start"));
        }
        return errors;
    }

    /// <summary>The week's rules, each year's (<see cref="CalendarYear.Validate"/>), each year once and at most 100 years.</summary>
    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>(ValidateWeek());
        if (Years.Count > MaxYears)
            errors.Add(CalendarErrors.TooManyYears);
        if (Years.Select(y => y.Year).Distinct().Count() != Years.Count)
            errors.Add(CalendarErrors.YearTwice);
        foreach (var year in Years)
            errors.AddRange(year.Validate(Workdays));
        return errors;
    }

    /// <summary>The year's days and where they come from: entered, else the shipped State Council schedule, else the fallback.</summary>
    public (CalendarYear Days, CalendarSource Source) YearOf(int year)
    {
        if (Years.FirstOrDefault(y => y.Year == year) is { } entered)
            return (entered, CalendarSource.Entered);
        if (StateCouncilSchedules.Of(year) is { } shipped)
            return (shipped, CalendarSource.StateCouncil);
        return (new CalendarYear(year, StatutoryHolidays.Covers(year) ? StatutoryHolidays.Of(year) : [], []), CalendarSource.Fallback);
    }

    /// <summary>The same settings with <paramref name="year"/> entered (replacing what was entered for it before).</summary>
    public CalendarSettings With(IReadOnlyList<DayOfWeek> workdays, IReadOnlyList<WorkPeriod> periods, CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new(workdays, periods, [.. Years.Where(y => y.Year != year.Year).Append(year).OrderBy(y => y.Year)]);
    }

    /// <summary>
    /// The working calendar for the years around <paramref name="instant"/> (its year in <paramref name="zone"/>, ±
    /// <see cref="YearsAround"/>): each year's holidays and make-up days as <see cref="YearOf"/> finds them, and which
    /// of those years are fallback ones. Outside those years only the week counts.
    /// </summary>
    public BuiltCalendar Around(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var year = TimeZoneInfo.ConvertTime(instant, zone).Year;
        var holidays = new List<DateOnly>();
        var makeUpDays = new List<DateOnly>();
        var fallback = new List<int>();
        for (var y = year - YearsAround; y <= year + YearsAround; y++)
        {
            var (days, source) = YearOf(y);
            if (source == CalendarSource.Fallback)
                fallback.Add(y);
            holidays.AddRange(days.Holidays.Select(d => d.Date));
            makeUpDays.AddRange(days.MakeUpDays.Select(d => d.Date));
        }
        return new(new WorkCalendar(Workdays, Periods, holidays, makeUpDays, zone), fallback);
    }
}

public static class CalendarErrors
{
    public static readonly Error Year = new("calendar.year", $"年份须在 {StatutoryHolidays.FirstYear} 到 {StatutoryHolidays.LastYear} 之间。", $"The year must be {StatutoryHolidays.FirstYear} to {StatutoryHolidays.LastYear}.", "year");
    public static readonly Error NoWorkdays = new("calendar.no_workdays", "至少要有一个工作日。", "At least one day of the week must be worked.", "workdays");
    public static readonly Error WorkdaysTwice = new("calendar.workdays_twice", "每个工作日只能列一次。", "Each working day can be listed once.", "workdays");
    public static readonly Error PeriodCount = new("calendar.period_count", $"每天须有 1 到 {CalendarSettings.MaxPeriods} 个工作时段。", $"A working day has 1 to {CalendarSettings.MaxPeriods} periods.", "periods");
    public static readonly Error EndBeforeStart = new("calendar.period_end", "结束时间须晚于开始时间。", "The end must be after the start.");
    public static readonly Error Overlap = new("calendar.period_overlap", "与另一个工作时段重叠。", "Overlaps another working period.");
    public static readonly Error Time = new("calendar.time", "不是有效的时间 (HH:mm)。", "is not a valid time (HH:mm).");
    public static readonly Error Duplicate = new("calendar.day_twice", "这一天已经列过。", "This day is already listed.");
    public static readonly Error MakeUpDayIsHoliday = new("calendar.make_up_is_holiday", "调休上班日不能同时是节假日。", "A make-up workday cannot also be a holiday.");
    public static readonly Error NameTooLong = new("calendar.name_too_long", $"名称不能超过 {CalendarYear.MaxName} 个字。", $"The name cannot exceed {CalendarYear.MaxName} characters.");
    public static readonly Error TooManyHolidays = new("calendar.too_many_holidays", $"一年最多 {CalendarYear.MaxHolidays} 个节假日。", $"A year has at most {CalendarYear.MaxHolidays} holidays.", "holidays");
    public static readonly Error TooManyMakeUpDays = new("calendar.too_many_make_up_days", $"一年最多 {CalendarYear.MaxMakeUpDays} 个调休上班日。", $"A year has at most {CalendarYear.MaxMakeUpDays} make-up workdays.", "makeUpDays");
    public static readonly Error NoWorkingDay = new("calendar.no_working_day", "这一年没有剩下任何工作日。", "No working day is left in the year.", "holidays");
    public static readonly Error TooManyYears = new("calendar.too_many_years", $"最多录入 {CalendarSettings.MaxYears} 年。", $"At most {CalendarSettings.MaxYears} years can be entered.", "year");
    public static readonly Error YearTwice = new("calendar.year_twice", "同一年只能录入一次。", "A year can be entered once.", "year");

    public static Error OutsideYear(int year) => new("calendar.outside_year", $"日期须在 {year} 年内。", $"The date must be in {year}.");
}
