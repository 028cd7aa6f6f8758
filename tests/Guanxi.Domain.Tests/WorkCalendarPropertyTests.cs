using CsCheck;
using Guanxi.Domain.Calendar;

namespace Guanxi.Domain.Tests;

/// <summary>
/// SVC-2's working time over random calendars: random working weekdays, one to three periods of a day (a lunch break
/// between them, sometimes none), random holidays and 调休 make-up days over 2026–2027, in Shanghai and in a zone with
/// daylight saving time; random instants to the tick and random durations. CsCheck shrinks a failure to its smallest case.
/// </summary>
public sealed class WorkCalendarPropertyTests
{
    private const long Iterations = 3_000;

    private static readonly DateTimeOffset First = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Last = new(2027, 12, 31, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] Zones = ["Asia/Shanghai", "Europe/Berlin"];

    /// <summary>A random calendar as plain values, so that a failure prints what it was.</summary>
    public sealed record Case(int WeekMask, (int Start, int End)[] Minutes, DateOnly[] Holidays, DateOnly[] MakeUpDays, string Zone)
    {
        public IEnumerable<DayOfWeek> Workdays => Enum.GetValues<DayOfWeek>().Where(d => (WeekMask & (1 << (int)d)) != 0);

        public WorkPeriod[] Periods => [.. Minutes.Select(m => new WorkPeriod(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(m.Start)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(m.End))))];

        public WorkCalendar Build(IEnumerable<DateOnly>? moreHolidays = null) =>
            new(Workdays, Periods, [.. Holidays, .. moreHolidays ?? []], MakeUpDays, TimeZoneInfo.FindSystemTimeZoneById(Zone));

        /// <summary>The working time of an ordinary week (no holiday, no make-up day).</summary>
        public TimeSpan Week => TimeSpan.FromMinutes(Workdays.Count() * Minutes.Sum(m => m.End - m.Start));

        public override string ToString() =>
            $"week {string.Join(',', Workdays)}; periods {string.Join(' ', Periods.Select(p => $"{p:HH:mm}"))}; holidays {string.Join(',', Holidays)}; make-up {string.Join(',', MakeUpDays)}; {Zone}";
    }

    /// <summary>One to three periods: a first start, then for each a length of 1 minute to 5 hours and a gap of 0 to 2 hours before the next.</summary>
    private static readonly Gen<(int, int)[]> PeriodsGen =
        Gen.Select(Gen.Int[0, 720], Gen.Select(Gen.Int[1, 300], Gen.Int[0, 120]).Array[1, 3]).Select(x =>
        {
            var (start, parts) = x;
            var periods = new List<(int, int)>();
            foreach (var (length, gap) in parts)
            {
                periods.Add((start, start + length));
                start += length + gap;
            }
            return periods.ToArray();
        }).Where(p => p[^1].Item2 <= 23 * 60 + 59);

    private static readonly Gen<DateOnly> DayGen = Gen.DateOnly[DateOnly.FromDateTime(First.Date), DateOnly.FromDateTime(Last.Date)];

    private static readonly Gen<Case> CaseGen = Gen.Select(Gen.Int[1, 127], PeriodsGen, DayGen.Array[0, 40], DayGen.Array[0, 8], Gen.OneOf(Zones))
        .Select((mask, periods, holidays, makeUp, zone) => new Case(mask, periods, holidays, makeUp, zone));

    /// <summary>An instant between 2026 and 2027, to the tick.</summary>
    private static readonly Gen<DateTimeOffset> InstantGen = Gen.Long[First.UtcTicks, Last.UtcTicks].Select(t => new DateTimeOffset(t, TimeSpan.Zero));

    /// <summary>A duration up to ten ordinary weeks of the case's working time, to the tick.</summary>
    private static Gen<TimeSpan> DurationOf(Case c) => Gen.Long[1, c.Week.Ticks * 10].Select(t => new TimeSpan(t));

    private static readonly Gen<(Case, DateTimeOffset, TimeSpan)> AddGen =
        CaseGen.SelectMany(c => Gen.Select(InstantGen, DurationOf(c)).Select(x => (c, x.Item1, x.Item2)));

    [Fact]
    public void SVC2_counting_the_working_time_added_to_an_instant_gives_it_back() =>
        AddGen.Sample((c, from, work) =>
        {
            var calendar = c.Build();
            Assert.Equal(work, calendar.WorkingTimeBetween(from, calendar.AddWorkingTime(from, work)));
        }, iter: Iterations);

    [Fact]
    public void SVC2_more_working_time_never_ends_sooner() =>
        CaseGen.SelectMany(c => Gen.Select(InstantGen, DurationOf(c), DurationOf(c)).Select(x => (c, x.Item1, x.Item2, x.Item3)))
            .Sample((c, from, a, b) =>
            {
                var calendar = c.Build();
                var (shorter, longer) = a <= b ? (a, b) : (b, a);
                Assert.True(calendar.AddWorkingTime(from, shorter) <= calendar.AddWorkingTime(from, longer));
                Assert.Equal(from, calendar.AddWorkingTime(from, TimeSpan.Zero));
            }, iter: Iterations);

    [Fact]
    public void SVC2_working_time_adds_up_over_consecutive_intervals_and_never_exceeds_the_wall_time() =>
        Gen.Select(CaseGen, InstantGen, InstantGen, InstantGen).Sample((c, x, y, z) =>
        {
            var calendar = c.Build();
            DateTimeOffset[] sorted = [.. new[] { x, y, z }.Order()];
            var (a, b, d) = (sorted[0], sorted[1], sorted[2]);
            Assert.Equal(calendar.WorkingTimeBetween(a, d), calendar.WorkingTimeBetween(a, b) + calendar.WorkingTimeBetween(b, d));
            Assert.True(calendar.WorkingTimeBetween(a, d) <= d - a);
            Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(d, a));
        }, iter: Iterations);

    [Fact]
    public void SVC2_working_time_added_ends_inside_a_working_period_of_a_working_day_or_at_its_end() =>
        AddGen.Sample((c, from, work) =>
        {
            var calendar = c.Build();
            var end = TimeZoneInfo.ConvertTime(calendar.AddWorkingTime(from, work), calendar.Zone);
            var day = DateOnly.FromDateTime(end.DateTime);
            Assert.True(calendar.IsWorkday(day), $"{end} is on {day}, not a working day");
            var time = TimeOnly.FromDateTime(end.DateTime);
            Assert.Contains(calendar.Periods, p => p.Start < time && time <= p.End);
        }, iter: Iterations);

    [Fact]
    public void SVC2_a_holiday_contributes_no_working_time() =>
        Gen.Select(CaseGen, InstantGen, InstantGen, DayGen).Sample((c, x, y, holiday) =>
        {
            var (from, to) = x <= y ? (x, y) : (y, x);
            var without = c.Build();
            var with = c.Build([holiday]);
            var zone = without.Zone;
            DateTimeOffset Midnight(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue)));
            if (c.MakeUpDays.Contains(holiday))
            {
                Assert.Equal(without.WorkingTimeBetween(from, to), with.WorkingTimeBetween(from, to));   // a make-up day is worked anyway
                return;
            }
            var (dayStart, dayEnd) = (Midnight(holiday), Midnight(holiday.AddDays(1)));
            // The holiday's own hours, midnight to midnight, count nothing; everywhere else nothing changes.
            var overlap = without.WorkingTimeBetween(from > dayStart ? from : dayStart, to < dayEnd ? to : dayEnd);
            Assert.Equal(without.WorkingTimeBetween(from, to) - overlap, with.WorkingTimeBetween(from, to));
            Assert.Equal(TimeSpan.Zero, with.WorkingTimeBetween(dayStart, dayEnd));
        }, iter: Iterations);
}
