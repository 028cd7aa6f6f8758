using Guanxi.Domain.Credit;

namespace Guanxi.Web.Features.Credit;

/// <summary>
/// ARC-5: a customer's payment record as the last evaluation that changed it left it (<see cref="EvaluatedAt"/>). The
/// overdue is kept as the day it began, so that a record stands while days pass: its days, and the rules' reason for
/// <see cref="Domain.Customers.Customer.CreditComputed"/>, are worked out when it is read.
/// </summary>
public sealed class CustomerCredit
{
    public Guid CustomerId { get; init; }
    public int Due { get; set; }
    public int OnTime { get; set; }
    public decimal OverdueAmount { get; set; }
    public DateOnly? OverdueSince { get; set; }
    public DateTimeOffset EvaluatedAt { get; set; }

    public PaymentRecord On(DateOnly today) => PaymentRecord.Stored(Due, OnTime, OverdueAmount, OverdueSince, today);
}

/// <summary>ARC-5: one change of a customer's credit level — by the rules or by hand — with the reason and who made it.</summary>
public sealed class CreditChange
{
    public long Id { get; init; }
    public Guid CustomerId { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The level before and after; null: not rated (a first rating comes from null, ARC-5).</summary>
    public CreditLevel? From { get; init; }
    public CreditLevel? To { get; init; }
    public bool Manual { get; init; }
    public required string Reason { get; init; }
    public required string ReasonEn { get; init; }
    /// <summary>Who (<see cref="Domain.Common.Actor"/>): a staff id or the system's, with why when it was not their own act.</summary>
    public required string ById { get; init; }
    public Domain.Common.ActorCause? ByCause { get; init; }
    /// <summary>What an older version stored for who it was when no member of staff has that name (migration ActorsById).</summary>
    public string? ByText { get; init; }
}
