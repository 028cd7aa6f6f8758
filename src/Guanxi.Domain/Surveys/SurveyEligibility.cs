using System.Globalization;

namespace Guanxi.Domain.Surveys;

/// <summary>How a survey of a customer ended, or that it has not yet (SAT-5's invalid questionnaires among them).</summary>
public enum SurveyOutcome
{
    Pending,
    Completed,

    /// <summary>Invalid: the customer was reached but did not finish.</summary>
    Incomplete,

    /// <summary>Invalid: blank, the customer could not be reached.</summary>
    Unreachable,

    /// <summary>Invalid: the archive was false — wrong contact, not the real customer.</summary>
    FalseArchive,
}

/// <summary>A survey of the customer already on record: the day it was made (for a pending one, the day its window opens) and how it ended.</summary>
public readonly record struct PastSurvey(DateOnly On, SurveyOutcome Outcome)
{
    /// <summary>SAT-4: a survey that reached the customer, or may still — completed, incomplete, pending. Not one that never reached them.</summary>
    public bool Reached => Outcome is SurveyOutcome.Completed or SurveyOutcome.Incomplete or SurveyOutcome.Pending;
}

public enum ExclusionReason
{
    TradeCustomer,
    SurveyedWithinYear,
    NotSampled,
}

/// <summary>Why a delivery or service job gets no survey task, recorded with it (SAT-1, SAT-3, SAT-4).</summary>
public sealed record SurveyExclusion(ExclusionReason Reason, DateOnly? SurveyedOn = null)
{
    public string Chinese => Reason switch
    {
        ExclusionReason.TradeCustomer => "经销商客户，不在满意度调查范围",
        ExclusionReason.SurveyedWithinYear => $"已于 {SurveyedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 接受调查，12 个月内不再调查",
        _ => "本月售后服务抽样未抽中",
    };

    public string English => Reason switch
    {
        ExclusionReason.TradeCustomer => "Trade customer: not surveyed",
        ExclusionReason.SurveyedWithinYear => $"Surveyed on {SurveyedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: not again within 12 months",
        _ => "Not drawn in this month's after-sales sample",
    };
}

/// <summary>SAT-1 and SAT-4: whether a customer may be surveyed in a window opening on a given day.</summary>
public static class SurveyEligibility
{
    /// <summary>At most one survey in any 12 months: 365 days either side of a survey that reached the customer.</summary>
    public const int RepeatDays = 365;

    /// <returns>Null when the customer may be surveyed; otherwise why not.</returns>
    public static SurveyExclusion? Check(bool tradeCustomer, IEnumerable<PastSurvey> surveys, DateOnly opens)
    {
        if (tradeCustomer)
            return new SurveyExclusion(ExclusionReason.TradeCustomer);
        var blocking = surveys.Where(s => s.Reached && Math.Abs(opens.DayNumber - s.On.DayNumber) < RepeatDays).Select(s => (DateOnly?)s.On).Max();
        return blocking is { } on ? new SurveyExclusion(ExclusionReason.SurveyedWithinYear, on) : null;
    }
}
