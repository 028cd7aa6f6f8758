using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Credit;

namespace Guanxi.Web.Features.Watchlists;

/// <summary>ARC-7: the watch lists as the credit and tier alerts ask for them — the biggest customers and the risky ones.</summary>
public sealed class WatchedCustomers(GuanxiDbContext db) : IWatchedCustomers
{
    public int BigSize => Watchlists.BigSize;

    public Task<HashSet<Guid>> Big(CancellationToken cancellationToken) => Watchlists.BigIds(db, cancellationToken);

    public IQueryable<Customer> Risky(IQueryable<Customer> customers) => Watchlists.Risky(db, customers);
}
