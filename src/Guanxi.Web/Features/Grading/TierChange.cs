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
    public required string By { get; init; }
}
