using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Domain.Credit;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Features.Orders;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Credit;

public sealed record CreditOutcome(int Customers, int Changed, int Alerts);

/// <summary>
/// ARC-5: rates customers from their payment record and business conditions through the rule table — nightly (an
/// instalment falls overdue as days pass) and right after orders or conditions change. Each change of level is in the
/// credit history. ARC-7: when a watched customer's level changes, or any customer falls overdue (which puts them on
/// the risk list), the owner and the department's managers are alerted.
/// </summary>
public sealed class EvaluateCredit(GuanxiDbContext db, EnterpriseSettings settings, EnterpriseClock clock, TimeProvider time, Notifier notifier, IWatchedCustomers watched)
{

    private const int Chunk = 10_000;

    /// <param name="only">The customers whose orders or conditions changed; null for everyone.</param>
    /// <param name="facts">The night's facts when grading and lifecycle share them; null to read them.</param>
    public async Task<CreditOutcome> Handle(Actor by, IReadOnlyCollection<Guid>? only = null, IReadOnlyList<CustomerFact>? facts = null, CancellationToken cancellationToken = default)
    {
        var policy = await settings.Get(CreditPolicy.SettingsKey, CreditPolicy.Default, cancellationToken);
        var (today, now) = (clock.Today, time.GetUtcNow());
        var people = facts ?? await CustomerFacts.Read(db, settings, today, only, cancellationToken);
        // Settled orders are summed with the facts; only the instalments still open are read and judged one by one.
        var since = today.AddMonths(-CreditPolicy.RecordMonths);
        var orders = db.Set<Order>().AsNoTracking().Where(o => o.Instalments > 0 && (o.OrderedAt >= since || o.Outstanding > 0));
        var records = db.Set<CustomerCredit>().AsNoTracking();
        if (only is not null)
        {
            orders = orders.Where(o => only.Contains(o.CustomerId));
            records = records.Where(r => only.Contains(r.CustomerId));
        }
        // Everyone's stored records are read on a second connection while the open instalments are read on this one
        // (outside a transaction: the judging after orders are written reads a few customers in its own).
        Task<Dictionary<Guid, StoredRecord>> Previous(IQueryable<CustomerCredit> from) =>
            from.Select(r => new StoredRecord(r.CustomerId, r.Due, r.OnTime, r.OverdueAmount, r.OverdueSince)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var everyone = only is null && db.Database.CurrentTransaction is null ? db.ReadBeside(side => Previous(side.Set<CustomerCredit>().AsNoTracking()), cancellationToken) : null;
        var open = (await orders.Where(o => o.UnpaidSince != null || o.LastDueOn > today).Select(o => new { o.CustomerId, o.Payments }).ToListAsync(cancellationToken))
            .ToLookup(o => o.CustomerId, o => o.Payments);
        var previous = await (everyone ?? Previous(records));
        var big = await watched.Big(cancellationToken);

        var written = new List<CustomerCredit>();
        var changes = new List<CreditChange>();
        var levels = new List<(Guid Id, CreditStanding Standing)>();
        var alerts = new List<CustomerAlert>();
        foreach (var person in people)
        {
            var record = PaymentRecord.Settled(person.Orders.SettledDue, person.Orders.SettledOnTime).Plus(PaymentRecord.Of(open[person.Id].SelectMany(p => p), today));
            var assessment = CreditRating.Evaluate(policy, record, person.Conditions);
            var before = previous.GetValueOrDefault(person.Id);
            var fellOverdue = record.OverdueAmount > 0 && (before?.OverdueAmount ?? 0) == 0;
            // A record is written when it changes: an overdue growing older does not change it.
            if (before is null ? record.Due > 0 : (before.Due, before.OnTime, before.OverdueAmount, before.OverdueSince) != (record.Due, record.OnTime, record.OverdueAmount, record.OverdueSince))
                written.Add(new CustomerCredit
                {
                    CustomerId = person.Id, Due = record.Due, OnTime = record.OnTime, OverdueAmount = record.OverdueAmount, OverdueSince = record.OverdueSince, EvaluatedAt = now,
                });

            // ARC-5 on the customer, by the rule Customer.Rate follows: a manual level stands while the rules give what they gave when it was set.
            var (from, manual) = (person.Credit, person.CreditManual);
            if (CreditRating.Rate(person.CreditStanding, assessment.Level) is not { } next)
            {
                if (fellOverdue)
                    alerts.Add(Overdue(person.Id, person.Name, person.OwnerId, person.DepartmentId, record, person.Credit));
                continue;
            }
            levels.Add((person.Id, next));
            if (from == next.Level)
                continue;
            var (reason, reasonEn) = manual ? (assessment.Reason + "（付款记录有变化，人工调整不再适用）", assessment.ReasonEn + " (the record changed; the manual level no longer applies)") : (assessment.Reason, assessment.ReasonEn);
            changes.Add(new CreditChange { CustomerId = person.Id, At = now, From = from, To = next.Level, Reason = reason, ReasonEn = reasonEn, ById = by.Id, ByCause = by.Cause });
            // A first rating (from not rated) is news only when it is a risky one.
            var isWatched = from is not null && big.Contains(person.Id) || from.IsRisky() || next.Level.IsRisky() || record.OverdueAmount > 0;
            if (fellOverdue)
                alerts.Add(Overdue(person.Id, person.Name, person.OwnerId, person.DepartmentId, record, next.Level));
            else if (isWatched)
                alerts.Add(new CustomerAlert(person.Id, person.OwnerId, person.DepartmentId,
                    $"关注客户信用等级变化：{person.Name}", $"Watched customer's credit changed: {person.Name}",
                    $"{from.Chinese()} → {next.Level.Chinese()}：{reason}", $"{from.English()} → {next.Level.English()}: {reasonEn}"));
        }
        if (written.Count == 0 && levels.Count == 0 && alerts.Count == 0)
            return new CreditOutcome(people.Count, 0, 0);

        // In bulk, so that the first rating of an imported million customers is a few statements, not a million updates.
        // The credit history is the record of these changes (CreditChanges), as the stage history is for lifecycle.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var (connection, transaction) = (db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
        await using (var insert = new BulkInsert(db, typeof(CustomerCredit), connection, transaction, replace: true))
            foreach (var chunk in written.Chunk(Chunk))
                await insert.Run(chunk, cancellationToken);
        await using (var insert = new BulkInsert(db, typeof(CreditChange), connection, transaction))
            foreach (var chunk in changes.Chunk(Chunk))
                await insert.Run(chunk, cancellationToken);
        // Derived state: the customer's Version, which guards a person's edit, stays (an edit form left open overnight still saves).
        foreach (var standing in levels.GroupBy(l => l.Standing))
            foreach (var ids in standing.Select(l => l.Id).Chunk(Chunk))
                await db.Set<Customer>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Credit, standing.Key.Level).SetProperty(c => c.CreditComputed, standing.Key.Computed)
                    .SetProperty(c => c.CreditManual, standing.Key.Manual), cancellationToken);
        var sent = await notifier.Alert(alerts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (own is not null)
            await own.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new CreditOutcome(people.Count, changes.Count, sent);
    }

    private sealed record StoredRecord(Guid Id, int Due, int OnTime, decimal OverdueAmount, DateOnly? OverdueSince);

    /// <summary>ARC-7: the alert that a customer fell overdue, with the record and level as they stand (the demo dates its own on the day they fell due).</summary>
    public static CustomerAlert Overdue(Guid id, string name, string owner, Guid department, PaymentRecord record, CreditLevel? level) => new(id, owner, department,
        $"客户逾期未付：{name}", $"Customer overdue: {name}",
        string.Create(CultureInfo.InvariantCulture, $"{name} 有 ¥{record.OverdueAmount:N2} 到期未付（最长 {record.OverdueDays} 天），信用等级 {level.Chinese()}，已列入风险客户名单。请尽快跟进。"),
        string.Create(CultureInfo.InvariantCulture, $"{name} has ¥{record.OverdueAmount:N2} unpaid past due ({record.OverdueDays} days at most), credit {level.English()}; now on the risk list. Please follow up."));
}
