using Guanxi.Domain.Lifecycle;

namespace Guanxi.Web.Features.Lifecycle;

/// <summary>
/// LIF-1: one change of a customer's lifecycle stage, when it took effect (the order, or the day inactivity passed the
/// limit), why, and who caused it. A churn carries the reason the owner records for it (LIF-3).
/// </summary>
public sealed class StageChange
{
    public long Id { get; init; }
    public Guid CustomerId { get; init; }
    public DateTimeOffset At { get; init; }
    public LifecycleStage From { get; init; }
    public LifecycleStage To { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public required string Reason { get; init; }
    public required string ReasonEn { get; init; }
    public required string By { get; init; }
    public ChurnReason? ChurnReason { get; set; }
    public string? ChurnNote { get; set; }
    public string? ChurnRecordedBy { get; set; }
}
