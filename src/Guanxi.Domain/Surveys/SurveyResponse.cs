using Guanxi.Domain.Common;

namespace Guanxi.Domain.Surveys;

/// <summary>One answer as given: the question's id and the value (a number, a graded word, 是/否, or text).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(AnswerJson))]
public sealed record Answer(string QuestionId, string? Value);

/// <summary>
/// A questionnaire as filled in (SAT-7), tied to the version it was given on (SAT-8), or an invalid one with its reason
/// (SAT-5). Its scores are worked out once, from 0 to 100 (SAT-13): the mean of the item questions, the overall question,
/// the willingness to recommend (0–10), and the hidden-problem flag when the overall score is far below the items'.
/// </summary>
public sealed class SurveyResponse
{
    public const int MaxCommentLength = 1000;

    private List<Answer> answers = [];

#pragma warning disable CS8618 // set by EF Core when loading, by Answered or Invalid when created
    private SurveyResponse()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public SurveyMethod Method { get; private set; }
    public Guid? VersionId { get; private set; }
    public IReadOnlyList<Answer> Answers => answers;
    public string? Comment { get; private set; }
    public SurveyOutcome Outcome { get; private set; }
    public string? Note { get; private set; }
    public double? ItemScore { get; private set; }
    public double? OverallScore { get; private set; }
    public int? Recommend { get; private set; }
    public bool HiddenProblem { get; private set; }
    public DateOnly RespondedOn { get; private set; }
    public DateTimeOffset RespondedAt { get; private set; }
    /// <summary>Who recorded it (<see cref="Actor"/>): the member of staff, the system for an answer by link; with the cause for an import.</summary>
    public string RecordedById { get; private set; }
    public ActorCause? RecordedByCause { get; private set; }
    /// <summary>What an older version stored for who recorded it when no member of staff has that name (migration ActorsById).</summary>
    public string? RecordedByText { get; private set; }

    /// <summary>The program (SAT-15/16) whose survey this answers, as its task's: null for the routine surveys the reports count.</summary>
    public Guid? ProgramId { get; internal set; }

    /// <summary>Superseded by a later response within the window (SAT-9): kept, but no longer counted.</summary>
    public Guid? SupersededBy { get; private set; }

    /// <param name="hiddenGap">SAT-13: how many points (of 100) the overall score must fall below the items' mean to flag a hidden problem.</param>
    public static Result<SurveyResponse> Answered(Guid taskId, SurveyMethod method, QuestionnaireVersion version, IReadOnlyList<Answer>? given, string? comment,
        double hiddenGap, Actor by, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(version);
        given ??= [];
        var errors = new List<Error>();
        var scores = new Dictionary<string, double?>(StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < given.Count; i++)
        {
            var question = version.Questions.FirstOrDefault(q => q.Id == given[i].QuestionId);
            if (question is null || answered.Contains(question.Id))
            {
                errors.Add(SurveyErrors.UnknownQuestion with { Field = $"answers[{i}].questionId" });
                continue;
            }
            if (string.IsNullOrWhiteSpace(given[i].Value))
                continue;
            answered.Add(question.Id);
            var score = question.Score(given[i].Value);
            if (score.Succeeded)
                scores[question.Id] = score.Value;
            else
                errors.AddRange(score.Errors.Select(e => e with { Field = $"answers[{i}].value" }));
        }
        foreach (var missing in version.Questions.Where(q => q.Required && !answered.Contains(q.Id)))
            errors.Add(SurveyErrors.AnswerRequired with { Field = $"answers.{missing.Id}" });
        if (comment?.Trim().Length > MaxCommentLength)
            errors.Add(SurveyErrors.AnswerTooLong with { Field = "comment" });
        if (errors.Count > 0)
            return Result<SurveyResponse>.Fail([.. errors]);

        var items = version.Questions.Where(q => q.Dimension is not (Dimension.Overall or Dimension.Recommendation) && scores.GetValueOrDefault(q.Id) is not null)
            .Select(q => scores[q.Id]!.Value).ToList();
        var overall = version.Questions.Where(q => q.Dimension == Dimension.Overall).Select(q => scores.GetValueOrDefault(q.Id)).FirstOrDefault();
        var recommend = version.Questions.Where(q => q.Dimension == Dimension.Recommendation).Select(q => scores.GetValueOrDefault(q.Id)).FirstOrDefault();
        double? itemScore = items.Count > 0 ? items.Average() : null;
        // The questionnaire's own free-text question is the customer's comment unless one was written besides.
        if (string.IsNullOrWhiteSpace(comment))
            comment = string.Join("；", given.Where(a => !string.IsNullOrWhiteSpace(a.Value) && version.Questions.Any(q => q.Id == a.QuestionId && q.Scale == AnswerScale.Text)).Select(a => a.Value!.Trim()));
        return new SurveyResponse
        {
            Id = Guid.CreateVersion7(), TaskId = taskId, Method = method, VersionId = version.Id, Outcome = SurveyOutcome.Completed,
            answers = [.. given.Where(a => !string.IsNullOrWhiteSpace(a.Value)).Select(a => a with { Value = a.Value!.Trim() })],
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            ItemScore = itemScore, OverallScore = overall, Recommend = recommend is { } r ? (int)Math.Round(r / 10) : null,
            HiddenProblem = overall is { } o && itemScore is { } m && m - o >= hiddenGap,
            RespondedOn = today, RespondedAt = now, RecordedById = by.Id, RecordedByCause = by.Cause,
        };
    }

    /// <summary>SAT-5: an invalid questionnaire — incomplete, unreachable (blank) or a false archive — with what happened.</summary>
    public static Result<SurveyResponse> Invalid(Guid taskId, SurveyMethod method, SurveyOutcome reason, string? note, Actor by, DateOnly today, DateTimeOffset now)
    {
        if (reason is SurveyOutcome.Pending or SurveyOutcome.Completed)
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not an invalid outcome.");
        if (string.IsNullOrWhiteSpace(note))
            return SurveyErrors.InvalidNeedsNote;
        if (note.Trim().Length > SurveyTask.MaxNoteLength)
            return SurveyErrors.NoteTooLong;
        return new SurveyResponse { Id = Guid.CreateVersion7(), TaskId = taskId, Method = method, Outcome = reason, Note = note.Trim(), RespondedOn = today, RespondedAt = now, RecordedById = by.Id, RecordedByCause = by.Cause };
    }

    public void SupersedeWith(SurveyResponse later)
    {
        ArgumentNullException.ThrowIfNull(later);
        SupersededBy = later.Id;
    }
}
