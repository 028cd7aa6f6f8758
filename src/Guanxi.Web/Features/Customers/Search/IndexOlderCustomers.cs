using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// Databases made before the search index (migration SearchGroupsMerge) kept their customers without search entries,
/// and with an empty text where the contacts list belongs. Migration RepairOlderCustomers mends the contacts; this gives
/// every findable customer without an entry its entry and keys, the way a save would — once, in the start-up that
/// applies that migration.
/// </summary>
public sealed class IndexOlderCustomers : IMigrationStep
{
    public const string Migration = "RepairOlderCustomers";
    private const int Batch = 1000;

    public bool Due(IEnumerable<string> pendingMigrations) => pendingMigrations.Any(m => m.EndsWith("_" + Migration, StringComparison.Ordinal));

    Task IMigrationStep.Run(GuanxiDbContext db, CancellationToken cancellationToken) => Run(db, cancellationToken);

    public static async Task<int> Run(GuanxiDbContext db, CancellationToken cancellationToken)
    {
        var indexed = 0;
        while (true)
        {
            var customers = await db.Set<Customer>().AsNoTracking()
                .Where(c => (c.Status == CustomerStatus.Active || c.Status == CustomerStatus.Archived)
                    && !db.Set<CustomerSearchEntry>().Any(e => e.CustomerId == c.Id))
                .Take(Batch).ToListAsync(cancellationToken);
            foreach (var customer in customers)
            {
                var entry = new CustomerSearchEntry();
                entry.Fill(customer, db);
                db.Add(entry);
                db.AddRange(CustomerKey.Of(customer, db).Select(k => new CustomerKey { Key = k.Key, Weight = k.Weight, CustomerId = customer.Id, Entry = entry }));
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            indexed += customers.Count;
            if (customers.Count < Batch)
                return indexed;
        }
    }
}
