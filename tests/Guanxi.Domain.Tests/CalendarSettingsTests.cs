using Guanxi.Domain.Calendar;

namespace Guanxi.Domain.Tests;

/// <summary>SVC-2's calendar: the shipped State Council schedules, the lunar fallback, the administrator's settings and their rules.</summary>
public sealed class CalendarSettingsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTimeOffset At(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static DateOnly[] Dates(IEnumerable<CalendarDay> days) => [.. days.Select(d => d.Date)];

    [Fact]
    public void SVC2_the_shipped_2026_schedule_works_the_make_up_Saturdays_and_rests_through_the_Spring_Festival()
    {
        var built = CalendarSettings.Default.Around(At(2026, 6, 1), Shanghai);
        var calendar = built.Calendar;
        Assert.True(calendar.IsWorkday(new DateOnly(2026, 2, 14)));    // 调休 Saturday before 春节
        Assert.True(calendar.IsWorkday(new DateOnly(2026, 2, 28)));    // and the one after
        Assert.True(calendar.IsWorkday(new DateOnly(2026, 1, 4)));     // 元旦's make-up Sunday
        for (var day = new DateOnly(2026, 2, 15); day <= new DateOnly(2026, 2, 23); day = day.AddDays(1))
            Assert.False(calendar.IsWorkday(day), $"{day} is in 春节");
        Assert.False(calendar.IsWorkday(new DateOnly(2026, 10, 7)));
        Assert.True(calendar.IsWorkday(new DateOnly(2026, 10, 8)));
        // Friday 13 February 16:00 + 8 working hours: 1.5 h that day, Saturday 14 February (调休) in full … then 24 February.
        Assert.Equal(At(2026, 2, 24, 10), calendar.AddWorkingTime(At(2026, 2, 13, 16), TimeSpan.FromHours(1.5 + 7.5 + 1.5)));
        // 2024–2026 are shipped; the years around 2026 beyond them fall back.
        Assert.Equal([2027, 2028], built.FallbackYears);
        Assert.Equal(CalendarSource.StateCouncil, CalendarSettings.Default.YearOf(2024).Source);
    }

    [Fact]
    public void SVC2_each_shipped_schedule_is_a_valid_year_whose_make_up_days_are_weekends()
    {
        Assert.Equal([2024, 2025, 2026], StateCouncilSchedules.Shipped.Order());
        foreach (var year in StateCouncilSchedules.Shipped)
        {
            var schedule = StateCouncilSchedules.Of(year)!;
            Assert.Empty(schedule.Validate(WorkCalendar.DefaultWorkdays.ToArray()));
            Assert.All(schedule.MakeUpDays, d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d.Date} is a weekday"));
            Assert.All(schedule.Holidays, d => Assert.False(string.IsNullOrEmpty(d.Name)));
        }
        // The counts the notices give: 2025 (from the revised rules on) 8 days of 春节, 2026 9 days.
        Assert.Equal(8, StateCouncilSchedules.Of(2025)!.Holidays.Count(d => d.Name == "春节"));
        Assert.Equal(9, StateCouncilSchedules.Of(2026)!.Holidays.Count(d => d.Name == "春节"));
    }

    [Fact]
    public void SVC2_the_fallback_for_2030_has_the_spring_festival_qingming_dragon_boat_and_mid_autumn_on_their_days()
    {
        var days = StatutoryHolidays.Of(2030);
        DateOnly D(int month, int day) => new(2030, month, day);
        // 春节 2030: 正月初一 is Sunday 3 February (除夕 2 February); 清明 5 April; 端午 5 June; 中秋 12 September.
        Assert.Equal([D(1, 1), D(2, 2), D(2, 3), D(2, 4), D(2, 5), D(4, 5), D(5, 1), D(5, 2), D(6, 5), D(9, 12), D(10, 1), D(10, 2), D(10, 3)], Dates(days));
        Assert.Equal(["元旦", "春节", "春节", "春节", "春节", "清明节", "劳动节", "劳动节", "端午节", "中秋节", "国庆节", "国庆节", "国庆节"], days.Select(d => d.Name));
        var (year, source) = CalendarSettings.Default.YearOf(2030);
        Assert.Equal((CalendarSource.Fallback, 13, 0), (source, year.Holidays.Count, year.MakeUpDays.Count));
    }

    [Fact]
    public void SVC2_the_fallback_agrees_with_the_State_Council_on_every_statutory_day_of_2025_and_2026()
    {
        // Both years have a festival after a leap month (2025: 闰六月, so 中秋 is 6 October) or a short 腊月 (2026: 除夕 is 腊月二十九, 16 February).
        foreach (var year in new[] { 2025, 2026 })
            Assert.All(StatutoryHolidays.Of(year), d => Assert.Contains(d.Date, Dates(StateCouncilSchedules.Of(year)!.Holidays)));
        Assert.Contains(new CalendarDay(new DateOnly(2025, 10, 6), "中秋节"), StatutoryHolidays.Of(2025));
        Assert.Contains(new CalendarDay(new DateOnly(2026, 2, 16), "春节"), StatutoryHolidays.Of(2026));
        // 2023 had 闰二月: 端午 on 22 June, 中秋 on 29 September; 2024's 端午 10 June, 中秋 17 September.
        Assert.Equal((new DateOnly(2023, 6, 22), new DateOnly(2023, 9, 29)), (StatutoryHolidays.LunarDay(2023, 5, 5), StatutoryHolidays.LunarDay(2023, 8, 15)));
        Assert.Equal((new DateOnly(2024, 6, 10), new DateOnly(2024, 9, 17)), (StatutoryHolidays.LunarDay(2024, 5, 5), StatutoryHolidays.LunarDay(2024, 8, 15)));
        Assert.Equal([new DateOnly(2024, 4, 4), new DateOnly(2025, 4, 4), new DateOnly(2026, 4, 5)], new[] { 2024, 2025, 2026 }.Select(StatutoryHolidays.Qingming));
    }

    [Fact]
    public void SVC2_chuxi_is_the_last_day_of_the_twelfth_month_the_eve_of_the_new_year_every_year()
    {
        for (var year = StatutoryHolidays.FirstYear; year <= StatutoryHolidays.LastYear; year++)
        {
            var chuxi = StatutoryHolidays.LastDayOfTwelfthMonth(year - 1);
            Assert.Equal(StatutoryHolidays.LunarDay(year, 1, 1), chuxi.AddDays(1));
            var festivals = StatutoryHolidays.Of(year);
            Assert.InRange(festivals.Count, 12, 13);   // 13, or 12 when 中秋 falls on 1–3 October
            Assert.InRange(StatutoryHolidays.Qingming(year).Day, 4, 5);
        }
    }

    [Fact]
    public void SVC2_an_entered_year_replaces_the_shipped_one_and_counts_in_the_calendar()
    {
        var year2026 = new CalendarYear(2026, [new(new DateOnly(2026, 3, 2), "厂庆")], [new(new DateOnly(2026, 3, 7))]);
        var settings = CalendarSettings.Default.With(WorkCalendar.DefaultWorkdays, WorkCalendar.DefaultPeriods, year2026);
        Assert.Equal((year2026, CalendarSource.Entered), settings.YearOf(2026));
        var calendar = settings.Around(At(2026, 3, 1), Shanghai).Calendar;
        Assert.False(calendar.IsWorkday(new DateOnly(2026, 3, 2)));
        Assert.True(calendar.IsWorkday(new DateOnly(2026, 3, 7)));
        Assert.True(calendar.IsWorkday(new DateOnly(2026, 2, 16)));     // the shipped 春节 no longer applies to the entered year
        Assert.False(calendar.IsWorkday(new DateOnly(2025, 1, 29)));    // other years keep theirs
        Assert.Empty(settings.Validate());
    }

    [Fact]
    public void SVC2_the_calendar_settings_refuse_bad_weeks_and_periods_field_by_field()
    {
        var t = (int h, int m) => new TimeOnly(h, m);
        var bad = new CalendarSettings([], [new(t(9, 0), t(8, 0)), new(t(13, 0), t(15, 0)), new(t(14, 0), t(16, 0))], []);
        var errors = bad.ValidateWeek();
        Assert.Equal(["workdays", "periods[0].end", "periods[2].start"], errors.Select(e => e.Field));
        Assert.Contains(new CalendarSettings([DayOfWeek.Monday, DayOfWeek.Monday], [], []).ValidateWeek(), e => e.Code == "calendar.workdays_twice");
        Assert.Equal(["periods"], new CalendarSettings([DayOfWeek.Monday], [], []).ValidateWeek().Select(e => e.Field));
        // Periods that touch (12:00–12:00) do not overlap.
        Assert.Empty(new CalendarSettings([DayOfWeek.Monday], [new(t(8, 0), t(12, 0)), new(t(12, 0), t(13, 0))], []).ValidateWeek());
        Assert.Empty(CalendarSettings.Default.Validate());
    }

    [Fact]
    public void SVC2_a_year_refuses_days_outside_it_twice_listed_make_up_holidays_long_names_and_a_year_without_work()
    {
        var week = WorkCalendar.DefaultWorkdays.ToArray();
        var year = new CalendarYear(2031,
            [new(new DateOnly(2030, 12, 31)), new(new DateOnly(2031, 5, 1)), new(new DateOnly(2031, 5, 1)), new(new DateOnly(2031, 5, 2), new string('节', 21))],
            [new(new DateOnly(2031, 5, 2))]);
        Assert.Equal(["holidays[0].date", "holidays[2].date", "holidays[3].name", "makeUpDays[0].date"], year.Validate(week).Select(e => e.Field));
        Assert.Equal(["holidays"], new CalendarYear(2031, [.. Enumerable.Range(0, 61).Select(i => new CalendarDay(new DateOnly(2031, 1, 1).AddDays(i)))], []).Validate(week).Select(e => e.Field));
        Assert.Equal(["year"], new CalendarYear(2100, [], []).Validate(week).Select(e => e.Field));
        // A week of Mondays only, and every Monday of 2031 a holiday: no working time is left in the year.
        var mondays = Enumerable.Range(0, 365).Select(i => new DateOnly(2031, 1, 1).AddDays(i)).Where(d => d.DayOfWeek == DayOfWeek.Monday).Select(d => new CalendarDay(d)).ToArray();
        var noWork = new CalendarYear(2031, mondays, []).Validate([DayOfWeek.Monday]);
        Assert.Equal(("calendar.no_working_day", "holidays"), (noWork.Single().Code, noWork.Single().Field));
        Assert.Empty(new CalendarYear(2031, mondays, [new(new DateOnly(2031, 1, 4))]).Validate([DayOfWeek.Monday]));
    }
}
