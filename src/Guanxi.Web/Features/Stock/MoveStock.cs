using Guanxi.Domain.Stock;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Stock;

/// <summary>
/// ARC-2: a merge moves the merged customers' stock counts and sell-through proposals to the survivor. A product the
/// survivor (or another merged customer) also counted on the same day keeps the count already moved or the survivor's own:
/// one count of a product a day.
/// </summary>
public sealed class MoveStock(GuanxiDbContext db) : ICustomerMergeStep
{
    public async Task MoveAsync(IReadOnlyList<Guid> mergedIds, Guid survivorId, CancellationToken cancellationToken)
    {
        var moving = await db.Set<StockCount>().Where(s => mergedIds.Contains(s.CustomerId)).OrderByDescending(s => s.RecordedAt).ToListAsync(cancellationToken);
        if (moving.Count > 0)
        {
            var kept = (await db.Set<StockCount>().AsNoTracking().Where(s => s.CustomerId == survivorId).Select(s => new { s.Product, s.CountedOn }).ToListAsync(cancellationToken))
                .Select(s => (s.Product.ToUpperInvariant(), s.CountedOn)).ToHashSet();
            foreach (var count in moving)
            {
                if (kept.Add((count.Product.ToUpperInvariant(), count.CountedOn)))
                    count.MoveTo(survivorId);
                else
                    db.Remove(count);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await db.Set<StockProposal>().Where(p => mergedIds.Contains(p.CustomerId)).ExecuteUpdateAsync(s => s.SetProperty(p => p.CustomerId, survivorId), cancellationToken);
    }
}
