using Guanxi.Web.Shared.Api;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Tasks;

public enum TaskState
{
    Open,
    Overdue,
    Done,
}

/// <summary>A task as listed: <see cref="DoneBy"/> names who did it as today, in the viewer's language; <see cref="DoneById"/> is their id.</summary>
public sealed record CustomerTaskView(Guid Id, Guid CustomerId, string Customer, CustomerTaskKind Kind, DateOnly DueOn, string Note, string? Assignee, DateTimeOffset? DoneAt, string? DoneBy, string? Outcome, bool Overdue, string? DoneById = null)
{
    /// <summary>Tasks read with their doer's id (and the text an older version kept), named in one query.</summary>
    public static async Task<List<CustomerTaskView>> Named(StaffNames staffNames, IReadOnlyList<(CustomerTaskView View, string? Text)> rows, CancellationToken cancellationToken)
    {
        var names = await staffNames.Of(rows.Select(r => r.View.DoneById), cancellationToken);
        return [.. rows.Select(r => r.View with { DoneBy = names.WhoIfAny(r.View.DoneById, r.Text) })];
    }
}

/// <summary>
/// The customer tasks (<see cref="Items"/> and their counts) and, for the caller's own list, the other work assigned to
/// them (<see cref="Work"/>: a callback specialist's survey calls), each kind paged on its own with its counts.
/// </summary>
public sealed record TaskList(IReadOnlyList<CustomerTaskView> Items, int Total, int Open, int Overdue, int Done, int Page = 1, int PageSize = 50, IReadOnlyList<AssignedWork>? Work = null)
{
    /// <summary>What is still to do, overdue and done across the customer tasks and the other work: the page's counts (not in the API: each list has its own).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public (int Open, int Overdue, int Done) AllCounts =>
        (Open + (Work?.Sum(w => w.Open) ?? 0), Overdue + (Work?.Sum(w => w.Overdue) ?? 0), Done + (Work?.Sum(w => w.Done) ?? 0));
}

/// <summary>
/// "My tasks": the caller's own tasks, or — for department managers, customer service and leadership — everyone's in
/// their sight (their department's, or all), open ones first by due date. The caller's own list also holds the other
/// work assigned to them (<see cref="IAssignedWork"/>: survey calls), unless a kind of customer task is asked for;
/// workPaging pages it (default the first 20).
/// </summary>
public sealed class ListTasks(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock, StaffNames staffNames, IEnumerable<IAssignedWork> assigned)
{
    public const int WorkPageSize = 20;

    public async Task<Result<TaskList>> Handle(bool mine, TaskState? state, CustomerTaskKind? kind, Paging paging, Paging? workPaging = null, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return CompleteTask.NotAllowed;
        var today = clock.Today;
        var tasks = db.Set<CustomerTask>().AsNoTracking();
        var department = CustomerAccess.ListedDepartment(viewer);
        if (mine || !CustomerAccess.Oversees(viewer))
            tasks = tasks.Where(t => t.AssigneeId == viewer.UserId);
        else if (department is { } d)
            tasks = tasks.Where(t => t.DepartmentId == d);
        if (kind is { } k)
            tasks = tasks.Where(t => t.Kind == k);
        var counts = await tasks.GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(t => t.DoneAt == null),
            Overdue = g.Count(t => t.DoneAt == null && t.DueOn < today),
            Done = g.Count(t => t.DoneAt != null),
        }).FirstOrDefaultAsync(cancellationToken);
        tasks = state switch
        {
            TaskState.Open => tasks.Where(t => t.DoneAt == null),
            TaskState.Overdue => tasks.Where(t => t.DoneAt == null && t.DueOn < today),
            TaskState.Done => tasks.Where(t => t.DoneAt != null),
            _ => tasks,
        };
        var total = await tasks.CountAsync(cancellationToken);
        var english = Cultures.IsEnglish;
        var rows = await tasks.OrderBy(t => t.DoneAt != null).ThenBy(t => t.DoneAt == null ? t.DueOn : DateOnly.MaxValue).ThenByDescending(t => t.DoneAt).ThenBy(t => t.Id)
            .Skip(paging.Offset).Take(paging.Size)
            .Select(t => new { View = new CustomerTaskView(t.Id, t.CustomerId, db.Set<Customer>().Where(c => c.Id == t.CustomerId).Select(c => c.Name).First(), t.Kind, t.DueOn,
                english ? t.NoteEn : t.Note, db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                t.DoneAt, null, t.Outcome, t.DoneAt == null && t.DueOn < today, t.DoneById), t.DoneByText })
            .ToListAsync(cancellationToken);
        var items = await CustomerTaskView.Named(staffNames, [.. rows.Select(r => (r.View, r.DoneByText))], cancellationToken);
        var work = new List<AssignedWork>();
        if (mine && kind is null)
            foreach (var source in assigned)
                if (await source.Mine(viewer, state, workPaging ?? new Paging(1, WorkPageSize), cancellationToken) is { } theirs)
                    work.Add(theirs);
        return new TaskList(items, total, counts?.Open ?? 0, counts?.Overdue ?? 0, counts?.Done ?? 0, paging.Number, paging.Size, work);
    }
}
