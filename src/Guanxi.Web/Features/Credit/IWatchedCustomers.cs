using Guanxi.Domain.Customers;

namespace Guanxi.Web.Features.Credit;

/// <summary>
/// ARC-7: who the watch lists watch, so that a change of credit (or of tier) of a watched customer is told to the owner.
/// The watch lists keep it and register it (Features/Watchlists); Credit and Grading ask without knowing them.
/// </summary>
public interface IWatchedCustomers
{
    /// <summary>How many of the biggest customers are watched.</summary>
    int BigSize { get; }

    /// <summary>The firm's biggest customers now.</summary>
    Task<HashSet<Guid>> Big(CancellationToken cancellationToken);

    /// <summary>The risky among <paramref name="customers"/>.</summary>
    IQueryable<Customer> Risky(IQueryable<Customer> customers);
}
