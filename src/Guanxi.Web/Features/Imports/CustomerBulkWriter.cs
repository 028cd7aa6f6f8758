using System.Data.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Writes the customers an import creates without the change tracker, which cannot carry a million rows: the customer
/// row, one history row saying which file and row it came from (ARC-3), its search entry and keys — by prepared commands
/// of one row each (SQLite binds parameters by name, so a statement of many rows binds slower than many statements) in
/// the import's transaction. Tables, columns, conversions and parameter types come from the EF model, so the rows are
/// the ones SaveChanges would write.
/// </summary>
public sealed class CustomerBulkWriter : IAsyncDisposable
{
    private readonly Insert customers, history, entries, keys;
    private readonly GuanxiDbContext db;
    private readonly CurrentUser user;
    private readonly TimeProvider time;

    public CustomerBulkWriter(GuanxiDbContext db, CurrentUser user, TimeProvider time)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk write belongs in the import's transaction.");
        customers = new Insert(db, typeof(Customer), connection, transaction);
        history = new Insert(db, typeof(AuditEntry), connection, transaction);
        entries = new Insert(db, typeof(CustomerSearchEntry), connection, transaction);
        keys = new Insert(db, typeof(CustomerKey), connection, transaction);
        (this.db, this.user, this.time) = (db, user, time);
    }

    /// <summary>New customers with where each came from ("customers.csv #12"), as one change.</summary>
    public async Task Write(IReadOnlyList<(Customer Customer, string Source)> created, CancellationToken cancellationToken)
    {
        var (change, at) = (Guid.CreateVersion7(), time.GetUtcNow());
        var batchKeys = new List<CustomerKey>();
        foreach (var (customer, source) in created)
        {
            await customers.Run(customer, cancellationToken);
            await history.Run(new AuditEntry
            {
                ChangeId = change, At = at, UserId = user.Id, UserName = user.DisplayName, Entity = nameof(Customer), Key = customer.Id.ToString(),
                Action = AuditAction.Insert, Field = "Imported", NewValue = source,
            }, cancellationToken);
            var entry = new CustomerSearchEntry();
            if (!entry.Fill(customer, db))
                continue;
            var searchId = Convert.ToInt64(await entries.Run(entry, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            batchKeys.AddRange(CustomerKey.Of(customer, db).Select(k => new CustomerKey { Key = k.Key, Weight = k.Weight, SearchId = searchId, CustomerId = customer.Id }));
        }
        foreach (var key in batchKeys.OrderBy(k => k.Key, StringComparer.Ordinal))   // in index order: neighbouring pages, not random ones
            await keys.Run(key, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in new[] { customers, history, entries, keys })
            await insert.DisposeAsync();
    }

    /// <summary>A prepared INSERT of an entity type's columns, one row at a time; a generated long key is left to the database and returned.</summary>
    private sealed class Insert(GuanxiDbContext db, Type type, DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        private readonly IEntityType entity = db.Model.FindEntityType(type)!;
        private readonly ISqlGenerationHelper sql = db.GetService<ISqlGenerationHelper>();
        private (DbCommand Command, Column[] Columns)? statement;

        private sealed record Column(IClrPropertyGetter Getter, DbParameter Parameter, ValueConverter? Converter);

        private IProperty? Generated => entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && key.ClrType == typeof(long) ? key : null;

        public async Task<object?> Run(object row, CancellationToken cancellationToken)
        {
            var (command, columns) = statement ??= Prepare();
            foreach (var (getter, parameter, converter) in columns)
            {
                var value = getter.GetClrValue(row);
                parameter.Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }
            return Generated is null ? await command.ExecuteNonQueryAsync(cancellationToken) : await command.ExecuteScalarAsync(cancellationToken);
        }

        private (DbCommand, Column[]) Prepare()
        {
            var generated = Generated;
            var properties = entity.GetProperties().Where(p => p != generated).ToList();
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var columns = new List<Column>();
            foreach (var property in properties)
            {
                var mapping = property.GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(command, $"@p{columns.Count}", null, property.IsNullable);
                command.Parameters.Add(parameter);
                columns.Add(new Column(property.GetGetter(), parameter, mapping.Converter));
            }
            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())))}) " +
                $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter.ParameterName))})" + (generated is null ? "" : $" RETURNING {sql.DelimitIdentifier(generated.GetColumnName())}");
            return (command, [.. columns]);
        }

        public async ValueTask DisposeAsync()
        {
            if (statement is { } prepared)
                await prepared.Command.DisposeAsync();
        }
    }
}
