using Guanxi.Domain.Care;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Care;

/// <summary>What a day's run of the care plans did: the plans that greeted someone, the messages written, those suppressed, the calls asked.</summary>
public sealed record CareRunResult(int Plans, int Written, int Suppressed, int Calls);

/// <summary>
/// SVC-5, run every morning by <see cref="CarePlanJob"/>: each active plan greets the day <see cref="CarePlan.DaysBefore"/> ahead —
/// a holiday when that day is its date, a customer's birthday (solar or lunar as the customer keeps it) or anniversary (first
/// purchase, first delivery, membership; at least a year) when it falls on it. Every active customer the plan covers (tiers,
/// stages, group) is greeted: a customer of a call tier by a care-call task for the owner, due that day, showing the
/// customer's preferences and needs; the others by a message written into the outbox (<see cref="OutboxWriter"/>: consent, the
/// day's cap, duplicates) for today at the plan's time, to be sent by the end of the day greeted. A plan runs once per day
/// greeted (<see cref="CarePlanRun"/>), so a second run the same day writes nothing.
/// </summary>
public sealed class RunCarePlans(GuanxiDbContext db, MessageComposer composer, OutboxWriter writer, EnterpriseClock clock, TimeProvider time)
{
    private const int Chunk = 2_000;

    private sealed record Covered(Guid Id, Domain.Grading.Tier Tier, string OwnerId, Guid DepartmentId, string? Preferences, string? Needs);

    public async Task<CareRunResult> Handle(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, clock.Zone).DateTime);
        var plans = await db.Set<CarePlan>().AsNoTracking().Where(p => p.Active).ToListAsync(cancellationToken);
        var result = new CareRunResult(0, 0, 0, 0);
        foreach (var plan in plans.OrderBy(p => p.Occasion).ThenBy(p => p.Id))
        {
            var day = plan.GreetsOn(today);
            if (plan.Occasion.IsHoliday() && !CareDays.IsHoliday(plan.Occasion, day))
                continue;
            if (await db.Set<CarePlanRun>().AnyAsync(r => r.PlanId == plan.Id && r.Day == day, cancellationToken))
                continue;
            if (await db.Set<MessageTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == plan.TemplateId && !t.Archived, cancellationToken) is not { } template)
                continue;
            var run = await Run(plan, template, today, day, now, cancellationToken);
            result = new CareRunResult(result.Plans + (run.Written + run.Calls > 0 ? 1 : 0), result.Written + run.Written, result.Suppressed + run.Suppressed, result.Calls + run.Calls);
        }
        return result;
    }

    private async Task<CarePlanRun> Run(CarePlan plan, MessageTemplate template, DateOnly today, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidates = plan.Occasion.IsHoliday() ? null : await Personal(plan.Occasion, day, cancellationToken);
        var (tiers, stages, group) = (plan.Tiers, plan.Stages, plan.GroupId);
        var covered = db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active
            && (tiers.Count == 0 || tiers.Contains(c.Tier)) && (stages.Count == 0 || stages.Contains(c.Stage))
            && (group == null || db.Set<CustomerGroupMember>().Any(m => m.GroupId == group && m.CustomerId == c.Id)));
        var policy = await composer.Policy(cancellationToken);
        var owners = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var planned = new DateTimeOffset(today.ToDateTime(plan.SendTime), clock.Zone.GetUtcOffset(today.ToDateTime(plan.SendTime))).ToUniversalTime();
        var batch = new OutboxBatch(template, policy, owners, plan.DedupeKey(day), planned, Actor.SystemId, now, plan.Occasion.Chinese(),
            CarePlanId: plan.Id, SendBy: clock.StartOf(day.AddDays(1)).ToUniversalTime());
        var called = (await db.Set<CareCall>().AsNoTracking().Where(c => c.PlanId == plan.Id && c.Day == day).Select(c => c.CustomerId).ToListAsync(cancellationToken)).ToHashSet();
        var (written, suppressed, calls) = (0, 0, 0);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var insert = new BulkInsert(db, typeof(OutboxMessage), db.Database.GetDbConnection(), transaction.GetDbTransaction());
        var last = Guid.Empty;
        var offset = 0;
        while (true)
        {
            List<Covered> rows;
            if (candidates is null)
            {
                rows = await covered.Where(c => c.Id.CompareTo(last) > 0).OrderBy(c => c.Id).Take(Chunk)
                    .Select(c => new Covered(c.Id, c.Tier, c.OwnerId, c.DepartmentId, c.Preferences, c.Needs)).ToListAsync(cancellationToken);
                if (rows.Count == 0)
                    break;
                last = rows[^1].Id;
            }
            else
            {
                if (offset >= candidates.Count)
                    break;
                var ids = candidates.Skip(offset).Take(Chunk).ToList();
                offset += ids.Count;
                rows = await covered.Where(c => ids.Contains(c.Id))
                    .Select(c => new Covered(c.Id, c.Tier, c.OwnerId, c.DepartmentId, c.Preferences, c.Needs)).ToListAsync(cancellationToken);
            }
            foreach (var c in rows.Where(r => plan.Calls(r.Tier) && !called.Contains(r.Id)))
            {
                var task = CustomerTask.Open(c.Id, CustomerTaskKind.CareCall, c.OwnerId, c.DepartmentId, day, CareDays.CallNote(plan.Occasion, day, c.Preferences, c.Needs), now);
                db.Add(task);
                db.Add(CareCall.Opened(task.Id, plan.Id, c.Id, day, plan.Occasion, c.Tier));
                calls++;
            }
            var messaged = rows.Where(r => !plan.Calls(r.Tier)).Select(r => r.Id).ToList();
            if (messaged.Count == 0)
                continue;
            var outcomes = await writer.Write(batch, messaged, dryRun: false, cancellationToken);
            written += outcomes.Count(o => o.Message is not null);
            suppressed += outcomes.Count(o => o.Message is not null && o.Reason is not null);
            await insert.Run(outcomes.Where(o => o.Message is not null).Select(o => o.Message!), cancellationToken);
        }
        var run = CarePlanRun.Done(plan.Id, day, written, suppressed, calls, now);
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    /// <summary>The customers whose birthday or anniversary falls on <paramref name="day"/>, computed from what they keep (before the plan's coverage).</summary>
    private async Task<List<Guid>> Personal(Occasion occasion, DateOnly day, CancellationToken cancellationToken)
    {
        switch (occasion)
        {
            case Occasion.Birthday:
                var born = await db.Set<Customer>().AsNoTracking().Where(c => c.Birthday != null && c.Status == CustomerStatus.Active)
                    .Select(c => new { c.Id, Birthday = c.Birthday!.Value, c.LunarBirthday }).ToListAsync(cancellationToken);
                return [.. born.Where(b => CareDays.IsBirthday(b.Birthday, b.LunarBirthday, day)).Select(b => b.Id).Order()];
            case Occasion.FirstPurchaseAnniversary:
                var first = await db.Set<Order>().AsNoTracking().Where(o => o.Kind == OrderKind.Sale).GroupBy(o => o.CustomerId)
                    .Select(g => new { g.Key, On = g.Min(o => o.OrderedAt) }).ToListAsync(cancellationToken);
                return [.. first.Where(f => CareDays.IsAnniversary(f.On, day)).Select(f => f.Key).Order()];
            case Occasion.DeliveryAnniversary:
                var delivered = await db.Set<Order>().AsNoTracking().Where(o => o.Kind == OrderKind.Sale && o.DeliveredAt != null).GroupBy(o => o.CustomerId)
                    .Select(g => new { g.Key, On = g.Min(o => o.DeliveredAt)!.Value }).ToListAsync(cancellationToken);
                return [.. delivered.Where(f => CareDays.IsAnniversary(f.On, day)).Select(f => f.Key).Order()];
            default:
                var joined = await db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active).Select(c => new { c.Id, c.CreatedAt }).ToListAsync(cancellationToken);
                return [.. joined.Where(j => CareDays.IsAnniversary(DateOnly.FromDateTime(clock.ToLocal(j.CreatedAt).DateTime), day)).Select(j => j.Id).Order()];
        }
    }
}
