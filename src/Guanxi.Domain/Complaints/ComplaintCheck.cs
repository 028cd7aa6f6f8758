using Guanxi.Domain.Surveys;

namespace Guanxi.Domain.Complaints;

/// <summary>
/// SVC-2: the satisfaction check of a handled complaint, as the survey engine answers it (the 投诉处理回访 questionnaire:
/// overall satisfaction with the handling, whether the problem is really solved, speed, attitude, a comment). The customer
/// is satisfied when the overall score reaches the engine's threshold (<see cref="SatisfactionTally.SatisfiedFrom"/>: 8 of
/// 10) and the problem is not said to be unsolved; a questionnaire that did not reach the customer decides nothing.
/// </summary>
public static class ComplaintCheck
{
    /// <summary>The question "is the problem really solved?" (yes/no) of the complaint follow-up questionnaire.</summary>
    public const string SolvedQuestionId = "solved";

    /// <summary>Satisfied, not satisfied, or null for an invalid questionnaire (unreachable, incomplete, false archive).</summary>
    public static bool? Verdict(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Outcome != SurveyOutcome.Completed)
            return null;
        return Solved(response.Answers) != false && response.OverallScore >= SatisfactionTally.SatisfiedFrom;
    }

    /// <summary>Whether the customer said the problem is really solved: yes, no, or null when not asked or not answered.</summary>
    public static bool? Solved(IEnumerable<Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.FirstOrDefault(a => a.QuestionId == SolvedQuestionId)?.Value?.Trim() switch
        {
            "是" or "yes" => true,
            "否" or "no" => false,
            _ => null,
        };
    }
}
