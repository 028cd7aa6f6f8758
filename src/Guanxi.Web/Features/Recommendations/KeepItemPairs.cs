using Guanxi.Domain.Orders;
using Guanxi.Domain.Recommendations;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Guanxi.Web.Features.Recommendations;

/// <summary>
/// SVC-6, "customers who bought X also bought Y": once a night, reads every order's item names customer by customer (in
/// customer order, returns left out), counts each item's buyers and each pair's (<see cref="CoOccurrence"/>), and replaces
/// the <see cref="ItemPair"/> table by the pairs the thresholds keep (at least the minimum count of customers who bought
/// both, a lift of at least the minimum; at most 20 per item, the highest lift first), in one transaction. A customer's
/// read is then one lookup of the pairs of the items they bought.
/// </summary>
public sealed class KeepItemPairs(GuanxiDbContext db, EnterpriseSettings settings, TimeProvider time)
{
    /// <returns>How many pairs are kept.</returns>
    public async Task<int> Handle(CancellationToken cancellationToken = default)
    {
        var policy = await RecommendationSettings.Current(settings, cancellationToken);
        var counts = new CoOccurrence();
        var (customer, items) = ((Guid?)null, new List<string>());
        await foreach (var order in db.Set<Order>().AsNoTracking().Where(o => o.Amount >= 0).OrderBy(o => o.CustomerId)
                           .Select(o => new { o.CustomerId, o.Items }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (order.CustomerId != customer)
            {
                counts.Add(items);
                (customer, items) = (order.CustomerId, []);
            }
            items.AddRange(order.Items.Select(i => i.Name));
        }
        counts.Add(items);
        var now = time.GetUtcNow();
        var pairs = counts.Pairs(policy).Select(p => ItemPair.Of(p, now)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<ItemPair>().ExecuteDeleteAsync(cancellationToken);
        foreach (var chunk in pairs.Chunk(1000))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        return pairs.Count;
    }
}

/// <summary>Counts the item pairs every night (Recommendations:PairsCron, 03:40).</summary>
[DisallowConcurrentExecution]
public sealed class ItemPairsJob(KeepItemPairs keep) : IJob
{
    public static readonly JobKey Key = new("recommendations.pairs");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await keep.Handle(cancellationToken);
}
