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
        var keyQuery = context.Set<CustomerKey>().Where(k => ids.Contains(k.CustomerId));
        var entryQuery = context.Set<CustomerSearchEntry>().Where(e => ids.Contains(e.CustomerId));
        var (keys, entries) = ids.Count == 0 ? ([], [])
            : sync ? (keyQuery.ToList(), entryQuery.ToList())
            : (await keyQuery.ToListAsync(cancellationToken), await entryQuery.ToListAsync(cancellationToken));
        var keysOf = keys.ToLookup(k => k.CustomerId);
        var entryOf = entries.ToDictionary(e => e.CustomerId);
        foreach (var customer in changed)
        {
            var wanted = CustomerKeys.Of(customer);
            var existing = keysOf[customer.Id].ToList();
            context.RemoveRange(existing.Where(k => !wanted.Contains(k.Key)));
            var have = existing.Select(k => k.Key).ToHashSet();
            context.AddRange(wanted.Where(k => !have.Contains(k)).Select(k => new CustomerKey { Key = k, CustomerId = customer.Id }));

            var text = CustomerKeys.Text(customer);
            var entry = entryOf.GetValueOrDefault(customer.Id);
            if (text is null && entry is not null)
                context.Remove(entry);
            else if (text is not null)
            {
                if (entry is null)
                    context.Add(entry = new CustomerSearchEntry { CustomerId = customer.Id });
                (entry.Name, entry.Organization, entry.Text) = (CustomerKeys.Fold(customer.Name), CustomerKeys.Fold(customer.Organization), text);
            }
        }
    }
}
