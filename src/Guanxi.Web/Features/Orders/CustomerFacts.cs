using System.Data.Common;
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
    CreditLevel? Credit, CreditLevel? CreditComputed, bool CreditManual, IReadOnlyList<BusinessCondition> Conditions, OrderTotals Orders)
{
    public CreditStanding CreditStanding => new(Credit, CreditComputed, CreditManual);
}

/// <summary>
/// One pass over the orders grouped by customer (on the index that holds every column it reads), one over the
/// referrals, and one over the active customers: the whole night's grading, lifecycle and credit read this once; after
/// orders are written, the same for the few customers concerned.
/// </summary>
public static class CustomerFacts
{
    public static async Task<List<CustomerFact>> Read(GuanxiDbContext db, EnterpriseSettings settings, DateOnly today, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken)
    {
        var grading = await settings.Get(GradingPolicy.SettingsKey, GradingPolicy.Default, cancellationToken);
        var lifecycle = await settings.Get(LifecyclePolicy.SettingsKey, LifecyclePolicy.Default, cancellationToken);
        var query = new Query(grading, lifecycle, today, only);
        // The whole population (the night, outside any transaction): the customers and the referrals are read on a
        // second connection while the database sums the orders on the first — two cores, two readers.
        if (only is null && db.Database.CurrentTransaction is null)
        {
            var others = db.ReadBeside(async side => (await Referrals(side, query, cancellationToken), await Customers(side, query, cancellationToken)), cancellationToken);
            var totals = await Totals(db, query, cancellationToken);
            var (referrals, customers) = await others;
            return Join(customers, totals, referrals);
        }
        return Join(await Customers(db, query, cancellationToken), await Totals(db, query, cancellationToken), await Referrals(db, query, cancellationToken));
    }

    private sealed record Query(GradingPolicy Grading, LifecyclePolicy Lifecycle, DateOnly Today, IReadOnlyCollection<Guid>? Only);

    private static List<CustomerFact> Join(List<CustomerFact> customers, Dictionary<Guid, OrderTotals> totals, Dictionary<Guid, int> referrals)
    {
        for (var i = 0; i < customers.Count; i++)
        {
            var c = customers[i];
            var orders = totals.GetValueOrDefault(c.Id);
            if (referrals.TryGetValue(c.Id, out var count))
                orders = orders with { Referrals = count };
            if (orders != default)
                customers[i] = c with { Orders = orders };
        }
        return customers;
    }

    private const string Period = "o.\"OrderedAt\" >= @from";

    /// <summary>Every figure of the orders, per customer, in one GROUP BY on the index that holds every column it reads.</summary>
    private static Task<Dictionary<Guid, OrderTotals>> Totals(GuanxiDbContext db, Query query, CancellationToken cancellationToken) => Run(db, query, (command, values) =>
    {
        const string Purchase = "o.\"Amount\" > 0";
        const string Settled = "o.\"Instalments\" > 0 AND (o.\"OrderedAt\" >= @since OR o.\"Outstanding\" > 0) AND o.\"UnpaidSince\" IS NULL AND o.\"LastDueOn\" <= @today";
        return $"""
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
            WHERE o."OrderedAt" <= @today {Filter(command, values, query, "o.\"CustomerId\"")}
            GROUP BY o."CustomerId"
            """;
    }, (reader, values, totals) => totals[reader.GetGuid(0)] = new OrderTotals(
        values.Money(reader, 1), Int(reader, 2), values.Money(reader, 3), 0,
        Int(reader, 4), values.Date(reader, 5), values.Date(reader, 6), Int(reader, 7), values.Date(reader, 8),
        Int(reader, 9), Int(reader, 10)), new Dictionary<Guid, OrderTotals>(), cancellationToken);

    /// <summary>
    /// The referrals each customer made in the period. It is counted, not filtered: a condition on the date would lead
    /// SQLite to its date index and a lookup of every order of the period, where the referrer's index holds all it needs.
    /// </summary>
    private static Task<Dictionary<Guid, int>> Referrals(GuanxiDbContext db, Query query, CancellationToken cancellationToken) => Run(db, query, (command, values) => $"""
        SELECT o."ReferrerId", SUM(CASE WHEN {Period} AND o."OrderedAt" <= @today THEN 1 ELSE 0 END) FROM "Orders" o
        WHERE o."ReferrerId" IS NOT NULL {Filter(command, values, query, "o.\"ReferrerId\"")}
        GROUP BY o."ReferrerId"
        """, (reader, _, referrals) =>
        {
            if (Int(reader, 1) is > 0 and var count)
                referrals[reader.GetGuid(0)] = count;
        }, new Dictionary<Guid, int>(), cancellationToken);

    /// <summary>The active customers, by hand too: a million rows through EF's materializer take seconds more than the reader.</summary>
    private static Task<List<CustomerFact>> Customers(GuanxiDbContext db, Query query, CancellationToken cancellationToken) => Run(db, query, (command, values) => $"""
        SELECT c."Id", c."Name", c."OwnerId", c."DepartmentId", c."Tier", c."Potential", c."Stage", c."Credit", c."CreditComputed", c."CreditManual", c."BusinessConditions"
        FROM "Customers" c WHERE c."Status" = 'Active' {Filter(command, values, query, "c.\"Id\"")}
        """, (reader, _, customers) =>
        {
            var conditions = reader.GetString(10);
            customers.Add(new CustomerFact(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3), Tiers[reader.GetString(4)],
                reader.IsDBNull(5) ? null : reader.GetInt32(5), Stages[reader.GetString(6)], Level(reader, 7), Level(reader, 8), reader.GetBoolean(9),
                conditions == "[]" ? [] : JsonSerializer.Deserialize<List<BusinessCondition>>(conditions, JsonColumn.Options)!, default));
        }, new List<CustomerFact>(), cancellationToken);

    private static string Filter(DbCommand command, SqlValues values, Query query, string column) =>
        query.Only is null ? "" : $"AND {values.In(command, column, query.Only)}";

    /// <summary>One query on the context's connection (in its transaction, if any), each row read into <paramref name="into"/>.</summary>
    private static async Task<T> Run<T>(GuanxiDbContext db, Query query, Func<DbCommand, SqlValues, string> sql, Action<DbDataReader, SqlValues, T> read, T into, CancellationToken cancellationToken)
    {
        var values = new SqlValues(db.Database.IsSqlite());
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandTimeout = 0;
            SqlValues.Parameter(command, "@from", values.Date(query.Grading.PeriodStart(query.Today)));
            SqlValues.Parameter(command, "@today", values.Date(query.Today));
            SqlValues.Parameter(command, "@recent", values.Date(query.Today.AddMonths(-query.Lifecycle.LoyalMonths)));
            SqlValues.Parameter(command, "@since", values.Date(query.Today.AddMonths(-CreditPolicy.RecordMonths)));
            SqlValues.Parameter(command, "@margin", query.Grading.DefaultMargin);
            command.CommandText = sql(command, values);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                read(reader, values, into);
            return into;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static readonly Dictionary<string, Tier> Tiers = Enum.GetValues<Tier>().ToDictionary(t => t.ToString());
    private static readonly Dictionary<string, LifecycleStage> Stages = Enum.GetValues<LifecycleStage>().ToDictionary(t => t.ToString());
    private static readonly Dictionary<string, CreditLevel> Levels = Enum.GetValues<CreditLevel>().ToDictionary(t => t.ToString());

    private static CreditLevel? Level(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Levels[reader.GetString(ordinal)];

    private static int Int(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : (int)reader.GetInt64(ordinal);
}
