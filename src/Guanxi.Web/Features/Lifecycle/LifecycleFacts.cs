using Guanxi.Domain.Customers;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Lifecycle;

/// <summary>An active customer, their recorded stage, who owns them, and their purchases as LIF-1 reads them.</summary>
public readonly record struct LifecycleFact(Guid Id, LifecycleStage Stage, string OwnerId, Guid DepartmentId, PurchaseHistory History);

/// <summary>One aggregate over the orders (returns aside) grouped by customer: for everyone nightly, for a few after their orders are written.</summary>
public static class LifecycleFacts
{
    public static async Task<List<LifecycleFact>> Read(GuanxiDbContext db, LifecyclePolicy policy, DateOnly today, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken)
    {
        var recent = today.AddMonths(-policy.LoyalMonths);
        var customers = db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active);
        var orders = db.Set<Order>().AsNoTracking().Where(o => o.Amount > 0 && o.OrderedAt <= today);
        if (only is not null)
        {
            customers = customers.Where(c => only.Contains(c.Id));
            orders = orders.Where(o => only.Contains(o.CustomerId));
        }
        var purchases = await orders.GroupBy(o => o.CustomerId)
            .Select(g => new
            {
                g.Key,
                Orders = g.Count(),
                First = g.Min(o => o.OrderedAt),
                Last = g.Max(o => o.OrderedAt),
                Recent = g.Count(o => o.OrderedAt > recent),
                Delivered = g.Max(o => o.DeliveredAt ?? o.OrderedAt),
            })
            .ToDictionaryAsync(p => p.Key, cancellationToken);
        var people = await customers.Select(c => new { c.Id, c.Stage, c.OwnerId, c.DepartmentId }).ToListAsync(cancellationToken);
        return [.. people.Select(c => new LifecycleFact(c.Id, c.Stage, c.OwnerId, c.DepartmentId, purchases.TryGetValue(c.Id, out var p)
            ? new PurchaseHistory(p.Orders, p.First, p.Last, p.Recent, p.Delivered)
            : new PurchaseHistory(0, null, null, 0)))];
    }
}
