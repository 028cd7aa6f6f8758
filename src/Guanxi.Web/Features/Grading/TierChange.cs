using Guanxi.Domain.Grading;

namespace Guanxi.Web.Features.Grading;

/// <summary>GRD-2: one change of a customer's tier, with the score and the reason, and who started the recompute.</summary>
public sealed class TierChange
{
    public long Id { get; init; }
    public Guid CustomerId { get; init; }
    public DateTimeOffset At { get; init; }
    public Tier From { get; init; }
    public Tier To { get; init; }
    public decimal Score { get; init; }
    public required string Reason { get; init; }
    public required string ReasonEn { get; init; }
    /// <summary>Who (<see cref="Domain.Common.Actor"/>): a staff id or the system's, with why when it was not their own act.</summary>
    public required string ById { get; init; }
    public Domain.Common.ActorCause? ByCause { get; init; }
    /// <summary>What an older version stored for who it was when no member of staff has that name (migration ActorsById).</summary>
    public string? ByText { get; init; }
}
