namespace Guanxi.Domain.Surveys;

/// <summary>
/// SAT-3: the after-sales sample — exactly min(100, N) of the N eligible service jobs completed in a calendar month, drawn
/// as the jobs' windows open (a week after completion), since a sample drawn at month end would miss the windows.
/// <para>
/// The method is selection sampling (Knuth's Algorithm S): each job, when its window opens, is drawn with probability
/// (quota left) ÷ (jobs of the month still to decide, itself included). With the true number of jobs still to decide this
/// draws exactly the quota, every job with the same chance. While the month runs, the jobs still to decide are those
/// already known plus the expected ones for the days not yet over (<see cref="SampleOutlook"/>): the recent daily run-rate.
/// The month's last week is decided in the next month, when every job of the month is known: the count becomes exact
/// and corrects what the estimate was off by. When the quota can no longer be met by the jobs still to decide (the month
/// was quieter than foreseen), the missing ones are drawn at once from the month's passed-over jobs whose windows are still
/// open. A too-low estimate cannot overshoot the quota: once it is used up, the chance is zero.
/// </para>
/// <para>
/// Simulated (AfterSalesSampleTests, 2,000 months each): exact in every month with ~75 or fewer, or ~150 or more jobs,
/// every job with the same chance (±3% by week of the month) at ~300. With ~90–135 jobs the quota is nearly every job and
/// a job passed over early is lost once its window closes; the outlook is then cautious (<see cref="SampleOutlook.Cautious"/>),
/// which favours the first weeks' jobs (up to ~1.2× the chance) and leaves a few months in a thousand short by a handful.
/// A shortfall is stated in the month's report.
/// </para>
/// </summary>
public static class AfterSalesSample
{
    public const int MonthlyQuota = 100;

    /// <summary>
    /// One day's decisions for a month: which of today's <paramref name="candidates"/> (eligible jobs whose windows open
    /// today) are drawn, and which of the <paramref name="passedOver"/> jobs still in their windows are drawn late because,
    /// as far as can be foreseen, the quota would not be met otherwise.
    /// </summary>
    public static SampleDay Decide(int quotaLeft, int candidates, SampleOutlook later, int passedOver, Random random)
    {
        ArgumentNullException.ThrowIfNull(later);
        var late = Fill(quotaLeft - candidates - (int)Math.Ceiling(later.Expected), passedOver, random);
        quotaLeft -= late.Length;
        var pressure = Math.Clamp((quotaLeft / Math.Max(1, candidates + later.Expected) - 0.5) * 4, 0, 1);
        return new SampleDay(Draw(quotaLeft, candidates, later.Cautious(pressure), random), late);
    }

    /// <summary>Which of today's <paramref name="candidates"/> eligible jobs are drawn (Algorithm S).</summary>
    public static bool[] Draw(int quotaLeft, int candidates, double expectedLater, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var drawn = new bool[candidates];
        for (var i = 0; i < candidates && quotaLeft > 0; i++)
        {
            var stillToDecide = candidates - i + Math.Max(0, expectedLater);
            if (random.NextDouble() * stillToDecide < quotaLeft)
            {
                drawn[i] = true;
                quotaLeft--;
            }
        }
        return drawn;
    }

    /// <summary>A quota that today's and the later jobs cannot meet, drawn at random from the passed-over jobs still in their windows: their indexes.</summary>
    public static int[] Fill(int quotaLeft, int passedOver, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var order = Enumerable.Range(0, passedOver).ToArray();
        random.Shuffle(order);
        return order[..Math.Clamp(quotaLeft, 0, passedOver)];
    }
}

/// <summary>A day's draw: which of the day's candidates, and which passed-over jobs still in their windows (indexes).</summary>
public sealed record SampleDay(bool[] Drawn, int[] Late);

/// <summary>
/// The month's eligible jobs still to decide after today's: those already known whose windows have not opened, and, for
/// the month's days not yet over, the recent daily run-rate — each scaled by the share of jobs found eligible so far
/// (trade customers and the 12-month rule take some out). Once the month is over, <see cref="DaysNotOver"/> is 0 and the
/// outlook is exact but for eligibility.
/// </summary>
public sealed record SampleOutlook(int KnownNotOpened, double DailyRate, double LastWeekRate, int DaysNotOver, double EligibleShare)
{
    /// <summary>The daily rates are eligible jobs per day: of the last 28 days, and of the last 7.</summary>
    /// <summary>Standard deviations the cautious outlook stays below the expected count of jobs yet unknown.</summary>
    public const double Margin = 3;

    private double Unknown => Math.Max(0, DailyRate) * Math.Max(0, DaysNotOver);

    /// <summary>Under pressure the unknown days are foreseen at the last week's rate when it is lower: a month turning quieter.</summary>
    private double CautiousUnknown(double pressure) =>
        Math.Max(0, DailyRate - pressure * Math.Max(0, DailyRate - LastWeekRate)) * Math.Max(0, DaysNotOver);

    private double Share => Math.Clamp(EligibleShare, 0, 1);

    public double Expected => (KnownNotOpened + Unknown) * Share;

    /// <summary>
    /// The count Algorithm S divides by. When the quota is close to all the month's jobs (<paramref name="pressure"/> near 1),
    /// a job passed over in the first weeks may be missed for good: its window closes before the month turns out quieter
    /// than foreseen. So under pressure the jobs yet unknown are counted up to <see cref="Margin"/> standard deviations
    /// (Poisson) low, which draws a little more early; Algorithm S takes it back from the month's last jobs. With the
    /// quota at half the jobs or less there is no pressure and every job has the same chance.
    /// </summary>
    public double Cautious(double pressure)
    {
        pressure = Math.Clamp(pressure, 0, 1);
        var unknown = CautiousUnknown(pressure);
        return (KnownNotOpened + Math.Max(0, unknown - Margin * pressure * Math.Sqrt(unknown))) * Share;
    }
}
