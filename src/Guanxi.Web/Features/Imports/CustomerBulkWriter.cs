using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
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
    private readonly JsonInsert customers, history, entries, keys;
    private readonly GuanxiDbContext db;
    private readonly CurrentUser user;
    private readonly TimeProvider time;

    public CustomerBulkWriter(GuanxiDbContext db, CurrentUser user, TimeProvider time)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk write belongs in the import's transaction.");
        customers = new JsonInsert(db, typeof(Customer), connection, transaction);
        history = new JsonInsert(db, typeof(AuditEntry), connection, transaction);
        entries = new JsonInsert(db, typeof(CustomerSearchEntry), connection, transaction);
        // A key's entry is found by its customer (a unique index): the entries' ids are the database's to give.
        keys = new JsonInsert(db, typeof(CustomerKey), connection, transaction, (nameof(CustomerKey.SearchId), valueOf =>
            $"(SELECT s.{Quote(db, "Id")} FROM {Quote(db, "CustomerSearch")} s WHERE s.{Quote(db, "CustomerId")} = {valueOf(nameof(CustomerKey.CustomerId))})"));
        (this.db, this.user, this.time) = (db, user, time);
    }

    /// <summary>New customers with where each came from ("customers.csv #12"), as one change.</summary>
    public async Task Write(IReadOnlyList<(Customer Customer, string Source)> created, CancellationToken cancellationToken)
    {
        if (created.Count == 0)
            return;
        var (change, at) = (Guid.CreateVersion7(), time.GetUtcNow());
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
        await history.Run(created.Select(c => new AuditEntry
        {
            ChangeId = change, At = at, UserId = user.Id, UserName = user.DisplayName, Entity = nameof(Customer), Key = c.Customer.Id.ToString(),
            Action = AuditAction.Insert, Field = "Imported", NewValue = c.Source,
        }), cancellationToken);
        await entries.Run(found, cancellationToken);
        await keys.Run(batchKeys.OrderBy(k => k.Key, StringComparer.Ordinal), cancellationToken);   // in index order: neighbouring pages, not random ones
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in new[] { customers, history, entries, keys })
            await insert.DisposeAsync();
    }

    private static string Quote(GuanxiDbContext db, string name) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(name);

    /// <summary>
    /// <c>INSERT INTO table (columns) SELECT … FROM</c> the elements of one JSON array parameter, each element an array of
    /// the row's provider values in column order (SQLite: <c>json_each</c>; PostgreSQL: <c>json_array_elements</c>, with
    /// casts to the column types). A generated key is left to the database; a computed column's SQL is made from the other
    /// columns' values in the row.
    /// </summary>
    private sealed class JsonInsert : IAsyncDisposable
    {
        private readonly (IClrPropertyGetter Getter, Func<object?, object?> ToProvider)[] values;
        private readonly DbCommand command;
        private readonly DbParameter rows;
        private readonly bool sqlite;

        public JsonInsert(GuanxiDbContext db, Type type, DbConnection connection, DbTransaction transaction,
            (string Property, Func<Func<string, string>, string> Sql)? computed = null)
        {
            sqlite = db.Database.IsSqlite();
            var entity = db.Model.FindEntityType(type)!;
            var properties = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long))).ToList();
            var stored = properties.Where(p => p.Name != computed?.Property).ToList();
            string Value(IProperty p) => sqlite ? $"value ->> {stored.IndexOf(p)}" : $"CAST(value ->> {stored.IndexOf(p)} AS {p.GetColumnType()})";
            string Column(IProperty p) => p.Name == computed?.Property ? computed.Value.Sql(name => Value(stored.Single(s => s.Name == name))) : Value(p);
            values = [.. stored.Select(p => (p.GetGetter(), Converter(p)))];
            command = connection.CreateCommand();
            command.Transaction = transaction;
            rows = command.CreateParameter();
            rows.ParameterName = "@rows";
            rows.DbType = System.Data.DbType.String;
            command.Parameters.Add(rows);
            var sql = db.GetService<ISqlGenerationHelper>();
            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())))}) " +
                $"SELECT {string.Join(", ", properties.Select(Column))} " +
                (sqlite ? "FROM json_each(@rows)" : "FROM json_array_elements(CAST(@rows AS json)) AS r(value)");
        }

        private static Func<object?, object?> Converter(IProperty property) =>
            property.GetTypeMapping().Converter is { } converter ? v => v is null ? null : converter.ConvertToProvider(v) : v => v;

        public async Task Run(IEnumerable<object> items, CancellationToken cancellationToken)
        {
            var buffer = new ArrayBufferWriter<byte>(64 * 1024);
            var count = 0;
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartArray();
                foreach (var item in items)
                {
                    json.WriteStartArray();
                    foreach (var (getter, toProvider) in values)
                        WriteValue(json, toProvider(getter.GetClrValue(item)));
                    json.WriteEndArray();
                    count++;
                }
                json.WriteEndArray();
            }
            if (count == 0)
                return;
            rows.Value = Encoding.UTF8.GetString(buffer.WrittenSpan);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        /// <summary>A provider value as the database stores it: SQLite keeps a Guid as upper-case text, a date as yyyy-MM-dd; PostgreSQL times to the microsecond.</summary>
        private void WriteValue(Utf8JsonWriter json, object? value)
        {
            switch (value)
            {
                case null: json.WriteNullValue(); break;
                case string s: json.WriteStringValue(s); break;
                case bool b: json.WriteBooleanValue(b); break;
                case int i: json.WriteNumberValue(i); break;
                case long l: json.WriteNumberValue(l); break;
                case double d: json.WriteNumberValue(d); break;
                case decimal m: json.WriteNumberValue(m); break;
                case Guid g: json.WriteStringValue(sqlite ? g.ToString().ToUpperInvariant() : g.ToString()); break;
                case DateOnly date: json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                case DateTimeOffset at: json.WriteStringValue(at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture)); break;   // microseconds, cut as Npgsql cuts them
                default: throw new NotSupportedException($"A bulk write cannot store a {value.GetType().Name} yet.");
            }
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}
