using Guanxi.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// Keeps the search entry and keys of every customer a SaveChanges adds or changes in step with it, in the same
/// transaction — whichever handler made the change. Bulk imports write them alongside with the same <see cref="CustomerKeys"/>.
/// </summary>
public sealed class CustomerSearchInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
            SyncAsync(context, sync: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
            await SyncAsync(context, sync: false, cancellationToken);
        return result;
    }

    private static async ValueTask SyncAsync(DbContext context, bool sync, CancellationToken cancellationToken)
    {
        context.ChangeTracker.DetectChanges();
        var changed = context.ChangeTracker.Entries<Customer>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity).ToList();
        if (changed.Count == 0)
            return;
        var ids = changed.Where(c => context.Entry(c).State == EntityState.Modified).Select(c => c.Id).ToList();
        var entryQuery = context.Set<CustomerSearchEntry>().Where(e => ids.Contains(e.CustomerId));
        var entries = ids.Count == 0 ? [] : sync ? entryQuery.ToList() : await entryQuery.ToListAsync(cancellationToken);
        var searchIds = entries.Select(e => e.Id).ToList();   // then their keys, by the SearchId index
        var keyQuery = context.Set<CustomerKey>().Where(k => searchIds.Contains(k.SearchId));
        var keys = searchIds.Count == 0 ? [] : sync ? keyQuery.ToList() : await keyQuery.ToListAsync(cancellationToken);
        var entryOf = entries.ToDictionary(e => e.CustomerId);
        var keysOf = keys.ToLookup(k => k.SearchId);
        foreach (var customer in changed)
        {
            var entry = entryOf.GetValueOrDefault(customer.Id);
            var existing = entry is null ? [] : keysOf[entry.Id].ToList();
            var fresh = new CustomerSearchEntry();
            if (!fresh.Fill(customer, context))   // merged or erased: found by nobody
            {
                context.RemoveRange(existing);
                if (entry is not null)
                    context.Remove(entry);
                continue;
            }
            if (entry is null)
                context.Add(entry = fresh);
            else
                entry.Fill(customer, context);

            var wanted = CustomerKey.Of(customer, context).ToHashSet();
            context.RemoveRange(existing.Where(k => !wanted.Contains((k.Key, k.Weight))));
            wanted.ExceptWith(existing.Select(k => (k.Key, k.Weight)));
            context.AddRange(wanted.Select(k => new CustomerKey { Key = k.Key, Weight = k.Weight, CustomerId = customer.Id, Entry = entry }));
        }
    }
}
