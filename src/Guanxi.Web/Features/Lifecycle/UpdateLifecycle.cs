using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Orders;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Lifecycle;

public sealed record LifecycleOutcome(int Customers, int Changed, int Tasks);

/// <summary>
/// LIF-1/2: sets each customer's stage from their orders and the time since the last one — for a few customers right
/// after their orders are written (inside that transaction), for everyone nightly. Each change is recorded with its
/// reason; entering a stage may open a task for the owner.
/// </summary>
public sealed class UpdateLifecycle(GuanxiDbContext db, EnterpriseSettings settings, EnterpriseClock clock, TimeProvider time)
{
    private const int Chunk = 10_000;

    /// <param name="only">The customers whose orders changed; null for everyone.</param>
    /// <param name="facts">The night's facts when grading and credit share them; null to read them.</param>
    public async Task<LifecycleOutcome> Handle(Actor by, IReadOnlyCollection<Guid>? only = null, IReadOnlyList<CustomerFact>? facts = null, CancellationToken cancellationToken = default)
    {
        var policy = await settings.Get(LifecyclePolicy.SettingsKey, LifecyclePolicy.Default, cancellationToken);
        var (today, now) = (clock.Today, time.GetUtcNow());
        facts ??= await CustomerFacts.Read(db, settings, today, only, cancellationToken);
        var changes = new List<StageChange>();
        var tasks = new List<CustomerTask>();
        foreach (var fact in facts)
        {
            var stage = Domain.Lifecycle.Lifecycle.Assess(policy, fact.Orders.History, today, fact.Stage);
            if (stage.Stage == fact.Stage)
                continue;
            changes.Add(new StageChange
            {
                CustomerId = fact.Id, At = now, From = fact.Stage, To = stage.Stage, EffectiveOn = stage.Since, Reason = stage.Reason, ReasonEn = stage.ReasonEn, ById = by.Id, ByCause = by.Cause,
            });
            if (Domain.Lifecycle.Lifecycle.TaskFor(policy, stage, fact.Orders.History, today) is { } task)
                tasks.Add(CustomerTask.Open(fact.Id, task.Kind, fact.OwnerId, fact.DepartmentId, task.DueOn, (task.Note, task.NoteEn), now));
        }
        if (changes.Count == 0)
            return new LifecycleOutcome(facts.Count, 0, 0);

        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        await using (var insert = new BulkInsert(db, typeof(StageChange), connection, transaction))
            foreach (var chunk in changes.Chunk(Chunk))
                await insert.Run(chunk, cancellationToken);
        await using (var insert = new BulkInsert(db, typeof(CustomerTask), connection, transaction))
            foreach (var chunk in tasks.Chunk(Chunk))
                await insert.Run(chunk, cancellationToken);
        // Each changed customer takes the stage and date of the change just written for them. Derived state: the
        // customer's Version, which guards a person's edit, stays.
        var changed = db.Set<StageChange>().Where(s => s.At == now);
        foreach (var ids in changes.Select(c => c.CustomerId).Chunk(Chunk))
            await db.Set<Customer>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Stage, c => changed.Where(x => x.CustomerId == c.Id).Select(x => x.To).First())
                .SetProperty(c => c.StageSince, c => changed.Where(x => x.CustomerId == c.Id).Select(x => x.EffectiveOn).First()), cancellationToken);
        if (own is not null)
            await own.CommitAsync(cancellationToken);
        return new LifecycleOutcome(facts.Count, changes.Count, tasks.Count);
    }
}
