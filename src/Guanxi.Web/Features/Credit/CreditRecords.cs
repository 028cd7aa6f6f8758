using Guanxi.Domain.Credit;

namespace Guanxi.Web.Features.Credit;

/// <summary>ARC-5: a customer's payment record as of the last evaluation, and why the rules gave their level (<see cref="Domain.Customers.Customer.CreditComputed"/>).</summary>
public sealed class CustomerCredit
{
    public Guid CustomerId { get; init; }
    public int Due { get; set; }
    public int OnTime { get; set; }
    public decimal OverdueAmount { get; set; }
    public int OverdueDays { get; set; }
    public required string Reason { get; set; }
    public required string ReasonEn { get; set; }
    public DateTimeOffset EvaluatedAt { get; set; }
}

/// <summary>ARC-5: one change of a customer's credit level — by the rules or by hand — with the reason and who made it.</summary>
public sealed class CreditChange
{
    public long Id { get; init; }
    public Guid CustomerId { get; init; }
    public DateTimeOffset At { get; init; }
    public CreditLevel From { get; init; }
    public CreditLevel To { get; init; }
    public bool Manual { get; init; }
    public required string Reason { get; init; }
    public required string ReasonEn { get; init; }
    public required string By { get; init; }
}
