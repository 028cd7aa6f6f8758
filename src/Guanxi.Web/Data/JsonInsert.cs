using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Data;

/// <summary>
/// <c>INSERT INTO table (columns) SELECT … FROM</c> the elements of one JSON array parameter, each element an array of
/// the row's provider values in column order (SQLite: <c>json_each</c>; PostgreSQL: <c>json_array_elements</c>, with
/// casts to the column types). A generated key is left to the database; a computed column's SQL is made from the other
/// columns' values in the row.
/// </summary>
public sealed class JsonInsert : IAsyncDisposable
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
