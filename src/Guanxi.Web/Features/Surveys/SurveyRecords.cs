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
    public string By { get; set; } = "";
}
