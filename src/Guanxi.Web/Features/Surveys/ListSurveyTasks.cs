using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Shared.Api;
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

/// <summary>
/// A survey task as listed; <see cref="Step"/> is what is left to do (SAT-2/3): survey within the window, explain an overdue
/// one, nothing. <see cref="Subject"/>: what a task opened on request is about (a complaint's summary) and its page.
/// </summary>
public sealed record SurveyTaskView(
    Guid Id, Guid CustomerId, string CustomerName, Guid? OrderId, SurveyKind Kind, DateOnly DeliveredOn, DateOnly WindowStart, DateOnly WindowEnd,
    SurveyTaskStatus Status, string? AssigneeId, string? Assignee, int Attempts, DateTimeOffset? CallBackAt, string? OverdueReason, Guid? ProgramId = null,
    SurveyStep Step = SurveyStep.None, string? Subject = null, string? SubjectLink = null);

/// <summary>
/// Which tasks: status, kind, assignee, windows overlapping from–to, due on or before dueBy; and which page of them,
/// those due first or (<see cref="LatestFirst"/>) the latest window first.
/// Skip/Take are the paging of the release before (deprecated): read, up to the 500 rows they allowed, only when
/// neither Page nor PageSize is given.
/// </summary>
public sealed record SurveyTaskQuery(SurveyTaskStatus? Status = null, SurveyKind? Kind = null, string? AssigneeId = null, DateOnly? From = null, DateOnly? To = null,
    DateOnly? DueBy = null, int? Page = null, int? PageSize = null, int? Skip = null, int? Take = null, bool LatestFirst = false)
{
    public const int MaxTake = 500;

    /// <summary>The rows to skip and the page's size, and the page number and size the answer reports.</summary>
    public (int Offset, int Size, int Number) Paging()
    {
        if (Page is null && PageSize is null && (Skip is not null || Take is not null))
        {
            var (offset, take) = (Math.Max(0, Skip ?? 0), Math.Clamp(Take ?? 50, 1, MaxTake));
            return (offset, take, offset / take + 1);
        }
        var (number, size) = Page<SurveyTaskView>.Clamp(Page, PageSize);
        return ((int)Math.Min(int.MaxValue, (number - 1L) * size), size, number);
    }
}

/// <summary>
/// The survey tasks by status, kind, assignee and window (overlapping from–to), those due first (or, asked, the latest
/// window first: the ones just done): customer service and leadership.
/// </summary>
public sealed class ListSurveyTasks(GuanxiDbContext db, CurrentUser current, Customers.CustomerViewers viewers, IEnumerable<ISurveySubjects> subjects, EnterpriseClock clock)
{
    public async Task<Result<Page<SurveyTaskView>>> Handle(SurveyTaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!current.Holds(SurveyAccess.SeesTasks))   // a rule over roles: read from the sign-in, no query
            return SurveyErrors.NotCustomerService;
        var today = clock.Today;
        var tasks = db.Set<SurveyTask>().AsNoTracking();
        if (query.Kind is { } k)
            tasks = tasks.Where(t => t.Kind == k);
        if (!string.IsNullOrEmpty(query.AssigneeId))
            tasks = tasks.Where(t => t.AssigneeId == query.AssigneeId);
        if (query.From is { } f)
            tasks = tasks.Where(t => t.Due >= f);
        if (query.To is { } e)
            tasks = tasks.Where(t => t.Opens <= e);
        if (query.DueBy is { } by)
            tasks = tasks.Where(t => t.Due <= by);
        tasks = query.Status switch
        {
            SurveyTaskStatus.Pending => tasks.Where(t => t.Outcome == SurveyOutcome.Pending && t.Due >= today),
            SurveyTaskStatus.Overdue => tasks.Where(t => t.Outcome == SurveyOutcome.Pending && t.Due < today),
            SurveyTaskStatus.Completed => tasks.Where(t => t.Outcome == SurveyOutcome.Completed),
            SurveyTaskStatus.Incomplete => tasks.Where(t => t.Outcome == SurveyOutcome.Incomplete),
            SurveyTaskStatus.Unreachable => tasks.Where(t => t.Outcome == SurveyOutcome.Unreachable),
            SurveyTaskStatus.FalseArchive => tasks.Where(t => t.Outcome == SurveyOutcome.FalseArchive),
            _ => tasks,
        };
        var (offset, size, number) = query.Paging();
        var total = await tasks.CountAsync(cancellationToken);
        var joined = from t in tasks
                     join c in db.Set<Customer>() on t.CustomerId equals c.Id
                     select new { t, c.Name, Assignee = db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault() };
        var ordered = query.LatestFirst
            ? joined.OrderByDescending(x => x.t.Due).ThenByDescending(x => x.t.Id)
            : joined.OrderBy(x => x.t.Due).ThenBy(x => x.t.Id);
        var rows = await ordered.Skip(offset).Take(size).ToListAsync(cancellationToken);
        var onRequest = rows.Where(r => r.t.ProgramId != null).Select(r => r.t.Id).ToList();
        var about = onRequest.Count > 0 && subjects.Any() && await viewers.Current(cancellationToken) is { } viewer
            ? await Subjects(viewer, subjects, onRequest, cancellationToken) : new Dictionary<Guid, SurveySubject>();
        return new Page<SurveyTaskView>([.. rows.Select(r => new SurveyTaskView(r.t.Id, r.t.CustomerId, r.Name, r.t.OrderId, r.t.Kind, r.t.DeliveredOn, r.t.Opens, r.t.Due,
            StatusOf(r.t, today), r.t.AssigneeId, r.Assignee, r.t.Attempts, r.t.CallBackAt, r.t.OverdueReason, r.t.ProgramId, r.t.NextStep(today),
            about.GetValueOrDefault(r.t.Id)?.Text, about.GetValueOrDefault(r.t.Id)?.Link))], total, number, size);
    }

    /// <summary>What those of the tasks opened on request are about, as far as the viewer sees their records.</summary>
    internal static async Task<IReadOnlyDictionary<Guid, SurveySubject>> Subjects(Viewer viewer, IEnumerable<ISurveySubjects> subjects, IReadOnlyCollection<Guid> taskIds,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, SurveySubject>();
        if (taskIds.Count == 0)
            return found;
        foreach (var s in subjects)
        {
            foreach (var (id, subject) in await s.Of(viewer, taskIds, cancellationToken))
                found[id] = subject;
        }
        return found;
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
