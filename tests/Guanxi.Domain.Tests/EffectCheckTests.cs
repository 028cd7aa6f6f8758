using Guanxi.Domain.Improvement;

namespace Guanxi.Domain.Tests;

/// <summary>
/// Issue 24 item 7 (CAPA-7's "no visible effect"): a measure's effect judged from the data, on constructed weeks whose answer
/// is known — a real rise, a rise within the weekly noise, fewer complaints, too little data, windows without variance or
/// without any data — and the t distribution the judgement reads, against its tables.
/// </summary>
public sealed class EffectCheckTests
{
    private static readonly Guid Department = Guid.CreateVersion7();
    private static readonly EffectMetric Question = new(EffectMetricKind.QuestionScore, "price", Department);
    private static readonly EffectMetric Complaints = new(EffectMetricKind.ComplaintCount, "waitingTime", Department);
    private static readonly DateOnly Raised = new(2026, 6, 1);
    private static readonly DateOnly Done = new(2026, 6, 15);

    /// <summary>The windows on the day the "after" window has that many whole weeks.</summary>
    private static (EffectPeriod Before, EffectPeriod? After) Periods(int afterWeeks) => EffectCheck.Periods(Raised, Done, Done.AddDays(7 * afterWeeks));

    /// <summary>Weeks of a period with these values, each made of <paramref name="n"/> answers (for counts: n = the count).</summary>
    private static List<EffectWeek> Weeks(EffectPeriod period, IEnumerable<double> values, int? n = null) =>
        [.. period.WeekStarts.Zip(values, (start, v) => new EffectWeek(start, v, n ?? (int)v))];

    [Fact]
    public void CAPA7_the_windows_are_the_twelve_weeks_before_and_the_whole_weeks_since_the_actions_were_done()
    {
        var (before, after) = EffectCheck.Periods(Raised, Done, new DateOnly(2026, 7, 30));
        Assert.Equal((new DateOnly(2026, 3, 9), new DateOnly(2026, 5, 31), 12), (before.From, before.To, before.Weeks));
        // 6/15 … 7/29 is 45 days: six whole weeks, the last ending 7/26; today (7/30) is not over.
        Assert.Equal((Done, new DateOnly(2026, 7, 26), 6), (after!.From, after.To, after.Weeks));
        Assert.Equal(12, EffectCheck.Periods(Raised, Done, new DateOnly(2027, 6, 1)).After!.Weeks);
        Assert.Equal(0, EffectCheck.Periods(Raised, Done, Done.AddDays(6)).After!.Weeks);
        Assert.Null(EffectCheck.Periods(Raised, null, new DateOnly(2026, 7, 30)).After);
        Assert.Equal(2, before.WeekOf(new DateOnly(2026, 3, 23)));
        Assert.Null(before.WeekOf(Raised));
    }

    [Fact]
    public void CAPA7_a_real_rise_in_a_score_is_significant()
    {
        var (before, after) = Periods(12);
        double[] noise = [-2, 1.5, 0.5, -1, 2, -1.5, 1, -0.5, 0, 1.5, -2, 0.5];
        var result = EffectCheck.Judge(Question, before, Weeks(before, noise.Select(e => 60 + e), 25), after, Weeks(after!, noise.Select(e => 85 + e), 25));

        Assert.Equal(EffectStatus.Measured, result.Status);
        Assert.Equal(60, result.Before.Value!.Value, 0.5);
        Assert.Equal(85, result.After!.Value!.Value, 0.5);
        Assert.Equal(25, result.Change!.Value, 0.5);
        Assert.Equal(EffectDirection.Improved, result.Direction);
        Assert.True(result.Significant);
        Assert.True(result.PValue < 0.001, $"p = {result.PValue}");
        Assert.Equal(300, result.Before.N);
        Assert.Equal(12, result.Before.Weeks.Count);
        Assert.Contains("改进效果得到数据证实", result.Sentence(english: false), StringComparison.Ordinal);
        Assert.Contains("borne out by the data", result.Sentence(english: true), StringComparison.Ordinal);
    }

    [Fact]
    public void CAPA7_a_rise_within_the_weekly_noise_is_not_significant()
    {
        var (before, after) = Periods(10);
        // The weeks swing ±10 around their mean; after the measure the mean is 3 points higher.
        double[] swing = [10, -10, 8, -8, 10, -10, 6, -6, 10, -10, 9, -9];
        var result = EffectCheck.Judge(Question, before, Weeks(before, swing.Select(e => 70 + e), 25), after, Weeks(after!, swing.Take(10).Select(e => 73 + e), 25));

        Assert.Equal(EffectStatus.Measured, result.Status);
        Assert.Equal(3, result.Change!.Value, 0.01);
        Assert.Equal(EffectDirection.Improved, result.Direction);
        Assert.False(result.Significant);
        Assert.True(result.PValue > 0.3, $"p = {result.PValue}");
        Assert.Contains("未见明显效果", result.Sentence(english: false), StringComparison.Ordinal);
        Assert.Contains("no visible effect", result.Sentence(english: true), StringComparison.Ordinal);
    }

    [Fact]
    public void CAPA7_the_score_is_the_mean_of_the_answers_and_a_sparse_week_weighs_less()
    {
        var (before, after) = Periods(11);
        var weeks = Weeks(before, Enumerable.Repeat(70.0, 12), 10);
        weeks[0] = weeks[0] with { Value = 10, N = 1 };   // one very unhappy customer in a quiet week
        var result = EffectCheck.Judge(Question, before, weeks, after, Weeks(after!, Enumerable.Repeat(72.0, 11), 10));

        Assert.Equal(Math.Round((11 * 10 * 70.0 + 10) / 111, 1), result.Before.Value);
        Assert.Equal(111, result.Before.N);
        // Every full week says 70 before and 72 after: the one answer of the quiet week does not drown that in noise.
        Assert.True(result.Significant, $"p = {result.PValue}");
    }

    [Fact]
    public void CAPA7_fewer_complaints_is_an_improvement_and_significant_when_far_below_the_usual_weeks()
    {
        var (before, after) = Periods(10);
        double[] usual = [10, 8, 12, 9, 11, 10, 13, 7, 10, 9, 11, 10];
        var result = EffectCheck.Judge(Complaints, before, Weeks(before, usual), after, Weeks(after!, [2, 3, 1, 2, 3, 2, 1, 2, 3, 2]));

        Assert.Equal(EffectStatus.Measured, result.Status);
        Assert.Equal(10, result.Before.Value);
        Assert.Equal(2.1, result.After!.Value);
        Assert.Equal(-7.9, result.Change);
        Assert.Equal(EffectDirection.Improved, result.Direction);
        Assert.True(result.Significant);
        Assert.Equal(120, result.Before.N);
        Assert.Contains("件/周", result.Sentence(english: false), StringComparison.Ordinal);
    }

    [Fact]
    public void CAPA7_a_count_within_its_usual_swing_is_not_significant_and_more_complaints_is_worse()
    {
        var (before, after) = Periods(8);
        double[] usual = [10, 4, 16, 6, 14, 10, 3, 17, 9, 11, 5, 15];
        var within = EffectCheck.Judge(Complaints, before, Weeks(before, usual), after, Weeks(after!, [12, 6, 18, 8, 16, 12, 5, 17]));
        Assert.Equal(EffectDirection.Worsened, within.Direction);
        Assert.False(within.Significant, $"p = {within.PValue}");

        var spike = EffectCheck.Judge(Complaints, before, Weeks(before, Enumerable.Repeat(5.0, 12)), after, Weeks(after!, Enumerable.Repeat(15.0, 8)));
        Assert.Equal(EffectDirection.Worsened, spike.Direction);
        Assert.True(spike.Significant);
        Assert.Contains("情况变差", spike.Sentence(english: false), StringComparison.Ordinal);
    }

    [Fact]
    public void CAPA7_rare_complaints_that_stop_are_judged_as_chance_counts_not_as_a_certainty()
    {
        // Six complaints in twelve weeks, then none in eight: a Poisson count at the common rate (0.3 a week) gives no
        // complaint in eight weeks one time in eleven — not beyond the noise, although the "after" weeks do not vary at all.
        var (before, after) = Periods(8);
        var result = EffectCheck.Judge(Complaints, before, Weeks(before, [1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0]), after, Weeks(after!, Enumerable.Repeat(0.0, 8)));
        Assert.Equal(EffectDirection.Improved, result.Direction);
        Assert.False(result.Significant, $"p = {result.PValue}");
    }

    [Fact]
    public void CAPA7_too_few_responses_after_the_measure_is_not_enough_data()
    {
        var (before, after) = Periods(6);
        // Six whole weeks after, three answers in each of five: 15 answers, fewer than 20.
        var afterWeeks = Weeks(after!, [90, 95, 92, 94, 91], 3);
        var result = EffectCheck.Judge(Question, before, Weeks(before, Enumerable.Repeat(60.0, 12), 25), after, afterWeeks);

        Assert.Equal(EffectStatus.NotEnoughData, result.Status);
        Assert.False(result.Significant);
        Assert.Null(result.PValue);
        Assert.Equal(15, result.After!.N);
        Assert.Equal(92.4, result.After.Value);
        Assert.Equal(32.4, result.Change);   // shown, not judged
        Assert.Contains("数据不足", result.Sentence(english: false), StringComparison.Ordinal);
        Assert.Contains("5 weeks, 15 answers", result.Sentence(english: true), StringComparison.Ordinal);

        // Enough answers but in three weeks only: still not enough.
        var threeWeeks = EffectCheck.Judge(Question, before, Weeks(before, Enumerable.Repeat(60.0, 12), 25), after, Weeks(after!, [90, 95, 92], 30));
        Assert.Equal(EffectStatus.NotEnoughData, threeWeeks.Status);
    }

    [Fact]
    public void CAPA7_complaints_need_four_whole_weeks_after_the_actions()
    {
        var (before, after) = Periods(3);
        Assert.Equal(3, after!.Weeks);
        var result = EffectCheck.Judge(Complaints, before, Weeks(before, Enumerable.Repeat(10.0, 12)), after, Weeks(after, [0, 0, 0]));
        Assert.Equal(EffectStatus.NotEnoughData, result.Status);
        Assert.False(result.Significant);
    }

    [Fact]
    public void CAPA7_without_any_variance_a_change_is_beyond_the_noise_and_no_change_is_unchanged()
    {
        var (before, after) = Periods(8);
        var rise = EffectCheck.Judge(Question, before, Weeks(before, Enumerable.Repeat(70.0, 12), 5), after, Weeks(after!, Enumerable.Repeat(80.0, 8), 5));
        Assert.True(rise.Significant);
        Assert.Equal(0, rise.PValue);
        Assert.Equal(EffectDirection.Improved, rise.Direction);

        var same = EffectCheck.Judge(Question, before, Weeks(before, Enumerable.Repeat(70.0, 12), 5), after, Weeks(after!, Enumerable.Repeat(70.0, 8), 5));
        Assert.False(same.Significant);
        Assert.Equal(1, same.PValue);
        Assert.Equal(EffectDirection.Unchanged, same.Direction);
        Assert.Equal(0, same.Change);

        var tiny = EffectCheck.Judge(Question, before, Weeks(before, Enumerable.Repeat(70.0, 12), 5), after, Weeks(after!, Enumerable.Repeat(69.98, 8), 5));
        Assert.Equal("0", tiny.Change!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));   // not "-0"
        Assert.Equal(EffectDirection.Unchanged, tiny.Direction);
        Assert.False(tiny.Significant);

        var noComplaints = EffectCheck.Judge(Complaints, before, [], after, []);
        Assert.Equal(EffectStatus.Measured, noComplaints.Status);
        Assert.Equal((0.0, 0.0, 0.0), (noComplaints.Before.Value!.Value, noComplaints.After!.Value!.Value, noComplaints.Change!.Value));
        Assert.Equal(EffectDirection.Unchanged, noComplaints.Direction);
        Assert.False(noComplaints.Significant);
    }

    [Fact]
    public void CAPA7_empty_windows_have_no_value_and_nothing_is_judged()
    {
        var (before, after) = Periods(8);
        var result = EffectCheck.Judge(Question, before, [], after, []);
        Assert.Equal(EffectStatus.NotEnoughData, result.Status);
        Assert.Null(result.Before.Value);
        Assert.Null(result.After!.Value);
        Assert.Null(result.Change);
        Assert.Null(result.Direction);
        Assert.Equal(12, result.Before.Weeks.Count);
        Assert.All(result.Before.Weeks, w => Assert.Equal((null, 0), (w.Value, w.N)));
        Assert.Contains("0 weeks, 0 answers", result.Sentence(english: true), StringComparison.Ordinal);
    }

    [Fact]
    public void CAPA7_before_the_actions_are_done_there_is_no_after()
    {
        var (before, after) = EffectCheck.Periods(Raised, null, new DateOnly(2026, 9, 1));
        var result = EffectCheck.Judge(Question, before, Weeks(before, Enumerable.Repeat(60.0, 12), 25), after, []);
        Assert.Equal(EffectStatus.ActionsNotDone, result.Status);
        Assert.Null(result.After);
        Assert.Equal(60, result.Before.Value);
        Assert.False(result.Significant);
        Assert.Contains("尚未全部完成", result.Sentence(english: false), StringComparison.Ordinal);
    }

    [Fact]
    public void CAPA7_a_week_that_is_not_one_of_the_window_is_refused()
    {
        var (before, after) = Periods(8);
        Assert.Throws<ArgumentException>(() => EffectCheck.Judge(Question, before, [new EffectWeek(before.From.AddDays(1), 60, 10)], after, []));
        Assert.Throws<ArgumentException>(() => EffectCheck.Judge(Question, before, [new EffectWeek(Raised, 60, 10)], after, []));
        Assert.Throws<ArgumentException>(() => EffectCheck.Judge(Question, before, [new EffectWeek(before.From, null, 10)], after, []));
    }

    [Theory]
    [InlineData(2.228, 10, 0.05)]      // the tables' two-sided 5% points
    [InlineData(12.706, 1, 0.05)]
    [InlineData(2.042, 30, 0.05)]
    [InlineData(1.960, 100000, 0.05)]   // the normal's
    [InlineData(3.169, 10, 0.01)]
    [InlineData(0, 7, 1)]
    [InlineData(1.0, 1, 0.5)]           // t(1) is Cauchy: P(|T| ≥ 1) = 1/2
    public void CAPA7_the_t_distribution_matches_its_tables(double t, double df, double p) =>
        Assert.Equal(p, EffectCheck.StudentTwoSidedP(t, df), 3);
}
