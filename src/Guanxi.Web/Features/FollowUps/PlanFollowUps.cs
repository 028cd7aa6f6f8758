using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Grading;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.FollowUps;

/// <summary>What a planning run made: calls and visits, and how many owners were told.</summary>
public sealed record FollowUpPlanRun(int Calls, int Visits, int Owners);

/// <summary>
/// SVC-4: every morning, each active customer whose next follow-up falls within the lead days (FollowUps:LeadDays, 14) and
/// who has none open gets one for their owner — a call at the tier's cadence, a visit where the tier has one — due a cadence
/// after the last follow-up (else the day they were entered), a backlog spread by <see cref="FollowUpPlan.Due"/>. A care call
/// still open (LIF-2, after a first purchase) is the customer's next call; any contact counts as the last call, a visit as the last visit. Each owner given new ones is told once.
/// Owner by owner, so that a run at a million customers reads and writes in bounded pieces.
/// </summary>
public sealed class PlanFollowUps(GuanxiDbContext db, EnterpriseSettings settings, EnterpriseClock clock, Notifier notifier, IConfiguration configuration, TimeProvider time)
{
    private static readonly CustomerTaskKind[] CallsOpen = [CustomerTaskKind.CareCall, CustomerTaskKind.FollowUpCall];
    private static readonly CustomerTaskKind[] CallsDone = [CustomerTaskKind.CareCall, CustomerTaskKind.FollowUpCall, CustomerTaskKind.FollowUpVisit];
    private static readonly CustomerTaskKind[] Visits = [CustomerTaskKind.FollowUpVisit];

    public async Task<FollowUpPlanRun> Handle(CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var now = time.GetUtcNow();
        var lead = Math.Clamp(configuration.GetValue("FollowUps:LeadDays", 14), 0, 60);
        var standards = await settings.Get(GradingSettings.StandardsKey, ServiceStandard.Defaults, cancellationToken);
        var owners = await db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active).Select(c => c.OwnerId).Distinct().ToListAsync(cancellationToken);
        var made = new Dictionary<string, (int Calls, int Visits)>();
        foreach (var owner in owners)
        {
            var tasks = new List<CustomerTask>();
            foreach (var standard in standards)
            {
                foreach (var kind in new[] { CustomerTaskKind.FollowUpCall, CustomerTaskKind.FollowUpVisit })
                {
                    if (FollowUpPlan.Cadence(standard, kind) is not { } cadence)
                        continue;
                    var (open, done) = kind == CustomerTaskKind.FollowUpCall ? (CallsOpen, CallsDone) : (Visits, Visits);
                    var before = clock.StartOf(today.AddDays(lead - cadence + 1)).ToUniversalTime();   // last follow-up on or before today + lead − cadence
                    // The last follow-up: a follow-up task done, or a contact — any for a call, a visit for a visit.
                    var visit = kind == CustomerTaskKind.FollowUpVisit;
                    var due = await db.Set<Customer>().AsNoTracking()
                        .Where(c => c.OwnerId == owner && c.Status == CustomerStatus.Active && c.Tier == standard.Tier && c.CreatedAt < before
                            && (visit || c.LastContactAt == null || c.LastContactAt < before)
                            && !db.Set<CustomerTask>().Any(t => t.CustomerId == c.Id && t.DoneAt == null && open.Contains(t.Kind))
                            && !db.Set<CustomerTask>().Any(t => t.CustomerId == c.Id && t.DoneAt >= before && done.Contains(t.Kind))
                            && !(visit && db.Set<Contact>().Any(k => k.CustomerId == c.Id && k.At >= before && k.Channel == ContactChannel.Visit)))
                        .Select(c => new
                        {
                            c.Id, c.DepartmentId, c.CreatedAt,
                            Task = db.Set<CustomerTask>().Where(t => t.CustomerId == c.Id && t.DoneAt != null && done.Contains(t.Kind)).Max(t => t.DoneAt),
                            Contact = visit ? db.Set<Contact>().Where(k => k.CustomerId == c.Id && k.Channel == ContactChannel.Visit).Max(k => (DateTimeOffset?)k.At) : c.LastContactAt,
                        })
                        .ToListAsync(cancellationToken);
                    foreach (var c in due)
                    {
                        var latest = new[] { c.CreatedAt, c.Task ?? c.CreatedAt, c.Contact ?? c.CreatedAt }.Max();
                        var last = DateOnly.FromDateTime(clock.ToLocal(latest).DateTime);
                        tasks.Add(CustomerTask.Open(c.Id, kind, owner, c.DepartmentId, FollowUpPlan.Due(last, cadence, today, c.Id), Note(kind, standard.Tier, cadence), now));
                    }
                }
            }
            if (tasks.Count == 0)
                continue;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await using (var insert = new BulkInsert(db, typeof(CustomerTask), db.Database.GetDbConnection(), transaction.GetDbTransaction()))
                    foreach (var chunk in tasks.Chunk(1000))
                        await insert.Run(chunk, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            made[owner] = (tasks.Count(t => t.Kind == CustomerTaskKind.FollowUpCall), tasks.Count(t => t.Kind == CustomerTaskKind.FollowUpVisit));
        }
        await Tell(made, cancellationToken);
        return new FollowUpPlanRun(made.Values.Sum(m => m.Calls), made.Values.Sum(m => m.Visits), made.Count);
    }

    private static (string Zh, string En) Note(CustomerTaskKind kind, Tier tier, int cadence)
    {
        var (zh, en) = (tier.Chinese(), tier.English());
        return kind == CustomerTaskKind.FollowUpVisit
            ? ($"{zh}客户每 {cadence} 天面访一次：了解产品使用情况、新需求和意见", $"{en} customers are visited every {cadence} days: ask how they use the product, about new needs and their feedback")
            : ($"{zh}客户每 {cadence} 天回访一次：了解产品使用情况、新需求和意见", $"{en} customers get a follow-up call every {cadence} days: ask how they use the product, about new needs and their feedback");
    }

    private async Task Tell(Dictionary<string, (int Calls, int Visits)> made, CancellationToken cancellationToken)
    {
        var notes = made.Select(m => new StaffNotice(m.Key, null, "新的定期回访", "New follow-ups",
            $"已为您安排 {m.Value.Calls} 个回访电话" + (m.Value.Visits > 0 ? $"、{m.Value.Visits} 次面访" : "") + "，请在到期前完成。",
            $"{m.Value.Calls} follow-up calls" + (m.Value.Visits > 0 ? $" and {m.Value.Visits} visits" : "") + " were planned for you; complete them before they fall due.",
            "/followups")).ToList();
        await notifier.ToStaff(notes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
