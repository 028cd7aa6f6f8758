using System.Globalization;

namespace Guanxi.Domain.Calendar;

/// <summary>
/// The public holidays of a year as the rules of 《全国年节及纪念日放假办法》 (as revised in November 2024, in force from
/// 2025) set them, for a year whose State Council schedule is neither shipped nor entered: 元旦 1 day (1 January), 春节
/// 4 days (除夕 and 正月初一 to 初三), 清明节 1 day (the solar term), 劳动节 2 days (1–2 May), 端午节 1 day (五月初五),
/// 中秋节 1 day (八月十五), 国庆节 3 days (1–3 October). No 调休 and no 补假: the State Council moves days each year by a
/// schedule no rule predicts, so the fallback keeps only the days the law names.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The years the lunar dates and the 清明 formula below are right for (the 21st century's constant).</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2099;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The year's statutory holidays by date, each named (a 中秋 that falls on 国庆 is one day with both names).</summary>
    public static IReadOnlyList<CalendarDay> Of(int year)
    {
        if (!Covers(year))
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Statutory holidays are computed for {FirstYear}–{LastYear}.");
        var days = new SortedDictionary<DateOnly, string>();
        void Add(DateOnly day, string name) => days[day] = days.TryGetValue(day, out var other) ? $"{other}、{name}" : name;

        Add(new DateOnly(year, 1, 1), "元旦");
        var newYear = LunarDay(year, 1, 1);
        Add(LastDayOfTwelfthMonth(year - 1), "春节");
        for (var i = 0; i < 3; i++)
            Add(newYear.AddDays(i), "春节");
        Add(Qingming(year), "清明节");
        Add(new DateOnly(year, 5, 1), "劳动节");
        Add(new DateOnly(year, 5, 2), "劳动节");
        Add(LunarDay(year, 5, 5), "端午节");
        Add(LunarDay(year, 8, 15), "中秋节");
        for (var d = 1; d <= 3; d++)
            Add(new DateOnly(year, 10, d), "国庆节");
        return [.. days.Select(d => new CalendarDay(d.Key, d.Value))];
    }

    /// <summary>
    /// A day of the lunar year that starts in <paramref name="year"/>. .NET numbers a leap month as the month after the one
    /// it repeats (闰六月 is month 7 of 13), so a month at or after the leap one is one further along.
    /// </summary>
    public static DateOnly LunarDay(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 除夕: the last day of the lunar year <paramref name="lunarYear"/> — the last day of its last month, 腊月 (month 13 of
    /// a year with a leap month), its 29th or 30th.
    /// </summary>
    public static DateOnly LastDayOfTwelfthMonth(int lunarYear)
    {
        var last = Lunar.GetMonthsInYear(lunarYear);
        return DateOnly.FromDateTime(Lunar.ToDateTime(lunarYear, last, Lunar.GetDaysInMonth(lunarYear, last), 0, 0, 0, 0));
    }

    /// <summary>
    /// 清明 by the usual formula for the 21st century: day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ of April, Y the year's last two
    /// digits (4 or 5 April in these years).
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        if (!Covers(year))
            throw new ArgumentOutOfRangeException(nameof(year), year, $"清明 is computed for {FirstYear}–{LastYear}.");
        var y = year % 100;
        return new DateOnly(year, 4, (int)Math.Floor(y * 0.2422 + 4.81) - y / 4);
    }
}
