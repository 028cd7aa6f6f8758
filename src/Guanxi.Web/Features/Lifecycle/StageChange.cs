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
    /// <summary>Who (<see cref="Domain.Common.Actor"/>): a staff id or the system's, with why when it was not their own act.</summary>
    public required string ById { get; init; }
    public Domain.Common.ActorCause? ByCause { get; init; }
    /// <summary>What an older version stored for who it was when no member of staff has that name (migration ActorsById).</summary>
    public string? ByText { get; init; }
    public ChurnReason? ChurnReason { get; set; }
    public string? ChurnNote { get; set; }
    public string? ChurnRecordedById { get; set; }
    /// <summary>What an older version stored for who it was when no member of staff has that name (migration ActorsById).</summary>
    public string? ChurnRecordedByText { get; set; }
}
