using Guanxi.Domain.Customers;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Tasks;

/// <summary>Where an item of assigned work stands for its assignee, and so what 我的任务 offers for it.</summary>
public enum WorkState
{
    /// <summary>To do: the page offers to start it.</summary>
    Open,

    /// <summary>Its time passed undone: it can no longer be done, the reason why is due (the page offers to give it).</summary>
    Overdue,

    /// <summary>Its time passed and the reason is recorded: nothing left to do.</summary>
    Explained,

    /// <summary>Done.</summary>
    Done,
}

/// <summary>
/// One item of work another feature assigned to the caller: whose customer, what (in the viewer's language), when it may
/// be done and by when, where it stands, the page it is done on and, after its time, the reason recorded.
/// </summary>
public sealed record AssignedWorkItem(Guid Id, Guid CustomerId, string Customer, string What, DateOnly OpensOn, DateOnly DueOn, WorkState State, string Href, string? Reason);

/// <summary>
/// One kind of assigned work of the caller's: a page of it with the counts — <see cref="Open"/> what is still to do
/// (overdue included), <see cref="Overdue"/> what passed its time without a reason, <see cref="Done"/> done or explained.
/// </summary>
public sealed record AssignedWork(string Kind, IReadOnlyList<AssignedWorkItem> Items, int Total, int Open, int Overdue, int Done, int Page, int PageSize);

/// <summary>
/// Work another feature assigns to one person (Surveys: the survey calls of a callback specialist), listed in 我的任务
/// beside the customer tasks. Tasks owns the contract; the higher feature registers its part in DI.
/// </summary>
public interface IAssignedWork
{
    /// <summary>
    /// The caller's own work of this kind in a state (open includes overdue), one page of it, due first, with the counts;
    /// null when the caller does not do this kind of work (the rule is the owning feature's).
    /// </summary>
    Task<AssignedWork?> Mine(Viewer viewer, TaskState? state, Paging paging, CancellationToken cancellationToken);
}
