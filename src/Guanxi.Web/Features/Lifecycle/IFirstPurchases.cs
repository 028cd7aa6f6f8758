namespace Guanxi.Web.Features.Lifecycle;

/// <summary>
/// LIF-3: the day of each customer's first purchase, for the churn report's cohorts — a figure the nightly grading keeps
/// (Features/Grading registers it), read here without knowing grading.
/// </summary>
public interface IFirstPurchases
{
    /// <summary>A query on the request's context, which the report's own query takes in.</summary>
    IQueryable<FirstPurchase> All { get; }
}

public sealed class FirstPurchase
{
    public Guid CustomerId { get; init; }
    public DateOnly? On { get; init; }
}
