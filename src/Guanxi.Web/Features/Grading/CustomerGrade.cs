namespace Guanxi.Web.Features.Grading;

/// <summary>
/// A customer's GRD-1 indicators and score as of the last recompute, computed at <see cref="ComputedAt"/> (a recompute
/// that leaves the figures as they were leaves the row). A customer who
/// has neither orders (returns count) nor an assessed potential has no row: their indicators are all zero.
/// </summary>
public sealed class CustomerGrade
{
    public Guid CustomerId { get; init; }
    public decimal Score { get; init; }
    public decimal Amount { get; init; }
    public int Orders { get; init; }
    public decimal Profit { get; init; }
    public decimal RepeatRate { get; init; }
    public int Referrals { get; init; }
    public DateOnly? FirstOrderAt { get; init; }
    public DateOnly? LastOrderAt { get; init; }
    public DateTimeOffset ComputedAt { get; init; }
}
