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
/// in the import's transaction. Tables, columns, conversions and parameter types come from the EF model, so the rows
/// are the ones SaveChanges would write.
/// </summary>
public sealed class CustomerBulkWriter : IAsyncDisposable
{
    private readonly Insert customers, history, entries, keys;
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
        keys = new Insert(db, typeof(CustomerKey), connection, transaction, rowsPerStatement: 200);
        (this.user, this.time) = (user, time);
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
            if (!entry.Fill(customer))
                continue;
            var searchId = Convert.ToInt64(await entries.Run(entry, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            batchKeys.AddRange(CustomerKey.Of(customer).Select(k => new CustomerKey { Key = k.Key, Weight = k.Weight, SearchId = searchId, CustomerId = customer.Id }));
        }
        foreach (var key in batchKeys.OrderBy(k => k.Key, StringComparer.Ordinal))   // in index order: neighbouring pages, not random ones
            await keys.Add(key, cancellationToken);
        await keys.Flush(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in new[] { customers, history, entries, keys })
            await insert.DisposeAsync();
    }

    /// <summary>
    /// Prepared INSERTs of an entity type's columns: one row at a time (<see cref="Run"/>: a generated long key is left
    /// to the database and returned), or <see cref="Add"/>ed rows a statement of many at a time.
    /// </summary>
    private sealed class Insert(GuanxiDbContext db, Type type, DbConnection connection, DbTransaction transaction, int rowsPerStatement = 1) : IAsyncDisposable
    {
        private readonly IEntityType entity = db.Model.FindEntityType(type)!;
        private readonly ISqlGenerationHelper sql = db.GetService<ISqlGenerationHelper>();
        private readonly Dictionary<int, (DbCommand Command, Column[] Columns)> statements = [];
        private readonly List<object> buffer = new(rowsPerStatement);

        private sealed record Column(IClrPropertyGetter Getter, DbParameter Parameter, ValueConverter? Converter);

        private IProperty? Generated => entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && key.ClrType == typeof(long) ? key : null;

        public async Task<object?> Run(object row, CancellationToken cancellationToken)
        {
            var command = Bind([row]);
            return Generated is null ? await command.ExecuteNonQueryAsync(cancellationToken) : await command.ExecuteScalarAsync(cancellationToken);
        }

        public async Task Add(object row, CancellationToken cancellationToken)
        {
            buffer.Add(row);
            if (buffer.Count == rowsPerStatement)
                await Flush(cancellationToken);
        }

        public async Task Flush(CancellationToken cancellationToken)
        {
            if (buffer.Count == 0)
                return;
            await Bind(buffer).ExecuteNonQueryAsync(cancellationToken);
            buffer.Clear();
        }

        private DbCommand Bind(List<object> rows)
        {
            if (!statements.TryGetValue(rows.Count, out var statement))
                statements[rows.Count] = statement = Prepare(rows.Count);
            var (command, columns) = statement;
            var perRow = columns.Length / rows.Count;
            for (var i = 0; i < columns.Length; i++)
            {
                var (getter, parameter, converter) = columns[i];
                var value = getter.GetClrValue(rows[i / perRow]);
                parameter.Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }
            return command;
        }

        private (DbCommand, Column[]) Prepare(int rows)
        {
            var generated = Generated;
            var properties = entity.GetProperties().Where(p => p != generated).ToList();
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var columns = new List<Column>();
            var values = new List<string>();
            for (var r = 0; r < rows; r++)
            {
                var names = new List<string>();
                foreach (var property in properties)
                {
                    var mapping = property.GetRelationalTypeMapping();
                    var parameter = mapping.CreateParameter(command, $"@p{columns.Count}", null, property.IsNullable);
                    command.Parameters.Add(parameter);
                    columns.Add(new Column(property.GetGetter(), parameter, mapping.Converter));
                    names.Add(parameter.ParameterName);
                }
                values.Add($"({string.Join(", ", names)})");
            }
            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())))}) " +
                $"VALUES {string.Join(", ", values)}" + (generated is null ? "" : $" RETURNING {sql.DelimitIdentifier(generated.GetColumnName())}");
            return (command, [.. columns]);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var (command, _) in statements.Values)
                await command.DisposeAsync();
        }
    }
}
