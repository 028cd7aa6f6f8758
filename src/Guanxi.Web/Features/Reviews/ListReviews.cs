using Guanxi.Web.Shared.Api;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Reviews;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Tasks;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Reviews;

/// <summary>A review cycle: <see cref="OpenedBy"/> names who opened it as today, in the viewer's language; <see cref="OpenedById"/> is their id (or the system's).</summary>
public sealed record ReviewCycleView(Guid Id, int Number, DateOnly OpenedOn, DateOnly Since, DateOnly DueOn, string OpenedBy, int Reviews, int Flagged, string OpenedById, DateTimeOffset OpenedAt)
{
    public static ReviewCycleView Of(ReviewCycle c, ActorNames names) =>
        new(c.Id, c.Number, c.OpenedOn, c.Since, c.DueOn, names.Who(c.OpenedById, c.OpenedByCause, c.OpenedByText), c.Reviews, c.Flagged, c.OpenedById, c.OpenedAt);
}

public sealed record ReviewView(
    Guid Id, Guid CustomerId, string CustomerName, Tier Tier, string? Assignee, DateOnly DueOn, ReviewCause? Cause, string? CauseNote,
    decimal AmountBefore, decimal AmountNow, ReviewCategory? Category, string? Note, DateTimeOffset? DoneAt, string? DoneBy, bool Overdue, string? DoneById = null);

public sealed record ReviewList(
    ReviewCycleView? Cycle, IReadOnlyList<ReviewCycleView> Cycles, IReadOnlyList<ReviewView> Items, int Total, int Open, int Overdue, int Done, int Flagged, int Page = 1, int PageSize = 50);

/// <summary>
/// ARC-6: the review tasks of a cycle (the latest by default) — the caller's own, or for managers everyone's in their
/// sight — flagged ones first among the open, with counts.
/// </summary>
public sealed class ListReviews(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock, StaffNames staffNames)
{
    public async Task<Result<ReviewList>> Handle(bool mine, Guid? cycleId, TaskState? state, bool flaggedOnly, Paging paging, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return ReviewProgress.NotAllowed;
        var today = clock.Today;
        var english = Cultures.IsEnglish;
        var opened = await db.Set<ReviewCycle>().AsNoTracking().OrderByDescending(c => c.Number).Take(24).ToListAsync(cancellationToken);
        var cycleNames = await staffNames.Of(opened.Select(c => c.OpenedById), cancellationToken);
        var cycles = opened.Select(c => ReviewCycleView.Of(c, cycleNames)).ToList();
        var cycle = cycleId is { } id ? cycles.SingleOrDefault(c => c.Id == id) : cycles.FirstOrDefault();
        if (cycle is null)
            return new ReviewList(null, cycles, [], 0, 0, 0, 0, 0);

        var rows = from r in db.Set<CustomerReview>().AsNoTracking()
                   join t in db.Set<CustomerTask>().AsNoTracking() on r.Id equals t.Id
                   where r.CycleId == cycle.Id
                   select new { r, t };
        var department = CustomerAccess.ListedDepartment(viewer);
        if (mine || !CustomerAccess.Oversees(viewer))
            rows = rows.Where(x => x.t.AssigneeId == viewer.UserId);
        else if (department is { } d)
            rows = rows.Where(x => x.t.DepartmentId == d);
        var counts = await rows.GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(x => x.t.DoneAt == null),
            Overdue = g.Count(x => x.t.DoneAt == null && x.t.DueOn < today),
            Done = g.Count(x => x.t.DoneAt != null),
            Flagged = g.Count(x => x.r.Cause != null),
        }).FirstOrDefaultAsync(cancellationToken);
        if (flaggedOnly)
            rows = rows.Where(x => x.r.Cause != null);
        rows = state switch
        {
            TaskState.Open => rows.Where(x => x.t.DoneAt == null),
            TaskState.Overdue => rows.Where(x => x.t.DoneAt == null && x.t.DueOn < today),
            TaskState.Done => rows.Where(x => x.t.DoneAt != null),
            _ => rows,
        };
        var total = await rows.CountAsync(cancellationToken);
        var found = await (from x in rows
                           join c in db.Set<Customer>() on x.r.CustomerId equals c.Id
                           orderby x.t.DoneAt != null, x.r.Cause == null, c.Name, x.r.Id
                           select new
                           {
                               View = new ReviewView(x.r.Id, c.Id, c.Name, c.Tier, db.Users.Where(u => u.Id == x.t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                                   x.t.DueOn, x.r.Cause, english ? x.r.CauseNoteEn : x.r.CauseNote, x.r.AmountBefore, x.r.AmountNow, x.r.Category, x.r.Note,
                                   x.t.DoneAt, null, x.t.DoneAt == null && x.t.DueOn < today, x.t.DoneById),
                               x.t.DoneByText,
                           })
            .Skip(paging.Offset).Take(paging.Size).ToListAsync(cancellationToken);
        var names = await staffNames.Of(found.Select(x => x.View.DoneById), cancellationToken);
        var items = found.Select(x => x.View with { DoneBy = names.WhoIfAny(x.View.DoneById, x.DoneByText) }).ToList();
        return new ReviewList(cycle, cycles, items, total, counts?.Open ?? 0, counts?.Overdue ?? 0, counts?.Done ?? 0, counts?.Flagged ?? 0, paging.Number, paging.Size);
    }
}
