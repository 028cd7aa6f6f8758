using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Grading;

/// <summary>One group of one dimension as the database counted it (key null: not recorded).</summary>
public sealed record StructurePart(string? Key, int Count, decimal Amount, decimal Profit);

/// <summary>
/// GRD-5's counting, in one statement: each customer's amount, profit and orders of the period (a) — the grading
/// period's, as the last recompute left them in CustomerGrades (read through its key, not copied), or summed from the
/// orders of a chosen period — the
/// latest sale's product per customer (p, through the index on the order kind), both joined to the active customers once
/// (b, materialised), then b grouped by each dimension. Nothing but the groups leaves the database.
/// </summary>
public static class StructureFacts
{
    public static async Task<Dictionary<StructureDimension, List<StructurePart>>> Read(
        GuanxiDbContext db, decimal margin, DateOnly from, DateOnly to, bool fromGrades, Guid? department, CancellationToken cancellationToken)
    {
        var values = new SqlValues(db.Database.IsSqlite());
        string Json(string column, string path) => values.Sqlite ? $"json_extract({column}, '$[0].{path}')" : $"({column}::jsonb -> 0 ->> '{path}')";
        var day = values.Sqlite ? "o.\"OrderedAt\"" : "to_char(o.\"OrderedAt\", 'YYYY-MM-DD')";
        // The latest sale without sorting: the greatest "yyyy-MM-dd|product" per customer, cut after the date.
        var latest = $"MAX({day} || '|' || COALESCE(o.\"VehicleModel\", {Json("o.\"Items\"", "name")}, ''))";
        string By(StructureDimension dimension, string column) =>
            $"SELECT '{dimension}', b.{column}, COUNT(*), SUM(b.amount), SUM(b.profit) FROM b GROUP BY b.{column}";
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandTimeout = 0;
            var period = fromGrades
                ? """SELECT g."CustomerId" AS id, g."Amount" AS amount, g."Profit" AS profit, g."Orders" AS orders FROM "CustomerGrades" g"""
                : $"""
                    SELECT o."CustomerId" AS id, SUM(o."Amount") AS amount, SUM({values.Profit("o")}) AS profit,
                        SUM(CASE WHEN o."Amount" > 0 THEN 1 ELSE 0 END) AS orders
                    FROM "Orders" o
                    WHERE o."OrderedAt" >= @from AND o."OrderedAt" <= @to
                    GROUP BY o."CustomerId"
                    """;
            command.CommandText = $"""
                WITH a AS {(fromGrades ? "NOT MATERIALIZED" : "MATERIALIZED")} ({period}),
                p AS MATERIALIZED (
                    SELECT o."CustomerId" AS id, NULLIF(SUBSTR({latest}, 12), '') AS product
                    FROM "Orders" o
                    WHERE o."Kind" = 'Sale' AND o."Amount" > 0 AND o."OrderedAt" <= @to
                    GROUP BY o."CustomerId"),
                b AS MATERIALIZED (
                    SELECT c."Industry" AS industry, {Json("c.\"Addresses\"", "province")} AS province, {Json("c.\"Addresses\"", "city")} AS city,
                        c."Size" AS size, p.product AS product, c."Tier" AS tier, c."Stage" AS stage,
                        CASE WHEN a.orders IS NULL OR a.orders = 0 THEN '0' WHEN a.orders = 1 THEN '1' WHEN a.orders = 2 THEN '2'
                             WHEN a.orders <= 5 THEN '3-5' ELSE '6+' END AS orders,
                        CASE WHEN c."Potential" IS NULL THEN 'unassessed' WHEN c."Potential" >= 70 THEN 'high'
                             WHEN c."Potential" >= 40 THEN 'medium' ELSE 'low' END AS potential,
                        COALESCE(a.amount, 0) AS amount, COALESCE(a.profit, 0) AS profit
                    FROM "Customers" c
                    LEFT JOIN a ON a.id = c."Id"
                    LEFT JOIN p ON p.id = c."Id"
                    WHERE c."Status" = 'Active' {(department is null ? "" : "AND c.\"DepartmentId\" = @department")})
                {By(StructureDimension.Industry, "industry")}
                UNION ALL {By(StructureDimension.Province, "province")}
                UNION ALL {By(StructureDimension.City, "city")}
                UNION ALL {By(StructureDimension.Size, "size")}
                UNION ALL {By(StructureDimension.Product, "product")}
                UNION ALL {By(StructureDimension.Tier, "tier")}
                UNION ALL {By(StructureDimension.Stage, "stage")}
                UNION ALL {By(StructureDimension.Orders, "orders")}
                UNION ALL {By(StructureDimension.Potential, "potential")}
                """;
            SqlValues.Parameter(command, "@from", values.Date(from));
            SqlValues.Parameter(command, "@to", values.Date(to));
            SqlValues.Parameter(command, "@margin", margin);
            if (department is { } id)
                SqlValues.Parameter(command, "@department", values.Id(id));
            var parts = new Dictionary<StructureDimension, List<StructurePart>>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var dimension = Enum.Parse<StructureDimension>(reader.GetString(0));
                if (!parts.TryGetValue(dimension, out var list))
                    parts[dimension] = list = [];
                list.Add(new StructurePart(reader.IsDBNull(1) ? null : reader.GetString(1), (int)reader.GetInt64(2), values.Money(reader, 3), values.Money(reader, 4)));
            }
            return parts;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
