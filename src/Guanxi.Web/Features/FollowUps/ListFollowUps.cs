using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Tasks;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.FollowUps;

/// <summary>A follow-up as listed: the task, its customer and owner, and what it learnt once done.</summary>
public sealed record FollowUpView(Guid Id, Guid CustomerId, string Customer, CustomerTaskKind Kind, DateOnly DueOn, string Note, string AssigneeId, string? Assignee,
    TaskState Status, DateTimeOffset? DoneAt, string? Usage, string? Needs, string? Feedback, bool? Opportunity, string? OpportunityNote, string? Outcome);

public sealed record FollowUpList(IReadOnlyList<FollowUpView> Items, int Total, int Open, int Overdue, int DueThisWeek, int Page, int PageSize);

/// <summary>
/// SVC-4: the follow-ups — care calls, follow-up calls and visits. mine=true the caller's own; otherwise everyone's in the
/// caller's sight (a department manager's department, customer service and leadership all), open ones first by due date.
/// </summary>
public sealed class ListFollowUps(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock)
{
    public async Task<Result<FollowUpList>> Handle(bool mine, TaskState? status, DateOnly? dueBy, Paging paging, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var today = clock.Today;
        var tasks = FollowUpsInSight(db, viewer, mine);
        var week = today.AddDays(7);
        var counts = await tasks.Where(t => t.DoneAt == null).GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(),
            Overdue = g.Count(t => t.DueOn < today),
            Week = g.Count(t => t.DueOn >= today && t.DueOn < week),
        }).FirstOrDefaultAsync(cancellationToken);
        tasks = status switch
        {
            TaskState.Open => tasks.Where(t => t.DoneAt == null),
            TaskState.Overdue => tasks.Where(t => t.DoneAt == null && t.DueOn < today),
            TaskState.Done => tasks.Where(t => t.DoneAt != null),
            _ => tasks,
        };
        if (dueBy is { } by)
            tasks = tasks.Where(t => t.DueOn <= by);
        var total = await tasks.CountAsync(cancellationToken);
        var english = Cultures.IsEnglish;
        var items = await tasks.OrderBy(t => t.DoneAt != null).ThenBy(t => t.DoneAt == null ? t.DueOn : DateOnly.MaxValue).ThenByDescending(t => t.DoneAt).ThenBy(t => t.Id)
            .Skip(paging.Offset).Take(paging.Size)
            .Select(t => new FollowUpView(t.Id, t.CustomerId, db.Set<Customer>().Where(c => c.Id == t.CustomerId).Select(c => c.Name).First(), t.Kind, t.DueOn,
                english ? t.NoteEn : t.Note, t.AssigneeId, db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                t.DoneAt != null ? TaskState.Done : t.DueOn < today ? TaskState.Overdue : TaskState.Open, t.DoneAt,
                t.FollowUp!.Usage, t.FollowUp!.Needs, t.FollowUp!.Feedback, t.FollowUp == null ? null : t.FollowUp.Opportunity, t.FollowUp!.OpportunityNote, t.Outcome))
            .ToListAsync(cancellationToken);
        return new FollowUpList(items, total, counts?.Open ?? 0, counts?.Overdue ?? 0, counts?.Week ?? 0, paging.Number, paging.Size);
    }

    /// <summary>The follow-up tasks the viewer may list: their own, or those of the department they oversee, or all.</summary>
    public static IQueryable<CustomerTask> FollowUpsInSight(GuanxiDbContext db, Viewer viewer, bool mine)
    {
        var tasks = db.Set<CustomerTask>().AsNoTracking()
            .Where(t => t.Kind == CustomerTaskKind.CareCall || t.Kind == CustomerTaskKind.FollowUpCall || t.Kind == CustomerTaskKind.FollowUpVisit);
        if (mine || !CustomerAccess.Oversees(viewer))
            return tasks.Where(t => t.AssigneeId == viewer.UserId);
        return CustomerAccess.ListedDepartment(viewer) is { } department ? tasks.Where(t => t.DepartmentId == department) : tasks;
    }
}
