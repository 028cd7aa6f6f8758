using Guanxi.Domain.Common;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Orders;

/// <summary>
/// Writes orders by kind and external number (POST /api/orders and /api/orders/batch): a new number creates the order, a
/// known one updates it, the same order sent again changes nothing — so a batch can be sent twice. Each body is checked on
/// its own; the valid ones are written in one transaction, the others rejected with their index and reason.
/// </summary>
public sealed class SaveOrders(GuanxiDbContext db, CustomerViewers viewers, OrderInput input, OrderWriter writer)
{
    public const int MaxBatch = 10_000;

    public sealed record Outcome(int Created, int Updated, IReadOnlyList<(int Index, IReadOnlyList<Error> Errors)> Rejected, IReadOnlyList<Guid> Ids);

    public sealed record Saved(Guid Id, bool Created);

    public static readonly Error NoCaller = Error.Forbidden("order.no_caller", "请先登录。", "Sign in first.");

    /// <summary>One order (the API's POST and the order form): its errors, or its id and whether it was new.</summary>
    /// <param name="expectedVersion">The order form's: the version it read, so that a stale form does not overwrite a newer change.</param>
    public async Task<Result<Saved>> One(OrderBody body, string source, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var saved = await Batch([body], source, expectedVersion, cancellationToken);
        if (!saved.Succeeded)
            return Result<Saved>.Fail(saved.Errors);
        return saved.Value!.Rejected is [var (_, errors), ..] ? Result<Saved>.Fail(errors) : new Saved(saved.Value.Ids[0], saved.Value.Created == 1);
    }

    /// <summary>Many orders: the valid ones written in one transaction, the others rejected with their index and reasons.</summary>
    public async Task<Result<Outcome>> Batch(IReadOnlyList<OrderBody?> bodies, string source, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (bodies.Count is 0 or > MaxBatch)
            return OrderWebErrors.BatchSize;
        for (var i = 0; i < bodies.Count; i++)
        {
            if (bodies[i] is null)
                return Shared.Api.JsonInputErrors.NullItem.At($"[{i}]");
        }
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return NoCaller;
        var read = await input.Read([.. bodies.OfType<OrderBody>()], viewer, cancellationToken);
        var rejected = read.Select((r, i) => (i, r.Errors)).Where(r => r.Errors.Count > 0).ToList();
        var valid = read.Where(r => r.Succeeded).Select(r => r.Value!).ToList();
        // The last of two bodies with the same number wins, as if they had been sent one after the other.
        var distinct = valid.GroupBy(d => (d.Kind, No: d.ExternalNo!.Trim())).Select(g => g.Last()).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (expectedVersion is { } expected && distinct is [var only]
            && await db.Set<Order>().AnyAsync(o => o.Kind == only.Kind && o.ExternalNo == only.ExternalNo!.Trim() && o.Version != expected, cancellationToken))
            return OrderWebErrors.Changed;
        var (created, updated, ids) = await writer.Upsert(distinct, source, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await writer.AfterCommit(cancellationToken);
        var idOf = distinct.Select((d, i) => (Key: (d.Kind, d.ExternalNo!.Trim()), Id: ids[i])).ToDictionary(x => x.Key, x => x.Id);
        return new Outcome(created, updated, rejected, [.. read.Select(r => r.Value is { } d ? idOf[(d.Kind, d.ExternalNo!.Trim())] : Guid.Empty)]);
    }
}

/// <summary>How many orders an upsert created and updated, and each one's id in the order given.</summary>
public sealed record Upserted(int Created, int Updated, IReadOnlyList<Guid> Ids);

/// <summary>
/// Upserts orders inside the caller's transaction: known numbers through the change tracker (each changed field in the
/// history), new ones in bulk (<see cref="BulkInsert"/>) with one history row each saying where they came from.
/// </summary>
public sealed class OrderWriter(
    GuanxiDbContext db, Shared.Auth.CurrentUser user, TimeProvider time, IEnumerable<IOrdersWritten> told, Quartz.ISchedulerFactory? schedulers = null)
{
    /// <summary>
    /// Up to this many customers are judged and rated again inside the write (LIF-1, ARC-5). A bigger write (an import, a
    /// large batch) has the nightly jobs run for everyone once it is committed (<see cref="AfterCommit"/>): one pass over
    /// all orders instead of one per chunk over the same customers' growing history.
    /// </summary>
    public const int InlineCustomers = 1000;

    private bool deferred;

    public Task<Upserted> Upsert(IReadOnlyList<OrderDetails> orders, string source, CancellationToken cancellationToken) =>
        Upsert(orders, _ => source, cancellationToken);

    /// <param name="sourceOf">Where the i-th order came from, for its history ("orders.csv #12").</param>
    public async Task<Upserted> Upsert(IReadOnlyList<OrderDetails> orders, Func<int, string> sourceOf, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<(OrderKind, string), Order>();
        foreach (var kind in orders.Select(o => o.Kind).Distinct())
        {
            // By kind and number: the unique index's order, so each number is one index seek; the numbers as one array parameter.
            var numbers = orders.Where(o => o.Kind == kind).Select(o => o.ExternalNo!.Trim()).Distinct().ToList();
            foreach (var order in await db.Set<Order>().Where(o => o.Kind == kind && EF.Parameter(numbers).Contains(o.ExternalNo)).ToListAsync(cancellationToken))
                existing[(order.Kind, order.ExternalNo)] = order;
        }
        var now = time.GetUtcNow();
        // LIF-1, ARC-5: the customers of these orders, before and after, are judged and rated again once they are written (IOrdersWritten).
        var customers = orders.Select(o => o.CustomerId).Concat(existing.Values.Select(o => o.CustomerId)).ToHashSet();
        var ids = new List<Guid>(orders.Count);
        var created = new List<(Order Order, string Source)>();
        var updated = 0;
        foreach (var (details, index) in orders.Select((o, i) => (o, i)))
        {
            if (existing.TryGetValue((details.Kind, details.ExternalNo!.Trim()), out var order))
            {
                var version = order.Version;
                order.Update(details);
                updated += order.Version != version ? 1 : 0;
            }
            else
            {
                order = Order.Create(details, now).Value!;
                created.Add((order, sourceOf(index)));
            }
            ids.Add(order.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (created.Count > 0)
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Orders are written in a transaction.");
            await using var insert = new BulkInsert(db, typeof(Order), connection, transaction);
            await using var history = new BulkInsert(db, typeof(Audit.AuditEntry), connection, transaction);
            foreach (var chunk in created.Chunk(5000))
            {
                await insert.Run(chunk.Select(c => c.Order), cancellationToken);
                var change = Audit.History.Change(user, now);
                await history.Run(chunk.Select(c => change.Inserted(nameof(Order), c.Order.Id, Audit.History.Created, c.Source)), cancellationToken);
            }
        }
        if (customers.Count <= InlineCustomers)
        {
            foreach (var one in told)
                await one.Written(By, customers, cancellationToken);
        }
        else
        {
            deferred = true;
        }
        return new Upserted(created.Count, updated, ids);
    }

    /// <summary>After the caller's commit (Quartz writes its own tables, which SQLite's single writer would block before): a write too big to judge inline starts the jobs that judge everyone (<see cref="IOrdersWritten.WrittenInBulk"/>).</summary>
    public async Task AfterCommit(CancellationToken cancellationToken)
    {
        if (!deferred || schedulers is null)
            return;
        deferred = false;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var one in told)
            await one.WrittenInBulk(scheduler, By, cancellationToken);
    }

    /// <summary>Who wrote the orders, as the stage and credit histories name them.</summary>
    private Domain.Common.Actor By => Domain.Common.Actor.Staff(user.Id, Domain.Common.ActorCause.Orders);
}
