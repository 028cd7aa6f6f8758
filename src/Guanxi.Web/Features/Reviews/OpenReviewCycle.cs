using Guanxi.Domain.Common;
using Guanxi.Domain.Reviews;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Reviews;

/// <summary>
/// ARC-6: opens a review cycle — a review task for the owner of every active customer, due when the cycle is — and flags
/// the customers whose amount of the last 12 months grew fast since the last cycle, or who churned since then. The
/// daily job opens one when the interval has passed; an administrator or the customer-service manager may open one early,
/// but not while a cycle is still open (until its due day): a second click, or a second client, opens nothing.
/// </summary>
public sealed class OpenReviewCycle(GuanxiDbContext db, EnterpriseSettings settings, EnterpriseClock clock, TimeProvider time, Customers.CustomerViewers viewers, Shared.Auth.CurrentUser user, Shared.Auth.StaffNames staffNames)
{
    public static readonly Error NotAllowed = Error.Forbidden("review.open_not_allowed", "只有系统管理员和客服经理可以提前开启核查周期。", "Only administrators and the customer-service manager open a cycle early.");

    public static Error StillOpen(int number, DateOnly dueOn) => Error.Conflict("review.cycle_open",
        $"第 {number} 期核查尚未结束（{dueOn.Year} 年 {dueOn.Month} 月 {dueOn.Day} 日截止），结束后才能开启下一期。",
        $"Review cycle {number} is still open (due {dueOn.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}); the next opens after it.");

    /// <summary>A person opens a cycle now (administrators and the customer-service manager): 409 while one is open.</summary>
    public async Task<Result<ReviewCycleView>> Now(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !ReviewAccess.CanOpenEarly(viewer))
            return NotAllowed;
        var today = clock.Today;
        var open = await db.Set<ReviewCycle>().AsNoTracking().Where(c => c.OpenedOn <= today && c.DueOn >= today)
            .OrderByDescending(c => c.Number).Select(c => new { c.Number, c.DueOn }).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
            return StillOpen(open.Number, open.DueOn);
        try
        {
            var cycle = (await Handle(Actor.Staff(user.Id), early: true, cancellationToken))!;
            return ReviewCycleView.Of(cycle, await staffNames.Of([cycle.OpenedById], cancellationToken));
        }
        catch (DbUpdateException)
        {
            // Another call opened the same number at the same moment (the number is unique): that one stands.
            var last = await db.Set<ReviewCycle>().AsNoTracking().OrderByDescending(c => c.Number).Select(c => new { c.Number, c.DueOn }).FirstAsync(cancellationToken);
            return StillOpen(last.Number, last.DueOn);
        }
    }

    public const string PolicyKey = "reviews.policy";
    private const int Chunk = 10_000;

    private readonly record struct Candidate(Guid Id, string OwnerId, Guid DepartmentId, decimal Before, decimal Now, DateOnly? ChurnedOn);

    /// <returns>The cycle opened, or null when none is due and <paramref name="early"/> is false.</returns>
    public async Task<ReviewCycle?> Handle(Actor by, bool early, CancellationToken cancellationToken = default)
    {
        var policy = await settings.Get(PolicyKey, ReviewPolicy.Default, cancellationToken);
        var (today, now) = (clock.Today, time.GetUtcNow());
        var last = await db.Set<ReviewCycle>().AsNoTracking().OrderByDescending(c => c.Number).Select(c => new { c.Number, c.OpenedOn }).FirstOrDefaultAsync(cancellationToken);
        if (!early && !policy.IsDue(last?.OpenedOn, today))
            return null;
        var cycle = ReviewCycle.Open((last?.Number ?? 0) + 1, policy, last?.OpenedOn, today, by, now);
        var candidates = await Candidates(cycle.Since, today, cancellationToken);
        var tasks = new List<CustomerTask>(candidates.Count);
        var reviews = new List<CustomerReview>(candidates.Count);
        foreach (var c in candidates)
        {
            var cause = policy.CauseFor(cycle.Since, c.Before, c.Now, c.ChurnedOn);
            var note = cause is { } why
                ? ($"第 {cycle.Number} 期定期核查：{why.Zh}，并将档案归为重要、特殊或一般", $"Review cycle {cycle.Number}: {why.En}, and file the archive as important, special or general")
                : ($"第 {cycle.Number} 期定期核查：核对客户档案，归为重要、特殊或一般", $"Review cycle {cycle.Number}: check the archive and file it as important, special or general");
            var task = CustomerTask.Open(c.Id, CustomerTaskKind.Review, c.OwnerId, c.DepartmentId, cycle.DueOn, note, now);
            tasks.Add(task);
            reviews.Add(CustomerReview.Open(task.Id, cycle.Id, c.Id, c.Before, c.Now, cause));
        }
        cycle.Counted(reviews.Count, reviews.Count(r => r.Cause is not null));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using (var insert = new BulkInsert(db, typeof(CustomerTask), connection, transaction.GetDbTransaction()))
            foreach (var chunk in tasks.Chunk(Chunk))
                await insert.Run(chunk, cancellationToken);
        await using (var insert = new BulkInsert(db, typeof(CustomerReview), connection, transaction.GetDbTransaction()))
            foreach (var chunk in reviews.Chunk(Chunk))
                await insert.Run(chunk, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cycle;
    }

    /// <summary>
    /// Every active customer with the amount of the 12 months before <paramref name="since"/> and before today (returns
    /// net), and the day they churned when that was on or after <paramref name="since"/> and they are churned still.
    /// </summary>
    private async Task<List<Candidate>> Candidates(DateOnly since, DateOnly today, CancellationToken cancellationToken)
    {
        var values = new SqlValues(db.Database.IsSqlite());
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 0;
            command.CommandText = """
                SELECT c."Id", c."OwnerId", c."DepartmentId", a.before, a.now, CASE WHEN c."Stage" = 'Churned' THEN ch.churned END
                FROM "Customers" c
                LEFT JOIN (
                    SELECT o."CustomerId",
                        SUM(CASE WHEN o."OrderedAt" > @beforeFrom AND o."OrderedAt" <= @since THEN o."Amount" ELSE 0 END) AS before,
                        SUM(CASE WHEN o."OrderedAt" > @nowFrom THEN o."Amount" ELSE 0 END) AS now
                    FROM "Orders" o
                    WHERE o."OrderedAt" > @earliest AND o."OrderedAt" <= @today
                    GROUP BY o."CustomerId") a ON a."CustomerId" = c."Id"
                LEFT JOIN (
                    SELECT s."CustomerId", MAX(s."EffectiveOn") AS churned
                    FROM "StageChanges" s
                    WHERE s."To" = 'Churned' AND s."EffectiveOn" >= @since
                    GROUP BY s."CustomerId") ch ON ch."CustomerId" = c."Id"
                WHERE c."Status" = 'Active'
                """;
            var (beforeFrom, nowFrom) = (since.AddMonths(-12), today.AddMonths(-12));
            SqlValues.Parameter(command, "@beforeFrom", values.Date(beforeFrom));
            SqlValues.Parameter(command, "@nowFrom", values.Date(nowFrom));
            SqlValues.Parameter(command, "@earliest", values.Date(beforeFrom < nowFrom ? beforeFrom : nowFrom));
            SqlValues.Parameter(command, "@since", values.Date(since));
            SqlValues.Parameter(command, "@today", values.Date(today));
            var candidates = new List<Candidate>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                candidates.Add(new Candidate(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), values.Money(reader, 3), values.Money(reader, 4), values.Date(reader, 5)));
            return candidates;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
