using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Stock;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Stock;

/// <summary>A product a distributor holds: its latest count, the reading of all its counts and our deliveries, and the open proposal's task.</summary>
public sealed record ProductStock(Guid CustomerId, StockCount Latest, StockReading Reading, Guid? OpenTaskId);

/// <summary>
/// SVC-10: reads distributors' stock — every count of the customers asked for, and our deliveries to them (the items of
/// their sale orders with the product's name, on the day delivered, else ordered) since their first count — and gives each
/// product's reading by <see cref="StockPolicy.Read"/>, with the task of its open sell-through proposal, if any. Used by
/// the customer's 库存 tab, the slow-stock report and the night, so that all three say the same.
/// </summary>
public sealed class StockReadings(GuanxiDbContext db)
{
    /// <summary>The products of the customers <paramref name="customers"/> selects, by customer, each customer's products by name.</summary>
    public async Task<List<ProductStock>> Of(IQueryable<Guid> customers, StockPolicy policy, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var counts = await db.Set<StockCount>().AsNoTracking().Where(s => customers.Contains(s.CustomerId))
            .OrderBy(s => s.CustomerId).ThenBy(s => s.CountedOn).ToListAsync(cancellationToken);
        if (counts.Count == 0)
            return [];
        var since = counts.Min(s => s.CountedOn);
        var orders = await db.Set<Order>().AsNoTracking()
            .Where(o => o.Kind == OrderKind.Sale && customers.Contains(o.CustomerId) && (o.DeliveredAt ?? o.OrderedAt) > since)
            .Select(o => new { o.CustomerId, On = o.DeliveredAt ?? o.OrderedAt, o.Items }).ToListAsync(cancellationToken);
        var deliveries = orders.SelectMany(o => o.Items.Select(i => (o.CustomerId, Product: StockCount.Clean(i.Name), Delivery: new StockDelivery(o.On, i.Quantity))))
            .ToLookup(d => (d.CustomerId, d.Product.ToUpperInvariant()), d => d.Delivery);
        var open = (await db.Set<StockProposal>().AsNoTracking().Where(p => customers.Contains(p.CustomerId))
                .Join(db.Set<CustomerTask>().Where(t => t.DoneAt == null), p => p.TaskId, t => t.Id, (p, t) => new { p.CustomerId, p.Product, p.TaskId })
                .ToListAsync(cancellationToken))
            .GroupBy(p => (p.CustomerId, p.Product.ToUpperInvariant())).ToDictionary(g => g.Key, g => g.First().TaskId);

        var stock = new List<ProductStock>();
        foreach (var product in counts.GroupBy(s => (s.CustomerId, Key: s.Product.ToUpperInvariant())))
        {
            var levels = product.Select(s => new StockLevel(s.CountedOn, s.Quantity)).ToList();
            var reading = policy.Read(levels, deliveries[product.Key], today)!;
            stock.Add(new ProductStock(product.Key.CustomerId, product.MaxBy(s => s.CountedOn)!, reading,
                open.TryGetValue(product.Key, out var task) ? task : null));
        }
        return stock;
    }

    /// <summary>The active distributors (trade customers) of a department, or of every department (null).</summary>
    public IQueryable<Guid> Distributors(Guid? departmentId) =>
        db.Set<Customer>().Where(c => c.TradeCustomer && c.Status == CustomerStatus.Active && (departmentId == null || c.DepartmentId == departmentId)).Select(c => c.Id);
}
