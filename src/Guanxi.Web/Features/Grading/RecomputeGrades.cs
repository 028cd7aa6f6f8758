using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Features.Orders;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Grading;

public sealed record RecomputeOutcome(int Customers, int Changed);

/// <summary>
/// GRD-2: grades every active customer under the current policy — nightly and on demand. The indicators whose figures
/// moved are written (and those of customers no longer graded removed); a customer whose tier changes gets the new tier
/// and a history row with the score and the reason; GRD-4's report of the grading period is kept as it stands. When a
/// watched customer (ARC-7: among the biggest before or after, or risky) changes tier, the owner and the department
/// managers are told.
/// </summary>
public sealed class RecomputeGrades(GuanxiDbContext db, EnterpriseSettings settings, EnterpriseClock clock, TimeProvider time, Notifier notifier, Credit.IWatchedCustomers watchLists)
{
    private const int Chunk = 10_000;

    /// <param name="facts">The night's facts when lifecycle and credit share them; null to read them.</param>
    public async Task<RecomputeOutcome> Handle(Actor by, Func<double, Task>? progress = null, IReadOnlyList<CustomerFact>? facts = null, CancellationToken cancellationToken = default)
    {
        var policy = await settings.Get(GradingPolicy.SettingsKey, GradingPolicy.Default, cancellationToken);
        var today = clock.Today;
        var now = time.GetUtcNow();
        facts ??= await CustomerFacts.Read(db, settings, today, null, cancellationToken);
        // What the last recompute stored is read on a second connection while the population is graded.
        var stored = db.ReadBeside(side => Stored(side, cancellationToken), cancellationToken);
        var from = policy.PeriodStart(today);
        var customers = facts.Select(c => (c.Id, c.DepartmentId, c.Tier, FirstOrderAt: c.Orders.FirstPurchase, Indicators: new CustomerIndicators(
            c.Orders.Amount, c.Orders.Orders, c.Orders.Profit, CustomerIndicators.RepeatRateOf(c.Orders.Orders, c.Orders.FirstPurchase >= from),
            c.Orders.Referrals, c.Orders.LastPurchase, c.Potential))).ToList();
        await Report(0.4);
        var grades = Grader.Grade(policy, [.. customers.Select(c => c.Indicators)], today);
        await Report(0.5);

        var rows = new List<CustomerGrade>();
        var changes = new List<TierChange>();
        for (var i = 0; i < customers.Count; i++)
        {
            var (c, g) = (customers[i], grades[i]);
            if (c.Indicators.LastOrderAt is not null || c.Indicators.Amount != 0 || c.Indicators.Profit != 0 || c.Indicators.Potential is not null || c.Indicators.Referrals > 0)   // a customer with only returns has figures too
                rows.Add(new CustomerGrade
                {
                    CustomerId = c.Id, Amount = c.Indicators.Amount, Orders = c.Indicators.Orders, Profit = c.Indicators.Profit,
                    RepeatRate = c.Indicators.RepeatRate, Referrals = c.Indicators.Referrals, FirstOrderAt = c.FirstOrderAt,
                    LastOrderAt = c.Indicators.LastOrderAt, ComputedAt = now,
                });
            if (g.Tier != c.Tier)
                changes.Add(new TierChange { CustomerId = c.Id, At = now, From = c.Tier, To = g.Tier, Score = g.Score, Reason = g.Reason, ReasonEn = g.ReasonEn, ById = by.Id, ByCause = by.Cause });
        }

        var alerts = await Alerts(changes, rows, cancellationToken);
        // Only the rows whose figures moved are written: on a normal night most customers' figures stand (their scores
        // move, but a score is worked out from the rows when it is read).
        var before = await stored;
        var written = rows.Where(r => !before.TryGetValue(r.CustomerId, out var b) || b != Figures.Of(r)).ToList();
        var graded = rows.Select(r => r.CustomerId).ToHashSet();
        var gone = before.Keys.Where(id => !graded.Contains(id)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        // When most rows move (the first recompute, a new period or policy), emptying the table and writing it again beats
        // replacing rows one by one.
        var rewrite = written.Count > before.Count / 2;
        if (rewrite)
            await db.Set<CustomerGrade>().ExecuteDeleteAsync(cancellationToken);
        else
            foreach (var ids in gone.Chunk(Chunk))
                await db.Set<CustomerGrade>().Where(g => ids.Contains(g.CustomerId)).ExecuteDeleteAsync(cancellationToken);
        if (rewrite)
            written = rows;
        await using (var insert = new BulkInsert(db, typeof(CustomerGrade), connection, transaction.GetDbTransaction(), replace: !rewrite))
            for (var i = 0; i < written.Count; i += Chunk)
            {
                await insert.Run(written.Skip(i).Take(Chunk), cancellationToken);
                await Report(0.5 + 0.4 * (i + Chunk) / Math.Max(1, written.Count));
            }
        await using (var insert = new BulkInsert(db, typeof(TierChange), connection, transaction.GetDbTransaction()))
            for (var i = 0; i < changes.Count; i += Chunk)
                await insert.Run(changes.Skip(i).Take(Chunk), cancellationToken);
        // Derived state: the customer's Version, which guards a person's edit, stays.
        foreach (var tier in changes.GroupBy(c => c.To))
            foreach (var ids in tier.Select(c => c.CustomerId).Chunk(Chunk))
                await db.Set<Customer>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Tier, tier.Key), cancellationToken);
        await notifier.Alert(alerts, cancellationToken);
        await db.Set<ParetoSnapshot>().ExecuteDeleteAsync(cancellationToken);
        db.AddRange(ParetoReport.Snapshots(customers.Select(c => (c.Id, c.DepartmentId, c.Indicators.Orders, c.Indicators.Amount, c.Indicators.Profit)), policy, today, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await Report(1);
        return new RecomputeOutcome(customers.Count, changes.Count);

        Task Report(double done) => progress?.Invoke(done) ?? Task.CompletedTask;
    }

    /// <summary>A row's figures, to tell whether this recompute changes them.</summary>
    private readonly record struct Figures(decimal Amount, int Orders, decimal Profit, decimal RepeatRate, int Referrals, DateOnly? First, DateOnly? Last)
    {
        public static Figures Of(CustomerGrade g) => new(g.Amount, g.Orders, g.Profit, g.RepeatRate, g.Referrals, g.FirstOrderAt, g.LastOrderAt);
    }

    /// <summary>The figures stored by the last recompute, read by hand (a million entities through EF take seconds more).</summary>
    private static async Task<Dictionary<Guid, Figures>> Stored(GuanxiDbContext db, CancellationToken cancellationToken)
    {
        var values = new SqlValues(db.Database.IsSqlite());
        var stored = new Dictionary<Guid, Figures>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandTimeout = 0;
            command.CommandText = """SELECT "CustomerId", "Amount", "Orders", "Profit", "RepeatRate", "Referrals", "FirstOrderAt", "LastOrderAt" FROM "CustomerGrades" """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                stored[reader.GetGuid(0)] = new Figures(values.Money(reader, 1), reader.GetInt32(2), values.Money(reader, 3),
                    (decimal)reader.GetDouble(4), reader.GetInt32(5), values.Date(reader, 6), values.Date(reader, 7));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return stored;
    }

    /// <summary>ARC-7: the tier changes of watched customers — the biggest by profit before or after this recompute, or risky.</summary>
    private async Task<List<CustomerAlert>> Alerts(List<TierChange> changes, List<CustomerGrade> rows, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
            return [];
        var big = await watchLists.Big(cancellationToken);
        big.UnionWith(rows.Where(r => r.Profit > 0).OrderByDescending(r => r.Profit).Take(watchLists.BigSize).Select(r => r.CustomerId));
        var byCustomer = changes.ToDictionary(c => c.CustomerId);
        var watched = new List<(Guid Id, string Name, string OwnerId, Guid DepartmentId)>();
        foreach (var ids in byCustomer.Keys.Chunk(Chunk))
        {
            var customers = db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id));
            var bigOnes = ids.Where(big.Contains).ToList();
            watched.AddRange((await watchLists.Risky(customers).Union(customers.Where(c => bigOnes.Contains(c.Id)))
                .Select(c => new { c.Id, c.Name, c.OwnerId, c.DepartmentId }).ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.Name, c.OwnerId, c.DepartmentId)));
        }
        return [.. watched.OrderBy(w => w.Id).Select(w =>
        {
            var change = byCustomer[w.Id];
            var (from, to) = (change.From.Chinese(), change.To.Chinese());
            return new CustomerAlert(w.Id, w.OwnerId, w.DepartmentId,
                $"关注客户等级变化：{w.Name}", $"Watched customer's tier changed: {w.Name}",
                $"{from} → {to}：{change.Reason}", $"{change.From.English()} → {change.To.English()}: {change.ReasonEn}");
        })];
    }
}
