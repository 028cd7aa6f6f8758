using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

/// <summary>
/// ARC-2: a merge gives the survivor, per channel and kind, the newest word any of the merged customers gave (a customer's
/// latest word is their word), with every change of their consent history; and their messages, except one that the survivor
/// also received for the same occasion or send (it stays with the merged record, in its history).
/// </summary>
public sealed class MoveConsentsAndMessages(GuanxiDbContext db) : ICustomerMergeStep
{
    public async Task MoveAsync(IReadOnlyList<Guid> mergedIds, Guid survivorId, CancellationToken cancellationToken)
    {
        var consents = await db.Set<Consent>().Where(c => c.CustomerId == survivorId || mergedIds.Contains(c.CustomerId)).ToListAsync(cancellationToken);
        foreach (var words in consents.GroupBy(c => (c.Channel, c.Kind)))
        {
            var newest = words.OrderByDescending(c => c.At).ThenBy(c => c.CustomerId == survivorId ? 0 : 1).First();
            foreach (var other in words.Where(c => c != newest))
                db.Remove(other);
            if (newest.CustomerId != survivorId)
            {
                await db.SaveChangesAsync(cancellationToken);   // the survivor's older word goes before the newest takes its place
                newest.MoveTo(survivorId);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<ConsentChange>().Where(c => mergedIds.Contains(c.CustomerId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, survivorId), cancellationToken);
        var keyed = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => (m.CustomerId == survivorId || mergedIds.Contains(m.CustomerId)) && m.DedupeKey != null)
            .Select(m => new { m.Id, m.CustomerId, m.Channel, m.DedupeKey, m.CreatedAt })
            .ToListAsync(cancellationToken);
        var staying = keyed.GroupBy(m => (m.Channel, m.DedupeKey))
            .SelectMany(g => g.OrderBy(m => m.CustomerId == survivorId ? 0 : 1).ThenBy(m => m.CreatedAt).Skip(1))
            .Select(m => m.Id).ToHashSet();
        await db.Set<OutboxMessage>().Where(m => mergedIds.Contains(m.CustomerId) && !staying.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CustomerId, survivorId), cancellationToken);
    }
}
