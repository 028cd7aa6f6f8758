using Guanxi.Domain.Calendar;

namespace Guanxi.Domain.Tests;

/// <summary>Working time on the enterprise's calendar: periods, the lunch break, holidays and 调休 make-up days.</summary>
public sealed class WorkCalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // National Day 2026 as an example: 1–7 October off, Sunday 20 September and Saturday 10 October worked.
    private static readonly WorkCalendar Calendar = new(WorkCalendar.DefaultWorkdays, WorkCalendar.DefaultPeriods,
        [.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))], [new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 10)], Shanghai);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_morning_counts_until_the_lunch_break_and_resumes_after_it()
    {
        Assert.Equal(TimeSpan.FromHours(1.5), Calendar.WorkingTimeBetween(At(9, 29, 11, 0), At(9, 29, 14, 0)));
        Assert.Equal(At(9, 29, 14, 0), Calendar.AddWorkingTime(At(9, 29, 11, 0), TimeSpan.FromHours(1.5)));
    }

    [Fact]
    public void Time_added_on_the_afternoon_before_a_holiday_lands_on_the_next_working_day()
    {
        // Wednesday 30 September 16:00 + 4 working hours: 1.5 h that day, the holiday week off, then Thursday 8 October.
        Assert.Equal(At(10, 8, 11, 0), Calendar.AddWorkingTime(At(9, 30, 16, 0), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void A_make_up_Saturday_is_a_working_day()
    {
        // Friday 9 October 17:00 + 2 h: half an hour on Friday, then Saturday 10 October (调休) from 08:30.
        Assert.True(Calendar.IsWorkday(new DateOnly(2026, 10, 10)));
        Assert.Equal(At(10, 10, 10, 0), Calendar.AddWorkingTime(At(10, 9, 17, 0), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Time_that_runs_out_at_the_end_of_a_period_ends_there()
    {
        Assert.Equal(At(9, 29, 17, 30), Calendar.AddWorkingTime(At(9, 29, 13, 30), TimeSpan.FromHours(4)));
        Assert.Equal(At(9, 29, 12, 0), Calendar.AddWorkingTime(At(9, 29, 7, 0), TimeSpan.FromHours(3.5)));
    }

    [Fact]
    public void Adding_then_counting_gives_the_time_added()
    {
        var from = At(9, 18, 15, 17);
        foreach (var hours in new[] { 0.5, 2, 8, 24, 72, 200 })
            Assert.Equal(TimeSpan.FromHours(hours), Calendar.WorkingTimeBetween(from, Calendar.AddWorkingTime(from, TimeSpan.FromHours(hours))));
    }

    [Fact]
    public void A_period_the_clock_skips_for_summer_time_counts_only_what_the_clock_shows()
    {
        // Found by the property tests: in Berlin the clock jumps from 02:00 to 03:00 on Sunday 28 March 2027, so a period of
        // 02:35–03:05 that day is 03:00–03:05, five minutes, both when counted and when added.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var night = new WorkCalendar([DayOfWeek.Sunday], [new(new(2, 35), new(3, 5))], [], [], berlin);
        var saturday = new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromMinutes(5), night.WorkingTimeBetween(saturday, saturday.AddDays(1)));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 5, 0, TimeSpan.FromHours(2)), night.AddWorkingTime(saturday, TimeSpan.FromMinutes(5)));
        Assert.Equal(new DateTimeOffset(2027, 4, 4, 2, 40, 0, TimeSpan.FromHours(2)), night.AddWorkingTime(saturday, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void A_long_time_on_a_sparse_calendar_is_looked_for_as_far_as_it_needs()
    {
        // One hour on Sundays: 400 working hours take 400 weeks, further than the three years plus seven days per day of
        // work the search used to stop at.
        var sundays = new WorkCalendar([DayOfWeek.Sunday], [new(new(9, 0), new(10, 0))], [], [], Shanghai);
        var monday = At(9, 28, 9);
        var end = sundays.AddWorkingTime(monday, TimeSpan.FromHours(400));
        Assert.Equal(new DateTimeOffset(2026, 10, 4, 10, 0, 0, TimeSpan.FromHours(8)).AddDays(7 * 399), end);
        Assert.Equal(TimeSpan.FromHours(400), sundays.WorkingTimeBetween(monday, end));
    }
}
