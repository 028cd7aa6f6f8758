using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>A task's state in lists: pending, overdue (pending past its window), or how it ended.</summary>
public enum SurveyTaskStatus
{
    Pending,
    Overdue,
    Completed,
    Incomplete,
    Unreachable,
    FalseArchive,
}

public sealed record SurveyTaskView(
    Guid Id, Guid CustomerId, string CustomerName, Guid? OrderId, SurveyKind Kind, DateOnly DeliveredOn, DateOnly WindowStart, DateOnly WindowEnd,
    SurveyTaskStatus Status, string? AssigneeId, string? Assignee, int Attempts, DateTimeOffset? CallBackAt, string? OverdueReason, Guid? ProgramId = null);

public sealed record SurveyTaskList(IReadOnlyList<SurveyTaskView> Items, int Total);

/// <summary>The survey tasks by status, kind, assignee and window (overlapping from–to), those due first.</summary>
public sealed class ListSurveyTasks(GuanxiDbContext db, EnterpriseClock clock)
{
    public async Task<SurveyTaskList> Handle(SurveyTaskStatus? status, SurveyKind? kind, string? assigneeId, DateOnly? from, DateOnly? to, int skip, int take,
        DateOnly? dueBy = null, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var tasks = db.Set<SurveyTask>().AsNoTracking();
        if (kind is { } k)
            tasks = tasks.Where(t => t.Kind == k);
        if (!string.IsNullOrEmpty(assigneeId))
            tasks = tasks.Where(t => t.AssigneeId == assigneeId);
        if (from is { } f)
            tasks = tasks.Where(t => t.Due >= f);
        if (to is { } e)
            tasks = tasks.Where(t => t.Opens <= e);
        if (dueBy is { } by)
            tasks = tasks.Where(t => t.Due <= by);
        tasks = status switch
        {
            SurveyTaskStatus.Pending => tasks.Where(t => t.Outcome == SurveyOutcome.Pending && t.Due >= today),
            SurveyTaskStatus.Overdue => tasks.Where(t => t.Outcome == SurveyOutcome.Pending && t.Due < today),
            SurveyTaskStatus.Completed => tasks.Where(t => t.Outcome == SurveyOutcome.Completed),
            SurveyTaskStatus.Incomplete => tasks.Where(t => t.Outcome == SurveyOutcome.Incomplete),
            SurveyTaskStatus.Unreachable => tasks.Where(t => t.Outcome == SurveyOutcome.Unreachable),
            SurveyTaskStatus.FalseArchive => tasks.Where(t => t.Outcome == SurveyOutcome.FalseArchive),
            _ => tasks,
        };
        var total = await tasks.CountAsync(cancellationToken);
        var rows = await (from t in tasks
                          join c in db.Set<Customer>() on t.CustomerId equals c.Id
                          orderby t.Due, t.Id
                          select new { t, c.Name, Assignee = db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault() })
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new SurveyTaskList([.. rows.Select(r => new SurveyTaskView(r.t.Id, r.t.CustomerId, r.Name, r.t.OrderId, r.t.Kind, r.t.DeliveredOn, r.t.Opens, r.t.Due,
            StatusOf(r.t, today), r.t.AssigneeId, r.Assignee, r.t.Attempts, r.t.CallBackAt, r.t.OverdueReason, r.t.ProgramId))], total);
    }

    public static SurveyTaskStatus StatusOf(SurveyTask task, DateOnly today) => task.Outcome switch
    {
        SurveyOutcome.Pending => task.IsOverdue(today) ? SurveyTaskStatus.Overdue : SurveyTaskStatus.Pending,
        SurveyOutcome.Completed => SurveyTaskStatus.Completed,
        SurveyOutcome.Incomplete => SurveyTaskStatus.Incomplete,
        SurveyOutcome.Unreachable => SurveyTaskStatus.Unreachable,
        _ => SurveyTaskStatus.FalseArchive,
    };
}
