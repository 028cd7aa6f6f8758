using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Orders;

/// <summary>ARC-2: a merge moves the merged customers' orders, and the orders they referred, to the survivor; each move is in the order's history.</summary>
public sealed class MoveOrders(GuanxiDbContext db) : ICustomerMergeStep
{
    public async Task MoveAsync(IReadOnlyList<Guid> mergedIds, Guid survivorId, CancellationToken cancellationToken)
    {
        foreach (var order in await db.Set<Order>().Where(o => mergedIds.Contains(o.CustomerId)).ToListAsync(cancellationToken))
            order.MoveTo(survivorId);
        foreach (var order in await db.Set<Order>().Where(o => o.ReferrerId != null && mergedIds.Contains(o.ReferrerId.Value)).ToListAsync(cancellationToken))
            order.ReferredBy(survivorId);
    }
}
