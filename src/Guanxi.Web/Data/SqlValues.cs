using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Guanxi.Web.Data;

/// <summary>
/// Reading and binding values in hand-written SQL the way the model stores them: money in cents and dates as
/// yyyy-MM-dd text on SQLite, numeric and date on PostgreSQL.
/// </summary>
public readonly record struct SqlValues(bool Sqlite)
{
    public decimal Money(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0m : Sqlite ? reader.GetInt64(ordinal) / 100m : reader.GetDecimal(ordinal);

    public DateOnly? Date(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : Sqlite ? DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : reader.GetFieldValue<DateOnly>(ordinal);

    public object Date(DateOnly date) => Sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;

    public object Money(decimal amount) => Sqlite ? (long)Math.Round(amount * 100m) : amount;

    public object Id(Guid id) => Sqlite ? id.ToString().ToUpperInvariant() : id;

    /// <summary>SQL for an order's profit: amount less cost, or <c>@margin</c> of the amount (rounded to the cent) when the cost is unknown.</summary>
    public string Profit(string alias) => Sqlite
        ? $"CASE WHEN {alias}.\"Cost\" IS NULL THEN CAST(ROUND({alias}.\"Amount\" * @margin) AS INTEGER) ELSE {alias}.\"Amount\" - {alias}.\"Cost\" END"
        : $"CASE WHEN {alias}.\"Cost\" IS NULL THEN ROUND({alias}.\"Amount\" * @margin, 2) ELSE {alias}.\"Amount\" - {alias}.\"Cost\" END";

    /// <summary>SQL testing <paramref name="column"/> against a list of ids, bound as one parameter (JSON text on SQLite, where ids are upper-case text; an array on PostgreSQL).</summary>
    public string In(DbCommand command, string column, IReadOnlyCollection<Guid> ids)
    {
        if (!Sqlite)
        {
            Parameter(command, "@ids", ids.ToArray());
            return $"{column} = ANY(@ids)";
        }
        Parameter(command, "@ids", JsonSerializer.Serialize(ids.Select(id => id.ToString().ToUpperInvariant())));
        return $"{column} IN (SELECT value FROM json_each(@ids))";
    }

    public static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
