namespace Guanxi.Domain.Surveys;

/// <summary>A question's mean score (0–100) over the responses that answered it.</summary>
public sealed record QuestionScore(string Id, string Text, string? TextEn, Dimension Dimension, double Score, int Answers);

/// <summary>A dimension's mean score (0–100) over every answer of its questions.</summary>
public sealed record DimensionScore(Dimension Dimension, double Score, int Answers);

/// <summary>SAT-14: where a satisfaction index stands against the completion value (e.g. 80) and the target (e.g. 90).</summary>
public enum TargetStatus
{
    Below,
    CompletionValue,
    Target,
}

public sealed record SatisfactionTargets(double CompletionValue, double Target)
{
    public static SatisfactionTargets Default { get; } = new(80, 90);

    public TargetStatus Of(double index) => index >= Target ? TargetStatus.Target : index >= CompletionValue ? TargetStatus.CompletionValue : TargetStatus.Below;
}

/// <summary>
/// SAT-13: the measures of a set of completed, counted responses — the satisfaction index (the mean overall score,
/// 0–100), the satisfaction rate (overall 75 or more: 4 of 5, 8 of 10), NPS (promoters 9–10 less detractors 0–6, in
/// points), the mean of each question and dimension, and the hidden problems (overall far below the items).
/// </summary>
public sealed class SatisfactionTally
{
    public const double SatisfiedFrom = 75;

    private readonly Dictionary<string, (Question Question, double Sum, int Count)> questions = new(StringComparer.Ordinal);
    private readonly Dictionary<Dimension, (double Sum, int Count)> dimensions = [];
    private double overallSum;
    private int overallCount, satisfied, recommendCount, promoters, detractors;

    public int Responses { get; private set; }
    public int HiddenProblems { get; private set; }

    public void Add(QuestionnaireVersion version, SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(response);
        Responses++;
        if (response.HiddenProblem)
            HiddenProblems++;
        if (response.OverallScore is { } overall)
        {
            (overallSum, overallCount) = (overallSum + overall, overallCount + 1);
            if (overall >= SatisfiedFrom)
                satisfied++;
        }
        if (response.Recommend is { } r)
        {
            recommendCount++;
            if (r >= 9)
                promoters++;
            else if (r <= 6)
                detractors++;
        }
        foreach (var answer in response.Answers)
        {
            if (version.Questions.FirstOrDefault(q => q.Id == answer.QuestionId) is not { } question || question.Score(answer.Value).Value is not { } score)
                continue;
            var (_, sum, count) = questions.GetValueOrDefault(question.Id, (question, 0, 0));
            questions[question.Id] = (question, sum + score, count + 1);   // the latest wording seen
            if (question.Dimension is Dimension.Overall or Dimension.Recommendation)
                continue;
            var (dSum, dCount) = dimensions.GetValueOrDefault(question.Dimension);
            dimensions[question.Dimension] = (dSum + score, dCount + 1);
        }
    }

    public double? Index => overallCount == 0 ? null : Math.Round(overallSum / overallCount, 1);

    public double? SatisfiedRate => overallCount == 0 ? null : Math.Round(100d * satisfied / overallCount, 1);

    public double? Nps => recommendCount == 0 ? null : Math.Round(100d * (promoters - detractors) / recommendCount, 1);

    public IReadOnlyList<QuestionScore> Questions =>
        [.. questions.Values.Select(q => new QuestionScore(q.Question.Id, q.Question.Text, q.Question.TextEn, q.Question.Dimension, Math.Round(q.Sum / q.Count, 1), q.Count))];

    public IReadOnlyList<DimensionScore> Dimensions =>
        [.. dimensions.OrderBy(d => d.Key).Select(d => new DimensionScore(d.Key, Math.Round(d.Value.Sum / d.Value.Count, 1), d.Value.Count))];
}
