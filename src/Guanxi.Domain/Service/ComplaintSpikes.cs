using Guanxi.Domain.Common;

namespace Guanxi.Domain.Service;

/// <summary>Which stretch of time a spike check looks at: the last day, or the last seven days.</summary>
public enum SpikeWindow
{
    Day,
    Week,
}

/// <summary>
/// SVC-3's detector settings. <see cref="BaselineWeeks"/>: how many earlier windows make a series' usual level (the same
/// weekday's day, or the seven days, in each of the weeks before). <see cref="Alpha"/>: the false-alarm rate of one check on
/// a series whose rate did not change. <see cref="MinDayCount"/>/<see cref="MinWeekCount"/>: fewer complaints than this
/// never raise a warning, however quiet the usual level (one complaint in a category that had none is not a crisis).
/// Set by an administrator or the customer-service manager (<see cref="CrisisAccess.SetsDetector"/>).
/// </summary>
public sealed record SpikePolicy(int BaselineWeeks = 8, double Alpha = 0.001, int MinDayCount = 5, int MinWeekCount = 10)
{
    /// <summary>Where the enterprise keeps it (a setting, audited as every setting is).</summary>
    public const string SettingsKey = "complaints.spikes";

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (BaselineWeeks is < 4 or > 26)
            errors.Add(new Error("spikes.baseline_weeks", "比较的周数应在 4 到 26 之间。", "Compare with 4 to 26 weeks.", "baselineWeeks"));
        if (Alpha is <= 0 or > 0.05 || double.IsNaN(Alpha))
            errors.Add(new Error("spikes.alpha", "误报率应大于 0 且不超过 0.05。", "The false-alarm rate must be above 0 and at most 0.05.", "alpha"));
        if (MinDayCount is < 1 or > 10_000)
            errors.Add(new Error("spikes.min_day", "单日最少投诉数应在 1 到 10000 之间。", "The minimum count of a day must be 1 to 10,000.", "minDayCount"));
        if (MinWeekCount is < 1 or > 10_000)
            errors.Add(new Error("spikes.min_week", "单周最少投诉数应在 1 到 10000 之间。", "The minimum count of a week must be 1 to 10,000.", "minWeekCount"));
        return errors;
    }
}

/// <summary>One series checked: the count seen, the usual count, how unlikely the count is at the usual rate, and the verdict.</summary>
public sealed record SpikeCheck(SpikeWindow Window, int Observed, double Usual, double PValue, bool Fires);

/// <summary>
/// SVC-3: does a category's (or a department's) count of complaints in the last day or week rise above its usual level?
/// The test is the conditional test of two Poisson rates (Przyborowski–Wilenski): if the rate did not change, then of the
/// <c>x + S</c> complaints in the window (x) and in the <c>n</c> earlier windows (S together), each fell in the window
/// with probability <c>1/(n+1)</c>, so <c>P = P(Binomial(x + S, 1/(n+1)) ≥ x)</c>. A warning is raised when
/// <c>P &lt; α</c> and <c>x</c> reaches the minimum count. Unlike mean + k·sd, it stays exact at the small counts a
/// category has on a day and needs no estimated variance; the earlier windows being too few only makes it more cautious.
/// </summary>
public static class ComplaintSpikes
{
    /// <param name="observed">Complaints of the series in the window just ended.</param>
    /// <param name="earlier">Its complaints in each of the same windows of the weeks before (the same weekday, or the seven days).</param>
    public static SpikeCheck Check(SpikeWindow window, int observed, IReadOnlyList<int> earlier, SpikePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        if (earlier.Count == 0 || earlier.Any(c => c < 0))
            throw new ArgumentException("A spike check needs the counts of earlier windows, none negative.", nameof(earlier));
        var sum = earlier.Sum(c => (long)c);
        var usual = (double)sum / earlier.Count;
        var p = BinomialUpperTail(observed + sum, 1.0 / (earlier.Count + 1), observed);
        var minimum = window == SpikeWindow.Day ? policy.MinDayCount : policy.MinWeekCount;
        return new SpikeCheck(window, observed, usual, p, observed >= minimum && observed > usual && p < policy.Alpha);
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p), summed in log space so that large counts neither overflow nor underflow.</summary>
    public static double BinomialUpperTail(long n, double p, long k)
    {
        if (k <= 0)
            return 1;
        if (k > n)
            return 0;
        var logP = Math.Log(p);
        var logQ = Math.Log(1 - p);
        var logPmf = LogChoose(n, k) + k * logP + (n - k) * logQ;
        double total = 0;
        for (var i = k; i <= n; i++)
        {
            var term = Math.Exp(logPmf);
            total += term;
            if (term < total * 1e-17)
                break;
            logPmf += Math.Log((double)(n - i) / (i + 1)) + logP - logQ;
        }
        return Math.Min(1, total);
    }

    private static double LogChoose(long n, long k)
    {
        k = Math.Min(k, n - k);
        double sum = 0;
        for (long i = 1; i <= k; i++)
            sum += Math.Log((double)(n - k + i) / i);
        return sum;
    }
}
