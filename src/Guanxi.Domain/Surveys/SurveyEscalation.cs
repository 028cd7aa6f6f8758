namespace Guanxi.Domain.Surveys;

/// <summary>Who a problem goes to at once (SAT-11): the customer-service manager, and past the second threshold the executive VP too.</summary>
public enum EscalationLevel
{
    CustomerServiceManager,
    ExecutiveVp,
}

public enum SurveyProblemKind
{
    /// <summary>A response whose overall score is very low.</summary>
    LowOverall,

    /// <summary>The same question scored low again and again in a department's responses within a week.</summary>
    RepeatedLowQuestion,
}

/// <summary>
/// SAT-11's thresholds, on the 0–100 scale of the scores. An overall score at or below <see cref="LowOverall"/> (4 of
/// 10) alerts the customer-service manager, at or below <see cref="VeryLowOverall"/> (2 of 10) the VP as well. An item
/// at or below <see cref="LowItem"/> (2 of 5, a "no") is low; the same question low in <see cref="Repeats"/> responses
/// of one department within seven days alerts the manager, in <see cref="RepeatsForVp"/> the VP.
/// </summary>
public sealed record EscalationPolicy(double LowOverall = 35, double VeryLowOverall = 12, double LowItem = 25, int Repeats = 3, int RepeatsForVp = 5)
{
    public const int WeekDays = 7;
}

/// <summary>A problem to raise: what, to whom, and for a repeated question which one and how often this week.</summary>
public sealed record Escalation(SurveyProblemKind Kind, EscalationLevel Level, string? QuestionId, int Count);

/// <summary>SAT-11: major or frequent problems are escalated at once.</summary>
public static class SurveyEscalation
{
    /// <summary>The questions this response scored low (the count of the week includes it).</summary>
    public static IReadOnlyList<string> LowQuestions(SurveyResponse response, QuestionnaireVersion version, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(policy);
        return [.. response.Answers.Select(a => (Answer: a, Question: version.Questions.FirstOrDefault(q => q.Id == a.QuestionId)))
            .Where(x => x.Question is { Dimension: not (Dimension.Overall or Dimension.Recommendation) } && x.Question.Score(x.Answer.Value).Value is { } s && s <= policy.LowItem)
            .Select(x => x.Answer.QuestionId)];
    }

    /// <param name="lowThisWeek">For each question this response scored low: how many of the department's responses scored it low in the last seven days, this one included.</param>
    /// <param name="raisedThisWeek">The repeated-question problems already raised for the department in those seven days, by question and level: not raised twice.</param>
    public static IReadOnlyList<Escalation> Assess(SurveyResponse response, IReadOnlyDictionary<string, int> lowThisWeek, IReadOnlySet<(string QuestionId, EscalationLevel Level)> raisedThisWeek, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(lowThisWeek);
        ArgumentNullException.ThrowIfNull(raisedThisWeek);
        ArgumentNullException.ThrowIfNull(policy);
        var raised = new List<Escalation>();
        if (response.Outcome != SurveyOutcome.Completed)
            return raised;
        if (response.OverallScore is { } overall && overall <= policy.LowOverall)
            raised.Add(new Escalation(SurveyProblemKind.LowOverall, overall <= policy.VeryLowOverall ? EscalationLevel.ExecutiveVp : EscalationLevel.CustomerServiceManager, null, 1));
        foreach (var (question, count) in lowThisWeek.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            var level = count >= policy.RepeatsForVp ? EscalationLevel.ExecutiveVp : count >= policy.Repeats ? EscalationLevel.CustomerServiceManager : (EscalationLevel?)null;
            if (level is { } l && !raisedThisWeek.Contains((question, l)))
                raised.Add(new Escalation(SurveyProblemKind.RepeatedLowQuestion, l, question, count));
        }
        return raised;
    }
}

/// <summary>
/// SAT-11, CAPA-1: a problem a survey revealed, recorded when it was escalated; the improvement-measure capability takes it
/// up (cause analysis, measure, acceptance).
/// </summary>
public sealed class SurveyProblem
{
    public const int MaxDescriptionLength = 500;

#pragma warning disable CS8618 // set by EF Core when loading, by Raise when created
    private SurveyProblem()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public SurveyProblemKind Kind { get; private set; }
    public EscalationLevel Level { get; private set; }
    public Guid TaskId { get; private set; }
    public Guid ResponseId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string? QuestionId { get; private set; }

    /// <summary>What happened, in words: the question and its scores, or the overall score and the customer's comment.</summary>
    public string Description { get; private set; }
    public int Count { get; private set; }
    public DateOnly RaisedOn { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }

    public static SurveyProblem Raise(Escalation escalation, Guid taskId, Guid responseId, Guid departmentId, string description, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        return new SurveyProblem
        {
            Id = Guid.CreateVersion7(), Kind = escalation.Kind, Level = escalation.Level, TaskId = taskId, ResponseId = responseId, DepartmentId = departmentId,
            QuestionId = escalation.QuestionId, Count = escalation.Count, RaisedOn = today, RaisedAt = now,
            Description = description.Length > MaxDescriptionLength ? description[..MaxDescriptionLength] : description,
        };
    }
}
