using System.Globalization;
using Guanxi.Domain.Common;

namespace Guanxi.Domain.Surveys;

public enum QuestionnaireKind
{
    Sales,
    AfterSales,

    /// <summary>SAT-15: a customer opinion card of 5–10 questions with graded answers, no forced signature.</summary>
    OpinionCard,
    Custom,
}

/// <summary>SAT-13: the SERVQUAL dimensions, the enterprise's own image points, and the two summary questions.</summary>
public enum Dimension
{
    Reliability,
    Responsiveness,
    Assurance,
    Empathy,
    Tangibles,

    /// <summary>The brand's image-analysis points (SAT-8) beyond SERVQUAL.</summary>
    Image,

    /// <summary>The one overall-satisfaction question.</summary>
    Overall,

    /// <summary>The one willingness-to-recommend question, 0–10 (NPS).</summary>
    Recommendation,
}

public enum AnswerScale
{
    OneToFive,
    OneToTen,
    ZeroToTen,

    /// <summary>差 / 一般 / 好 / 很好 (poor, fair, good, very good).</summary>
    Words,
    YesNo,
    Text,
}

/// <summary>A question of a questionnaire version; its id stays the same across versions when the question does.</summary>
public sealed record Question(string Id, string Text, string? TextEn, Dimension Dimension, AnswerScale Scale, bool Required = true)
{
    public const int MaxTextLength = 200;
    public const int MaxIdLength = 40;
    public static readonly IReadOnlyList<string> Words = ["差", "一般", "好", "很好"];

    /// <summary>An answer as a score from 0 to 100, or null for free text; an error when the value does not fit the scale.</summary>
    public Result<double?> Score(string? value)
    {
        var v = value?.Trim() ?? "";
        if (Scale == AnswerScale.Text)
            return v.Length <= 1000 ? (double?)null : SurveyErrors.AnswerTooLong;
        int n;
        return Scale switch
        {
            AnswerScale.OneToFive when int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n is >= 1 and <= 5 => (n - 1) * 25d,
            AnswerScale.OneToTen when int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n is >= 1 and <= 10 => (n - 1) * 100d / 9,
            AnswerScale.ZeroToTen when int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n is >= 0 and <= 10 => n * 10d,
            AnswerScale.Words when Words.ToList().IndexOf(v) is var i and >= 0 => i * 100d / 3,
            AnswerScale.YesNo when v is "是" or "yes" => 100d,
            AnswerScale.YesNo when v is "否" or "no" => 0d,
            _ => SurveyErrors.AnswerOutOfScale,
        };
    }
}

/// <summary>A questionnaire: sales, after-sales, an opinion card or a custom one. Its content lives in its versions.</summary>
public sealed class Questionnaire
{
#pragma warning disable CS8618 // set by EF Core when loading, by Create when created
    private Questionnaire()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public QuestionnaireKind Kind { get; private set; }
    public string Name { get; private set; }
    public string NameEn { get; private set; }

    public static Questionnaire Create(QuestionnaireKind kind, string name, string nameEn) => new() { Id = Guid.CreateVersion7(), Kind = kind, Name = name, NameEn = nameEn };
}

/// <summary>
/// SAT-8: one version of a questionnaire's questions, in effect from a Monday until the next version's. Every answer
/// stays tied to the version it was given on; versions never change once saved.
/// </summary>
public sealed class QuestionnaireVersion
{
    public const int MaxQuestions = 50;

    private List<Question> questions = [];

#pragma warning disable CS8618 // set by EF Core when loading, by Create when created
    private QuestionnaireVersion()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid QuestionnaireId { get; private set; }
    public int Number { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public IReadOnlyList<Question> Questions => questions;
    public DateTimeOffset CreatedAt { get; private set; }

    public static Result<QuestionnaireVersion> Create(Guid questionnaireId, int number, QuestionnaireKind kind, IReadOnlyList<Question>? questions, DateOnly effectiveFrom, DateTimeOffset now)
    {
        var errors = Validate(kind, questions);
        return errors.Count > 0
            ? Result<QuestionnaireVersion>.Fail([.. errors])
            : new QuestionnaireVersion { Id = Guid.CreateVersion7(), QuestionnaireId = questionnaireId, Number = number, EffectiveFrom = effectiveFrom, questions = [.. questions!], CreatedAt = now };
    }

    /// <summary>
    /// Ids unique and present, texts given, one overall-satisfaction question on a scale that scores; sales and after-sales
    /// questionnaires also ask the willingness to recommend on 0–10; an opinion card has 5–10 questions with graded words.
    /// </summary>
    /// <summary>SAT-8: of a questionnaire's versions, the one in effect on the day — the latest to have taken effect; null before the first.</summary>
    public static QuestionnaireVersion? InEffect(IEnumerable<QuestionnaireVersion> versions, DateOnly day) =>
        versions.Where(v => v.EffectiveFrom <= day).MaxBy(v => (v.EffectiveFrom, v.Number));

    public static IReadOnlyList<Error> Validate(QuestionnaireKind kind, IReadOnlyList<Question>? questions)
    {
        if (questions is null || questions.Count == 0 || questions.Count > MaxQuestions)
            return [SurveyErrors.QuestionCount];
        var errors = new List<Error>();
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            if (string.IsNullOrWhiteSpace(q.Id) || q.Id.Length > Question.MaxIdLength || questions.Take(i).Any(p => p.Id == q.Id))
                errors.Add(SurveyErrors.QuestionId with { Field = $"questions[{i}].id" });
            if (string.IsNullOrWhiteSpace(q.Text) || q.Text.Length > Question.MaxTextLength || q.TextEn?.Length > Question.MaxTextLength)
                errors.Add(SurveyErrors.QuestionText with { Field = $"questions[{i}].text" });
        }
        var overall = questions.Where(q => q.Dimension == Dimension.Overall).ToList();
        if (overall.Count != 1 || overall[0].Scale == AnswerScale.Text)
            errors.Add(SurveyErrors.OneOverall);
        var recommend = questions.Where(q => q.Dimension == Dimension.Recommendation).ToList();
        if (recommend.Count > 1 || recommend.Any(q => q.Scale != AnswerScale.ZeroToTen) || (recommend.Count == 0 && kind is QuestionnaireKind.Sales or QuestionnaireKind.AfterSales))
            errors.Add(SurveyErrors.OneRecommendation);
        if (kind == QuestionnaireKind.OpinionCard && (questions.Count is < 5 or > 10 || questions.Any(q => q.Scale is not (AnswerScale.Words or AnswerScale.Text))))
            errors.Add(SurveyErrors.OpinionCard);
        return errors;
    }
}
