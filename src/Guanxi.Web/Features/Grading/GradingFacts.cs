using Guanxi.Domain.Grading;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Grading;

/// <summary>An active customer, their current tier and their GRD-1 indicators.</summary>
public readonly record struct GradedCustomer(Guid Id, Tier Tier, CustomerIndicators Indicators, DateOnly? FirstOrderAt);

/// <summary>
/// One pass over the orders, grouped by customer, for every active customer's indicators: the whole population is
/// graded at once, so this is one aggregate query, not a query per customer.
/// </summary>
public static class GradingFacts
{
    public static async Task<List<GradedCustomer>> Read(GuanxiDbContext db, GradingPolicy policy, DateOnly today, CancellationToken cancellationToken)
    {
        var values = new SqlValues(db.Database.IsSqlite());
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 0;
            command.CommandText = $"""
                SELECT c."Id", c."Tier", c."Potential", a.amount, a.orders, a.profit, a.first_at, a.last_at, r.referrals
                FROM "Customers" c
                LEFT JOIN (
                    SELECT o."CustomerId",
                        SUM(CASE WHEN o."OrderedAt" >= @from THEN o."Amount" ELSE 0 END) AS amount,
                        SUM(CASE WHEN o."OrderedAt" >= @from AND o."Amount" > 0 THEN 1 ELSE 0 END) AS orders,
                        SUM(CASE WHEN o."OrderedAt" >= @from THEN {values.Profit("o")} ELSE 0 END) AS profit,
                        MIN(CASE WHEN o."Amount" > 0 THEN o."OrderedAt" END) AS first_at,
                        MAX(CASE WHEN o."Amount" > 0 THEN o."OrderedAt" END) AS last_at
                    FROM "Orders" o
                    WHERE o."OrderedAt" <= @to
                    GROUP BY o."CustomerId") a ON a."CustomerId" = c."Id"
                LEFT JOIN (
                    SELECT o."ReferrerId", COUNT(*) AS referrals
                    FROM "Orders" o
                    WHERE o."ReferrerId" IS NOT NULL AND o."OrderedAt" >= @from AND o."OrderedAt" <= @to
                    GROUP BY o."ReferrerId") r ON r."ReferrerId" = c."Id"
                WHERE c."Status" = 'Active'
                """;
            var from = policy.PeriodStart(today);
            SqlValues.Parameter(command, "@from", values.Date(from));
            SqlValues.Parameter(command, "@to", values.Date(today));
            SqlValues.Parameter(command, "@margin", policy.DefaultMargin);
            var customers = new List<GradedCustomer>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var orders = reader.IsDBNull(4) ? 0 : (int)reader.GetInt64(4);
                var first = values.Date(reader, 6);
                var indicators = new CustomerIndicators(
                    values.Money(reader, 3), orders, values.Money(reader, 5),
                    CustomerIndicators.RepeatRateOf(orders, first >= from), reader.IsDBNull(8) ? 0 : (int)reader.GetInt64(8),
                    values.Date(reader, 7), reader.IsDBNull(2) ? null : reader.GetInt32(2));
                customers.Add(new GradedCustomer(reader.GetGuid(0), Enum.Parse<Tier>(reader.GetString(1)), indicators, first));
            }
            return customers;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
