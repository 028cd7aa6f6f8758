using Guanxi.Domain.Surveys;

namespace Guanxi.Web.Features.Surveys;

/// <summary>A delivery or service job that got no survey task, with why (SAT-1, SAT-3, SAT-4): one per order, decided once.</summary>
public sealed class SurveyExclusionRecord
{
    public Guid OrderId { get; set; }
    public SurveyKind Kind { get; set; }
    public Guid CustomerId { get; set; }
    public DateOnly DeliveredOn { get; set; }
    public DateOnly DecidedOn { get; set; }
    public ExclusionReason Reason { get; set; }
    public DateOnly? SurveyedOn { get; set; }
}

/// <summary>A call that gave no questionnaire (no answer, busy, wrong number, refused, call back at …), logged with its task.</summary>
public sealed class SurveyAttempt
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public AttemptResult Result { get; set; }
    public DateTimeOffset? CallBackAt { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The id of who called (<see cref="Domain.Common.Actor"/>).</summary>
    public string ById { get; set; } = "";
    /// <summary>What an older version stored for who it was when no member of staff has that name (migration ActorsById).</summary>
    public string? ByText { get; set; }
}

/// <summary>
/// SAT-10, SAT-12: when a satisfaction report was first generated (by its job at the due time, or on demand), whether that
/// was late, and — for a monthly report — when it was published to the departments (SAT-6: answers leave customer service then).
/// </summary>
public sealed class SatisfactionReportRun
{
    public Guid Id { get; set; }
    public ReportKind Kind { get; set; }
    public string Period { get; set; } = "";
    public DateOnly Due { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    public DateOnly GeneratedOn { get; set; }
    public bool Late { get; set; }
    /// <summary>Who generated it (<see cref="Domain.Common.Actor"/>): the system on schedule, or a member of staff.</summary>
    public string GeneratedById { get; set; } = "";
    public Domain.Common.ActorCause? GeneratedByCause { get; set; }
    /// <summary>What an older version stored for who it was when no member of staff has that name (migration ActorsById).</summary>
    public string? GeneratedByText { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? PublishedById { get; set; }
    /// <summary>What an older version stored for who it was when no member of staff has that name (migration ActorsById).</summary>
    public string? PublishedByText { get; set; }
}
