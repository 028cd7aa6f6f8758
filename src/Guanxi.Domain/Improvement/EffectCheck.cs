using System.Globalization;

namespace Guanxi.Domain.Improvement;

/// <summary>
/// One week of a figure: its first day, the figure that week — the mean score (0–100) of its answers, or its count of
/// complaints — and how many it is made of (answers or responses; complaints). A score's week without answers has no value.
/// </summary>
public sealed record EffectWeek(DateOnly Start, double? Value, int N);

/// <summary>A stretch of whole weeks (seven days each, counted from <see cref="From"/>): the weeks before a measure or after it.</summary>
public sealed record EffectPeriod(DateOnly From, int Weeks)
{
    /// <summary>The last day (the day before <see cref="From"/> when the period has no week yet).</summary>
    public DateOnly To => From.AddDays(Weeks * 7 - 1);

    public IEnumerable<DateOnly> WeekStarts => Enumerable.Range(0, Weeks).Select(i => From.AddDays(7 * i));

    /// <summary>The index of the week a day falls in, or null outside the period.</summary>
    public int? WeekOf(DateOnly day) => day < From || day > To ? null : (day.DayNumber - From.DayNumber) / 7;
}

/// <summary>A window as the reading shows it: its days, its figure (rounded to one decimal), what the figure is made of, and its weeks.</summary>
public sealed record EffectWindow(DateOnly From, DateOnly To, double? Value, int N, IReadOnlyList<EffectWeek> Weeks);

public enum EffectStatus
{
    /// <summary>Both windows have enough data: the change and its significance are judged.</summary>
    Measured,

    /// <summary>A window has fewer than <see cref="EffectCheck.MinWeeks"/> weeks with data (or, for a score, fewer than <see cref="EffectCheck.MinAnswers"/> answers).</summary>
    NotEnoughData,

    /// <summary>The measure's actions are not all done: there is no "after" yet.</summary>
    ActionsNotDone,
}

/// <summary>Which way the figure moved, honouring <see cref="EffectMetric.LowerIsBetter"/>; <see cref="Unchanged"/> when it moved less than 0.05.</summary>
public enum EffectDirection
{
    Improved,
    Worsened,
    Unchanged,
}

/// <summary>
/// The judgement: the figure before and after, the change (after − before, in the figure's unit: points of 0–100 for a
/// score, complaints a week for a count), its direction, whether it is larger than the week-to-week noise, and the p-value.
/// </summary>
public sealed record EffectResult(EffectMetric Metric, EffectStatus Status, EffectWindow Before, EffectWindow? After, double? Change,
    EffectDirection? Direction, bool Significant, double? PValue)
{
    /// <summary>The verdict as a sentence the page shows beside the figures.</summary>
    public string Sentence(bool english)
    {
        var unit = EffectCheck.Unit(Metric.Kind, english);
        var counts = Metric.Kind == EffectMetricKind.ComplaintCount;
        switch (Status)
        {
            case EffectStatus.ActionsNotDone:
                return english
                    ? "The measure's actions are not all done yet: the effect is read from the weeks after they are."
                    : "措施的行动尚未全部完成：全部完成后，按完成后的各周计算效果。";
            case EffectStatus.NotEnoughData:
                var need = counts
                    ? (english ? $"at least {EffectCheck.MinWeeks} weeks" : $"至少 {EffectCheck.MinWeeks} 周")
                    : (english ? $"at least {EffectCheck.MinWeeks} weeks with answers and {EffectCheck.MinAnswers} answers" : $"至少 {EffectCheck.MinWeeks} 周有答卷、共 {EffectCheck.MinAnswers} 个回答");
                string Has(EffectWindow? w) => counts
                    ? (english ? $"{w?.Weeks.Count ?? 0} weeks" : $"{w?.Weeks.Count ?? 0} 周")
                    : (english ? $"{w?.Weeks.Count(x => x.N > 0) ?? 0} weeks, {w?.N ?? 0} answers" : $"{w?.Weeks.Count(x => x.N > 0) ?? 0} 周、{w?.N ?? 0} 个回答");
                return english
                    ? $"Not enough data to judge: each side needs {need} (before: {Has(Before)}; after: {Has(After)})."
                    : $"数据不足，无法判断：措施前后各需{need}（措施前 {Has(Before)}，措施后 {Has(After)}）。";
        }
        var (before, after, change) = (Number(Before.Value!.Value), Number(After!.Value!.Value), Number(Math.Abs(Change!.Value)));
        var p = PValue is { } pv ? (pv < 0.001 ? "p < 0.001" : $"p = {pv.ToString("0.000", CultureInfo.InvariantCulture)}") : "";
        var moved = Direction == EffectDirection.Unchanged
            ? (english ? "unchanged" : "没有变化")
            : Change > 0 ? (english ? $"up {change} {unit}" : $"上升 {change} {unit}") : (english ? $"down {change} {unit}" : $"下降 {change} {unit}");
        var figures = english ? $"Before {before}, after {after} {unit}: {moved}" : $"措施前 {before}、措施后 {after} {unit}，{moved}";
        if (!Significant)
            return english
                ? $"{figures}, within the week-to-week noise ({p}): no visible effect."
                : $"{figures}，在周与周之间的正常波动之内（{p}）：未见明显效果。";
        return Direction == EffectDirection.Improved
            ? (english ? $"{figures}, beyond the week-to-week noise ({p}): the improvement is borne out by the data." : $"{figures}，超出周与周之间的正常波动（{p}）：改进效果得到数据证实。")
            : (english ? $"{figures}, beyond the week-to-week noise ({p}): the figure got worse." : $"{figures}，超出周与周之间的正常波动（{p}）：情况变差。");
    }

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>
/// Issue 24 item 7 (CAPA-6/7): is a measure's effect proven by the data? The figure it names is read in weekly buckets in
/// two windows — the <see cref="WindowWeeks"/> weeks before the measure was raised, and the whole weeks since all its
/// actions were done (at most <see cref="WindowWeeks"/>) — and the change is judged against the week-to-week noise:
/// <list type="bullet">
/// <item>A <b>score</b> (a question's, a dimension's, a touchpoint's overall satisfaction): each window's value is the mean of
/// its answers, as the satisfaction report counts it (the weeks' means weighted by their answers). Its noise is how much the
/// weekly means scatter around it: the standard error with the weeks as the observations,
/// <c>SE² = k/(k−1) · Σ (nᵢ/N)² (yᵢ − ȳ)²</c> over the k weeks with answers (the plain <c>s²/k</c> when the weeks are equally
/// full) — it holds both the chance of who answered and whatever moves a department's scores from week to week.</item>
/// <item>A <b>complaint count</b>: each window's value is its complaints per week, every week counting (a week without
/// complaints is a zero). Its noise is the variance of its weekly counts, taken at least as large as a Poisson count's at
/// the two windows' common rate (a count varies at least that much), divided by its weeks.</item>
/// </list>
/// The change (after − before) is divided by <c>√(SE_before² + SE_after²)</c> and read on Student's t with the
/// Welch–Satterthwaite degrees of freedom (each window's k − 1): <b>significant</b> when the two-sided p-value is below
/// <see cref="Alpha"/> — a change that large would come from the weekly noise alone less than once in twenty. When neither
/// window varies at all, any change is beyond the noise; a change under 0.05 (shown as 0.0) is <see cref="EffectDirection.Unchanged"/>
/// and never significant. A window with fewer than <see cref="MinWeeks"/> weeks with data, or
/// a score's window with fewer than <see cref="MinAnswers"/> answers, is <see cref="EffectStatus.NotEnoughData"/>: the
/// figures are shown, nothing is judged.
/// </summary>
public static class EffectCheck
{
    /// <summary>How many weeks make the "before" window, and at most the "after" one.</summary>
    public const int WindowWeeks = 12;

    /// <summary>Fewer weeks with data than this in either window: not enough data.</summary>
    public const int MinWeeks = 4;

    /// <summary>Fewer answers than this in either window of a score: not enough data.</summary>
    public const int MinAnswers = 20;

    /// <summary>The significance level: a change is beyond the noise when its two-sided p-value is below it.</summary>
    public const double Alpha = 0.05;

    /// <summary>
    /// The two windows of a measure raised on <paramref name="raisedOn"/>: before, the <see cref="WindowWeeks"/> whole weeks
    /// that end the day before; after, the whole weeks from the day its actions were all done that have ended by yesterday
    /// (today is not over), at most <see cref="WindowWeeks"/> — none while the actions are not done.
    /// </summary>
    public static (EffectPeriod Before, EffectPeriod? After) Periods(DateOnly raisedOn, DateOnly? actionsDoneOn, DateOnly today)
    {
        var before = new EffectPeriod(raisedOn.AddDays(-7 * WindowWeeks), WindowWeeks);
        if (actionsDoneOn is not { } done)
            return (before, null);
        return (before, new EffectPeriod(done, Math.Clamp((today.DayNumber - done.DayNumber) / 7, 0, WindowWeeks)));
    }

    /// <summary>Judges a figure's weeks before and after (weeks not given have no answers, or no complaints).</summary>
    /// <param name="after">Null while the measure's actions are not all done.</param>
    public static EffectResult Judge(EffectMetric metric, EffectPeriod before, IEnumerable<EffectWeek> beforeWeeks, EffectPeriod? after, IEnumerable<EffectWeek> afterWeeks)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(beforeWeeks);
        ArgumentNullException.ThrowIfNull(afterWeeks);
        var counts = metric.Kind == EffectMetricKind.ComplaintCount;
        var b = Sample.Of(before, beforeWeeks, counts);
        if (after is null)
            return new EffectResult(metric, EffectStatus.ActionsNotDone, b.Window, null, null, null, false, null);
        var a = Sample.Of(after, afterWeeks, counts);
        double? change = b.Mean is { } x && a.Mean is { } y ? y - x : null;
        EffectDirection? direction = change is not { } c ? null
            : Math.Abs(c) < 0.05 ? EffectDirection.Unchanged
            : c > 0 != metric.LowerIsBetter ? EffectDirection.Improved : EffectDirection.Worsened;
        var rounded = change is { } d ? Math.Round(d, 1) + 0.0 : (double?)null;   // + 0.0: a change that rounds to nothing is 0, not -0
        if (!b.Enough(counts) || !a.Enough(counts))
            return new EffectResult(metric, EffectStatus.NotEnoughData, b.Window, a.Window, rounded, direction, false, null);

        double varianceBefore, varianceAfter;
        if (counts)
        {
            // A window's weekly counts vary at least as Poisson counts at the common rate would.
            var common = (b.Total + a.Total) / (b.Weeks + a.Weeks);
            varianceBefore = Math.Max(b.Spread, common) / b.Weeks;
            varianceAfter = Math.Max(a.Spread, common) / a.Weeks;
        }
        else
            (varianceBefore, varianceAfter) = (b.Spread, a.Spread);
        var p = TwoSidedP(change!.Value, varianceBefore, b.Weeks - 1, varianceAfter, a.Weeks - 1);
        return new EffectResult(metric, EffectStatus.Measured, b.Window, a.Window, rounded, direction, p < Alpha && direction != EffectDirection.Unchanged, Math.Round(p, 4));
    }

    /// <summary>How the judgement is made, in a sentence the page shows under the figures.</summary>
    public static string Method(EffectMetricKind kind, bool english) => kind == EffectMetricKind.ComplaintCount
        ? english
            ? $"How it is judged: the complaints of each week in the {WindowWeeks} weeks before the measure and in the whole weeks since its actions were done (at most {WindowWeeks}); the change in complaints a week is compared with how much the weekly counts vary (at least as much as chance counts would) — Welch's t-test, significant when p < {Alpha.ToString(CultureInfo.InvariantCulture)}. Each side needs at least {MinWeeks} weeks."
            : $"判断方法：统计措施前 {WindowWeeks} 周和行动全部完成后各整周（最多 {WindowWeeks} 周）每周的投诉数，将每周投诉数的变化与各周之间的正常波动（至少按随机计数的波动）比较——韦尔奇 t 检验，p < {Alpha.ToString(CultureInfo.InvariantCulture)} 视为显著。前后各需至少 {MinWeeks} 周。"
        : english
            ? $"How it is judged: the mean score of the answers in the {WindowWeeks} weeks before the measure and in the whole weeks since its actions were done (at most {WindowWeeks}), counted as the satisfaction report counts them; the change is compared with how much the weekly means vary around each side's mean — Welch's t-test with the weeks as observations, significant when p < {Alpha.ToString(CultureInfo.InvariantCulture)}. Each side needs at least {MinWeeks} weeks with answers and {MinAnswers} answers."
            : $"判断方法：按满意度报告的口径，计算措施前 {WindowWeeks} 周和行动全部完成后各整周（最多 {WindowWeeks} 周）回答的平均分；将变化与各周平均分围绕均值的波动比较——以周为观测单位的 韦尔奇 t 检验，p < {Alpha.ToString(CultureInfo.InvariantCulture)} 视为显著。前后各需至少 {MinWeeks} 周有答卷、共 {MinAnswers} 个回答。";

    /// <summary>The figure's unit in a sentence: points (of 100) for a score, complaints a week for a count.</summary>
    public static string Unit(EffectMetricKind kind, bool english) =>
        kind == EffectMetricKind.ComplaintCount ? (english ? "complaints a week" : "件/周") : (english ? "points" : "分");

    /// <summary>
    /// The two-sided p-value of a difference of two means whose squared standard errors are given, on Student's t with the
    /// Welch–Satterthwaite degrees of freedom; when neither varies, 0 for a difference and 1 for none.
    /// </summary>
    public static double TwoSidedP(double difference, double varianceBefore, int dfBefore, double varianceAfter, int dfAfter)
    {
        var variance = varianceBefore + varianceAfter;
        if (variance <= 0)
            return Math.Abs(difference) < 1e-9 ? 1 : 0;
        var df = variance * variance / (Squared(varianceBefore) / Math.Max(1, dfBefore) + Squared(varianceAfter) / Math.Max(1, dfAfter));
        return StudentTwoSidedP(difference / Math.Sqrt(variance), df);
    }

    /// <summary>P(|T| ≥ |t|) for Student's t with <paramref name="df"/> degrees of freedom: the regularized incomplete beta I_{df/(df+t²)}(df/2, 1/2).</summary>
    public static double StudentTwoSidedP(double t, double df)
    {
        if (double.IsInfinity(t))
            return 0;
        return Math.Clamp(RegularizedBeta(df / (df + t * t), df / 2, 0.5), 0, 1);
    }

    private static double Squared(double x) => x * x;

    private static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0)
            return 0;
        if (x >= 1)
            return 1;
        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? front * BetaFraction(x, a, b) / a
            : 1 - front * BetaFraction(1 - x, b, a) / b;
    }

    /// <summary>The continued fraction of the incomplete beta function, evaluated by the modified Lentz method.</summary>
    private static double BetaFraction(double x, double a, double b)
    {
        const double Tiny = 1e-300, Epsilon = 1e-15;
        static double NotZero(double v) => Math.Abs(v) < Tiny ? Tiny : v;
        var c = 1.0;
        var d = 1 / NotZero(1 - (a + b) * x / (a + 1));
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            var even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 / NotZero(1 + even * d);
            c = NotZero(1 + even / c);
            h *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 / NotZero(1 + odd * d);
            c = NotZero(1 + odd / c);
            var step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < Epsilon)
                break;
        }
        return h;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, nine terms: about 15 digits).</summary>
    private static double LogGamma(double x)
    {
        ReadOnlySpan<double> terms = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        if (x < 0.5)
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        var sum = terms[0];
        for (var i = 1; i < terms.Length; i++)
            sum += terms[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>
    /// A window's weeks laid on its period, with what the judgement needs of them: for a score, <see cref="Spread"/> is the
    /// squared standard error of its mean; for a count, the variance of its weekly counts.
    /// </summary>
    private sealed record Sample(EffectWindow Window, double? Mean, double Spread, int Weeks, double Total, int N)
    {
        public bool Enough(bool counts) => Weeks >= MinWeeks && (counts || N >= MinAnswers);

        /// <param name="counts">Every week of the period is an observation (zero when none was given); else only the weeks with answers.</param>
        public static Sample Of(EffectPeriod period, IEnumerable<EffectWeek> given, bool counts)
        {
            var byStart = new Dictionary<DateOnly, EffectWeek>();
            foreach (var week in given)
            {
                if (period.WeekOf(week.Start) is not { } i || period.From.AddDays(7 * i) != week.Start)
                    throw new ArgumentException($"{week.Start:yyyy-MM-dd} does not start a week of {period.From:yyyy-MM-dd}…{period.To:yyyy-MM-dd}.", nameof(given));
                if (week.N < 0 || (week.N > 0 && week.Value is null) || (week.Value is { } value && !double.IsFinite(value)) || !byStart.TryAdd(week.Start, week))
                    throw new ArgumentException($"The week of {week.Start:yyyy-MM-dd} is given twice, or without a value for its {week.N}.", nameof(given));
            }
            var weeks = period.WeekStarts.Select(s => byStart.GetValueOrDefault(s) is { N: > 0 } w ? w : new EffectWeek(s, counts ? 0 : null, 0)).ToList();
            var observed = counts ? weeks : weeks.Where(w => w.N > 0).ToList();
            var n = weeks.Sum(w => w.N);
            double? mean;
            double spread;
            double total;
            if (counts)
            {
                total = weeks.Sum(w => w.Value!.Value);
                mean = weeks.Count == 0 ? null : total / weeks.Count;
                // The weekly counts' sample variance.
                spread = weeks.Count < 2 ? 0 : weeks.Sum(w => Squared(w.Value!.Value - mean!.Value)) / (weeks.Count - 1);
            }
            else
            {
                total = observed.Sum(w => w.Value!.Value * w.N);
                mean = n == 0 ? null : total / n;
                // The squared standard error of the weighted mean with the weeks as the observations.
                spread = observed.Count < 2 ? 0 : (double)observed.Count / (observed.Count - 1) * observed.Sum(w => Squared((double)w.N / n * (w.Value!.Value - mean!.Value)));
            }
            var shown = new EffectWindow(period.From, period.To, mean is { } m ? Math.Round(m, 1) : null, n,
                [.. weeks.Select(w => w with { Value = w.Value is { } v ? Math.Round(v, 1) : null })]);
            return new Sample(shown, mean, spread, observed.Count, total, n);
        }
    }
}
