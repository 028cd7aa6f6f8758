using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Writes the customers an import creates without the change tracker, which cannot carry a million rows: the customer
/// row, one history row saying which file and row it came from (ARC-3), its search entry and keys. Each table gets one
/// statement per batch, <c>INSERT … SELECT</c> over the rows of a single JSON parameter, so the cost per row is the
/// database's own work, not a statement's round trip and the binding of its parameters. Tables, columns, conversions and
/// column types come from the EF model, so the rows are the ones SaveChanges would write.
/// </summary>
public sealed class CustomerBulkWriter : IAsyncDisposable
{
    private readonly BulkInsert customers, history, entries, keys;
    private readonly GuanxiDbContext db;
    private readonly CurrentUser user;
    private readonly TimeProvider time;

    public CustomerBulkWriter(GuanxiDbContext db, CurrentUser user, TimeProvider time)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk write belongs in the import's transaction.");
        customers = new BulkInsert(db, typeof(Customer), connection, transaction);
        history = new BulkInsert(db, typeof(AuditEntry), connection, transaction);
        entries = new BulkInsert(db, typeof(CustomerSearchEntry), connection, transaction);
        // A key's entry is found by its customer (a unique index): the entries' ids are the database's to give.
        keys = new BulkInsert(db, typeof(CustomerKey), connection, transaction, (nameof(CustomerKey.SearchId), valueOf =>
            $"(SELECT s.{Quote(db, "Id")} FROM {Quote(db, "CustomerSearch")} s WHERE s.{Quote(db, "CustomerId")} = {valueOf(nameof(CustomerKey.CustomerId))})"));
        (this.db, this.user, this.time) = (db, user, time);
    }

    /// <summary>New customers with where each came from ("customers.csv #12"), as one change.</summary>
    public async Task Write(IReadOnlyList<(Customer Customer, string Source)> created, CancellationToken cancellationToken)
    {
        if (created.Count == 0)
            return;
        var change = History.Change(user, time.GetUtcNow());
        var found = new List<CustomerSearchEntry>(created.Count);
        var batchKeys = new List<CustomerKey>();
        foreach (var (customer, _) in created)
        {
            var entry = new CustomerSearchEntry();
            if (!entry.Fill(customer, db))
                continue;
            found.Add(entry);
            batchKeys.AddRange(CustomerKey.Of(customer, db).Select(k => new CustomerKey { Key = k.Key, Weight = k.Weight, CustomerId = customer.Id }));
        }
        await customers.Run(created.Select(c => c.Customer), cancellationToken);
        await history.Run(created.Select(c => change.Inserted(nameof(Customer), c.Customer.Id, History.Imported, c.Source)), cancellationToken);
        await entries.Run(found, cancellationToken);
        await keys.Run(batchKeys.OrderBy(k => k.Key, StringComparer.Ordinal), cancellationToken);   // in index order: neighbouring pages, not random ones
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in new[] { customers, history, entries, keys })
            await insert.DisposeAsync();
    }

    private static string Quote(GuanxiDbContext db, string name) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(name);
}
