using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Domain.Credit;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Credit;

public sealed record CreditOutcome(int Customers, int Changed, int Alerts);

/// <summary>
/// ARC-5: rates customers from their payment record and business conditions through the rule table — nightly (an
/// instalment falls overdue as days pass) and right after orders or conditions change. Each change of level is in the
/// credit history. ARC-7: when a watched customer's level changes, or any customer falls overdue (which puts them on
/// the risk list), the owner and the department's managers are alerted.
/// </summary>
public sealed class EvaluateCredit(GuanxiDbContext db, EnterpriseSettings settings, EnterpriseClock clock, TimeProvider time, Notifier notifier)
{
    public const string PolicyKey = "credit.policy";

    /// <summary>Payments of orders older than this and fully paid no longer count: a record is about the recent years.</summary>
    public const int RecordMonths = 36;

    public async Task<CreditOutcome> Handle(string by, IReadOnlyCollection<Guid>? only = null, CancellationToken cancellationToken = default)
    {
        var policy = await settings.Get(PolicyKey, CreditPolicy.Default, cancellationToken);
        var (today, now) = (clock.Today, time.GetUtcNow());
        var customers = db.Set<Customer>().Where(c => c.Status == CustomerStatus.Active);
        var since = today.AddMonths(-RecordMonths);
        var orders = db.Set<Order>().Where(o => o.OrderedAt >= since || o.Outstanding > 0);
        var records = db.Set<CustomerCredit>().AsQueryable();
        if (only is not null)
        {
            customers = customers.Where(c => only.Contains(c.Id));
            orders = orders.Where(o => only.Contains(o.CustomerId));
            records = records.Where(r => only.Contains(r.CustomerId));
        }
        var people = await customers.AsNoTracking()
            .Select(c => new { c.Id, c.Name, c.Credit, c.CreditComputed, c.CreditManual, c.BusinessConditions, c.OwnerId, c.DepartmentId })
            .ToListAsync(cancellationToken);
        var payments = (await orders.AsNoTracking().Select(o => new { o.CustomerId, o.Payments }).ToListAsync(cancellationToken))
            .ToLookup(o => o.CustomerId, o => o.Payments);
        var previous = await records.ToDictionaryAsync(r => r.CustomerId, cancellationToken);
        var big = await Watchlists.Watchlists.BigIds(db, cancellationToken);

        var rated = new Dictionary<Guid, (CreditAssessment Assessment, PaymentRecord Record, bool FellOverdue)>();
        var alerts = new List<CustomerAlert>();
        foreach (var person in people)
        {
            var record = PaymentRecord.Of(payments[person.Id].SelectMany(p => p), today);
            var assessment = CreditRating.Evaluate(policy, record, person.BusinessConditions);
            var before = previous.GetValueOrDefault(person.Id);
            var fellOverdue = record.OverdueAmount > 0 && (before?.OverdueAmount ?? 0) == 0;
            if (before is null && (record.Due > 0 || person.BusinessConditions.Count > 0))
                db.Add(before = new CustomerCredit { CustomerId = person.Id, Reason = "", ReasonEn = "" });
            if (before is not null)
            {
                (before.Due, before.OnTime, before.OverdueAmount, before.OverdueDays) = (record.Due, record.OnTime, record.OverdueAmount, record.OverdueDays);
                (before.Reason, before.ReasonEn) = (assessment.Reason, assessment.ReasonEn);
                if (db.Entry(before).State != EntityState.Unchanged)
                    before.EvaluatedAt = now;
            }
            var changes = person.CreditManual ? assessment.Level != person.CreditComputed : assessment.Level != person.Credit || assessment.Level != person.CreditComputed;
            if (changes)
                rated[person.Id] = (assessment, record, fellOverdue);
            else if (fellOverdue)
                alerts.Add(Overdue(person.Id, person.Name, person.OwnerId, person.DepartmentId, record, person.Credit));
        }

        var changed = 0;
        foreach (var ids in rated.Keys.Chunk(1000))
        {
            foreach (var customer in await db.Set<Customer>().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken))
            {
                var (assessment, record, fellOverdue) = rated[customer.Id];
                var wasManual = customer.CreditManual;
                if (customer.Rate(assessment.Level) is not { } from)
                {
                    if (fellOverdue)
                        alerts.Add(Overdue(customer.Id, customer.Name, customer.OwnerId, customer.DepartmentId, record, customer.Credit));
                    continue;
                }
                changed++;
                var (reason, reasonEn) = wasManual ? (assessment.Reason + "（付款记录有变化，人工调整不再适用）", assessment.ReasonEn + " (the record changed; the manual level no longer applies)") : (assessment.Reason, assessment.ReasonEn);
                db.Add(new CreditChange { CustomerId = customer.Id, At = now, From = from, To = customer.Credit, Reason = reason, ReasonEn = reasonEn, By = by });
                var watched = big.Contains(customer.Id) || CreditLevels.Risky.Contains(from) || CreditLevels.Risky.Contains(customer.Credit) || record.OverdueAmount > 0;
                if (fellOverdue)
                    alerts.Add(Overdue(customer.Id, customer.Name, customer.OwnerId, customer.DepartmentId, record, customer.Credit));
                else if (watched)
                    alerts.Add(new CustomerAlert(customer.Id, customer.OwnerId, customer.DepartmentId,
                        $"关注客户信用等级变化：{customer.Name}", $"Watched customer's credit changed: {customer.Name}",
                        $"{from} → {customer.Credit}：{reason}", $"{from} → {customer.Credit}: {reasonEn}"));
            }
        }
        var sent = await notifier.Alert(alerts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new CreditOutcome(people.Count, changed, sent);
    }

    private static CustomerAlert Overdue(Guid id, string name, string owner, Guid department, PaymentRecord record, CreditLevel level) => new(id, owner, department,
        $"客户逾期未付：{name}", $"Customer overdue: {name}",
        string.Create(CultureInfo.InvariantCulture, $"{name} 有 ¥{record.OverdueAmount:N2} 到期未付（最长 {record.OverdueDays} 天），信用等级 {level}，已列入风险客户名单。请尽快跟进。"),
        string.Create(CultureInfo.InvariantCulture, $"{name} has ¥{record.OverdueAmount:N2} unpaid past due ({record.OverdueDays} days at most), credit {level}; now on the risk list. Please follow up."));
}
