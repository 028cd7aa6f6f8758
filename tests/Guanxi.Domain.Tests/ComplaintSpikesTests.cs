using Guanxi.Domain.Service;

namespace Guanxi.Domain.Tests;

/// <summary>
/// SVC-3: the crisis detector, on simulated Poisson series with usual daily rates from 0.1 to 60 complaints. Documented
/// (docs/features.md): a day with at least 4 × its usual count + 5 (and at least 5) is warned of in at least 90 % of cases,
/// a week with at least 2 × its usual count + 8 (and at least 10) in at least 99 %; a quiet series — each day checked against
/// the same weekday of the 8 weeks before, and the week against the 8 weeks before — raises a false warning in at most 1 %
/// of its weeks (eight checks at α = 0.001).
/// </summary>
public sealed class ComplaintSpikesTests
{
    private static readonly SpikePolicy Policy = new();
    private static readonly double[] UsualDailyRates = [0.1, 0.3, 0.5, 1, 2, 4, 8, 20, 60];

    [Fact]
    public void SVC3_a_spike_of_the_documented_size_raises_a_warning()
    {
        var random = new Random(20261207);
        foreach (var rate in UsualDailyRates)
        {
            int days = 0, weeks = 0;
            for (var i = 0; i < 1000; i++)
            {
                var spikeDay = Math.Max(Policy.MinDayCount, (int)Math.Ceiling(4 * rate + 5));
                if (ComplaintSpikes.Check(SpikeWindow.Day, spikeDay, Counts(random, rate), Policy).Fires)
                    days++;
                var spikeWeek = Math.Max(Policy.MinWeekCount, (int)Math.Ceiling(2 * 7 * rate + 8));
                if (ComplaintSpikes.Check(SpikeWindow.Week, spikeWeek, Counts(random, 7 * rate), Policy).Fires)
                    weeks++;
            }
            Assert.True(days >= 900, $"usual {rate}/day: a spike day was warned of in {days} of 1,000 series");
            Assert.True(weeks >= 990, $"usual {rate}/day: a spike week was warned of in {weeks} of 1,000 series");
        }
    }

    [Fact]
    public void SVC3_a_thousand_quiet_weeks_stay_quiet_at_the_documented_rate()
    {
        var random = new Random(7);
        foreach (var rate in UsualDailyRates)
        {
            var alarmed = 0;
            for (var week = 0; week < 1000; week++)
            {
                var alarm = false;
                for (var day = 0; day < 7; day++)
                    alarm |= ComplaintSpikes.Check(SpikeWindow.Day, Poisson(random, rate), Counts(random, rate), Policy).Fires;
                alarm |= ComplaintSpikes.Check(SpikeWindow.Week, Poisson(random, 7 * rate), Counts(random, 7 * rate), Policy).Fires;
                if (alarm)
                    alarmed++;
            }
            Assert.True(alarmed <= 10, $"usual {rate}/day: {alarmed} of 1,000 quiet weeks raised a warning");
        }
    }

    [Fact]
    public void SVC3_fewer_complaints_than_the_minimum_never_warn_however_quiet_the_usual_level()
    {
        int[] none = [0, 0, 0, 0, 0, 0, 0, 0];
        Assert.False(ComplaintSpikes.Check(SpikeWindow.Day, 4, none, Policy).Fires);
        var five = ComplaintSpikes.Check(SpikeWindow.Day, 5, none, Policy);
        Assert.True(five.Fires);
        Assert.Equal(Math.Pow(1.0 / 9, 5), five.PValue, 12);   // all five fell in the one window of nine
    }

    [Fact]
    public void SVC3_the_usual_level_and_a_drop_are_not_warned_of()
    {
        int[] usual = [10, 12, 9, 11, 10, 13, 8, 11];
        var check = ComplaintSpikes.Check(SpikeWindow.Week, 11, usual, Policy);
        Assert.False(check.Fires);
        Assert.Equal(10.5, check.Usual);
        Assert.False(ComplaintSpikes.Check(SpikeWindow.Week, 2, usual, Policy).Fires);
    }

    [Fact]
    public void SVC3_the_binomial_tail_is_exact_for_small_counts_and_finite_for_large_ones()
    {
        // P(Bin(4, 1/2) ≥ 3) = (4 + 1) / 16
        Assert.Equal(5.0 / 16, ComplaintSpikes.BinomialUpperTail(4, 0.5, 3), 12);
        Assert.Equal(1, ComplaintSpikes.BinomialUpperTail(10, 0.3, 0));
        Assert.Equal(0, ComplaintSpikes.BinomialUpperTail(10, 0.3, 11));
        var large = ComplaintSpikes.BinomialUpperTail(45_000, 1.0 / 9, 6_000);
        Assert.InRange(large, 0, 1e-6);
        Assert.InRange(ComplaintSpikes.BinomialUpperTail(45_000, 1.0 / 9, 4_900), 0.5, 1);
    }

    [Fact]
    public void SVC3_a_policy_outside_its_bounds_is_refused_per_field()
    {
        var errors = new SpikePolicy(BaselineWeeks: 2, Alpha: 0.5, MinDayCount: 0, MinWeekCount: 0).Validate();
        Assert.Equal(["baselineWeeks", "alpha", "minDayCount", "minWeekCount"], errors.Select(e => e.Field));
        Assert.Empty(Policy.Validate());
    }

    private static int[] Counts(Random random, double rate) => [.. Enumerable.Range(0, Policy.BaselineWeeks).Select(_ => Poisson(random, rate))];

    private static int Poisson(Random random, double rate)
    {
        if (rate > 30)   // a sum of smaller draws keeps e^-λ away from underflow
            return Poisson(random, rate / 2) + Poisson(random, rate / 2);
        var limit = Math.Exp(-rate);
        var k = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble())
            k++;
        return k;
    }
}
