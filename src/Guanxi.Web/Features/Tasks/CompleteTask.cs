using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Tasks;

public sealed record CompleteTaskBody(string? Outcome);

/// <summary>The assignee (or whoever may edit the customer for them) marks a task done with what came of it.</summary>
public sealed class CompleteTask(GuanxiDbContext db, CustomerViewers viewers, CurrentUser user, TimeProvider time)
{
    public static readonly Error NotAllowed = Error.Forbidden("task.not_allowed", "只有任务负责人、部门经理和客服经理可以完成该任务。", "Only the assignee, the department manager and the customer-service manager complete this task.");

    public static readonly Error NotFound = Error.NotFound("task.not_found", "任务不存在。", "No such task.");

    /// <summary>Not found when the task is out of the caller's sight.</summary>
    public async Task<Result<CustomerTask>> Handle(Guid id, CompleteTaskBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return NotFound;
        var task = await db.Set<CustomerTask>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || task.AssigneeId != viewer.UserId && !CustomerAccess.CanSee(viewer, task.DepartmentId))
            return NotFound;
        if (task.AssigneeId != viewer.UserId && !CustomerAccess.CanEdit(viewer, task.AssigneeId, task.DepartmentId))
            return NotAllowed;
        var done = task.Complete(body.Outcome, Actor.Staff(user.Id).Id, time.GetUtcNow());
        if (done.Succeeded)
            await db.SaveChangesAsync(cancellationToken);
        return done;
    }
}
