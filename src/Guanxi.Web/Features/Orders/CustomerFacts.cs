using System.Text.Json;
using Guanxi.Domain.Credit;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Orders;

/// <summary>
/// What the orders say about one customer, as the nightly judges read it: GRD-1's figures over the grading period,
/// LIF-1's purchases (returns aside), and ARC-5's instalments of settled orders (the open ones are judged one by one).
/// </summary>
public readonly record struct OrderTotals(
    decimal Amount, int Orders, decimal Profit, int Referrals,
    int Purchases, DateOnly? FirstPurchase, DateOnly? LastPurchase, int RecentPurchases, DateOnly? LastDelivered,
    int SettledDue, int SettledOnTime)
{
    public PurchaseHistory History => new(Purchases, FirstPurchase, LastPurchase, RecentPurchases, LastDelivered);
}

/// <summary>An active customer as grading, lifecycle and credit see them, with their order totals.</summary>
public sealed record CustomerFact(
    Guid Id, string Name, string OwnerId, Guid DepartmentId, Tier Tier, int? Potential, LifecycleStage Stage,
    CreditLevel Credit, CreditLevel CreditComputed, bool CreditManual, IReadOnlyList<BusinessCondition> Conditions, OrderTotals Orders);

/// <summary>
/// One pass over the orders grouped by customer (on the index that holds every column it reads), one over the
/// referrals, and one over the active customers: the whole night's grading, lifecycle and credit read this once; after
/// orders are written, the same for the few customers concerned.
/// </summary>
public static class CustomerFacts
{
    public static async Task<List<CustomerFact>> Read(GuanxiDbContext db, EnterpriseSettings settings, DateOnly today, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken)
    {
        var grading = await settings.Get(Grading.GradingSettings.PolicyKey, GradingPolicy.Default, cancellationToken);
        var lifecycle = await settings.Get(Lifecycle.UpdateLifecycle.PolicyKey, LifecyclePolicy.Default, cancellationToken);
        var values = new SqlValues(db.Database.IsSqlite());
        var totals = new Dictionary<Guid, OrderTotals>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandTimeout = 0;
            SqlValues.Parameter(command, "@from", values.Date(grading.PeriodStart(today)));
            SqlValues.Parameter(command, "@today", values.Date(today));
            SqlValues.Parameter(command, "@recent", values.Date(today.AddMonths(-lifecycle.LoyalMonths)));
            SqlValues.Parameter(command, "@since", values.Date(today.AddMonths(-Credit.EvaluateCredit.RecordMonths)));
            SqlValues.Parameter(command, "@margin", grading.DefaultMargin);
            var filter = only is null ? "" : $"AND {values.In(command, "o.\"CustomerId\"", only)}";
            const string Period = "o.\"OrderedAt\" >= @from";
            const string Purchase = "o.\"Amount\" > 0";
            const string Settled = "o.\"Instalments\" > 0 AND (o.\"OrderedAt\" >= @since OR o.\"Outstanding\" > 0) AND o.\"UnpaidSince\" IS NULL AND o.\"LastDueOn\" <= @today";
        command.CommandText = $"""
                SELECT o."CustomerId",
                    SUM(CASE WHEN {Period} THEN o."Amount" ELSE 0 END),
                    SUM(CASE WHEN {Period} AND {Purchase} THEN 1 ELSE 0 END),
                    SUM(CASE WHEN {Period} THEN {values.Profit("o")} ELSE 0 END),
                    SUM(CASE WHEN {Purchase} THEN 1 ELSE 0 END),
                    MIN(CASE WHEN {Purchase} THEN o."OrderedAt" END),
                    MAX(CASE WHEN {Purchase} THEN o."OrderedAt" END),
                    SUM(CASE WHEN {Purchase} AND o."OrderedAt" > @recent THEN 1 ELSE 0 END),
                    MAX(CASE WHEN {Purchase} THEN COALESCE(o."DeliveredAt", o."OrderedAt") END),
                    SUM(CASE WHEN {Settled} THEN o."Instalments" ELSE 0 END),
                    SUM(CASE WHEN {Settled} THEN o."PaidOnTime" ELSE 0 END)
                FROM "Orders" o
                WHERE o."OrderedAt" <= @today {filter}
                GROUP BY o."CustomerId"
                """;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                    totals[reader.GetGuid(0)] = new OrderTotals(
                        values.Money(reader, 1), Int(reader, 2), values.Money(reader, 3), 0,
                        Int(reader, 4), values.Date(reader, 5), values.Date(reader, 6), Int(reader, 7), values.Date(reader, 8),
                        Int(reader, 9), Int(reader, 10));

        // The period is counted, not filtered: a condition on the date would lead SQLite to its date index and a
            // lookup of every order of the period, where the referrer's index holds all it needs.
            command.CommandText = $"""
                SELECT o."ReferrerId", SUM(CASE WHEN {Period} AND o."OrderedAt" <= @today THEN 1 ELSE 0 END) FROM "Orders" o
                WHERE o."ReferrerId" IS NOT NULL {filter.Replace("o.\"CustomerId\"", "o.\"ReferrerId\"", StringComparison.Ordinal)}
                GROUP BY o."ReferrerId"
                """;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                    if (Int(reader, 1) is > 0 and var referrals)
                    {
                        var id = reader.GetGuid(0);
                        totals[id] = totals.GetValueOrDefault(id) with { Referrals = referrals };
                    }

            // The customers by hand too: a million rows through EF's materializer take seconds more than the reader.
            command.CommandText = $"""
                SELECT c."Id", c."Name", c."OwnerId", c."DepartmentId", c."Tier", c."Potential", c."Stage", c."Credit", c."CreditComputed", c."CreditManual", c."BusinessConditions"
                FROM "Customers" c WHERE c."Status" = 'Active' {filter.Replace("o.\"CustomerId\"", "c.\"Id\"", StringComparison.Ordinal)}
                """;
            var customers = new List<CustomerFact>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                {
                    var id = reader.GetGuid(0);
                    var conditions = reader.GetString(10);
                    customers.Add(new CustomerFact(id, reader.GetString(1), reader.GetString(2), reader.GetGuid(3), Tiers[reader.GetString(4)],
                        reader.IsDBNull(5) ? null : reader.GetInt32(5), Stages[reader.GetString(6)], Levels[reader.GetString(7)], Levels[reader.GetString(8)], reader.GetBoolean(9),
                        conditions == "[]" ? [] : JsonSerializer.Deserialize<List<BusinessCondition>>(conditions, JsonColumn.Options)!, totals.GetValueOrDefault(id)));
                }
            return customers;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static readonly Dictionary<string, Tier> Tiers = Enum.GetValues<Tier>().ToDictionary(t => t.ToString());
    private static readonly Dictionary<string, LifecycleStage> Stages = Enum.GetValues<LifecycleStage>().ToDictionary(t => t.ToString());
    private static readonly Dictionary<string, CreditLevel> Levels = Enum.GetValues<CreditLevel>().ToDictionary(t => t.ToString());

    private static int Int(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : (int)reader.GetInt64(ordinal);
}
