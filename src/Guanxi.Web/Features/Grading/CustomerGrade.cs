namespace Guanxi.Web.Features.Grading;

/// <summary>
/// A customer's GRD-1 indicators as of the last recompute, computed at <see cref="ComputedAt"/> (a recompute that leaves
/// the figures as they were leaves the row). The rows are the population the last recompute graded: a score, which
/// ranks a customer against everyone else, is worked out from them when it is read (<see cref="GetCustomerGrade"/>),
/// so that a day's orders, which move most scores a little, rewrite only the rows of the customers they concern. A
/// customer who has neither orders (returns count) nor an assessed potential has no row: their indicators are all zero.
/// </summary>
public sealed class CustomerGrade
{
    public Guid CustomerId { get; init; }
    public decimal Amount { get; init; }
    public int Orders { get; init; }
    public decimal Profit { get; init; }
    public decimal RepeatRate { get; init; }
    public int Referrals { get; init; }
    public DateOnly? FirstOrderAt { get; init; }
    public DateOnly? LastOrderAt { get; init; }
    public DateTimeOffset ComputedAt { get; init; }
}
