using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Reviews;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Reviews;

public sealed record OwnerProgress(string OwnerId, string Owner, string Department, int Total, int Done, int Open, int Overdue, int Flagged);

/// <summary>ARC-6: how far each owner is with a cycle's reviews (done, open, overdue) — for department managers their department, for customer service and leadership everyone.</summary>
public sealed class ReviewProgress(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock)
{
    public static readonly Error NotAllowed = Error.Forbidden("review.progress_not_allowed", "只有部门经理、客服部和公司领导可以查看核查进度。", "Only department managers, customer service and leadership see review progress.");

    /// <summary>Null when signed out; empty when there is no such cycle.</summary>
    public async Task<Result<IReadOnlyList<OwnerProgress>>> Handle(Guid? cycleId, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return NotAllowed;
        if (!CustomerAccess.Oversees(viewer))
            return NotAllowed;
        var today = clock.Today;
        var cycle = cycleId ?? await db.Set<ReviewCycle>().OrderByDescending(c => c.Number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var tasks = from r in db.Set<CustomerReview>()
                    join t in db.Set<CustomerTask>() on r.Id equals t.Id
                    where r.CycleId == cycle
                    select new { t.AssigneeId, t.DepartmentId, t.DoneAt, t.DueOn, r.Cause };
        if (CustomerAccess.ListedDepartment(viewer) is { } department)
            tasks = tasks.Where(t => t.DepartmentId == department);
        var counts = await tasks.GroupBy(t => new { t.AssigneeId, t.DepartmentId }).Select(g => new
        {
            g.Key.AssigneeId, g.Key.DepartmentId, Total = g.Count(),
            Done = g.Count(t => t.DoneAt != null),
            Overdue = g.Count(t => t.DoneAt == null && t.DueOn < today),
            Flagged = g.Count(t => t.Cause != null),
        }).ToListAsync(cancellationToken);
        var owners = counts.Select(c => c.AssigneeId).Distinct().ToList();
        var names = await db.Users.Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var departments = await db.Set<Department>().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return Result<IReadOnlyList<OwnerProgress>>.Ok([.. counts
            .Select(c => new OwnerProgress(c.AssigneeId, names.GetValueOrDefault(c.AssigneeId) ?? c.AssigneeId, departments.GetValueOrDefault(c.DepartmentId) ?? "",
                c.Total, c.Done, c.Total - c.Done, c.Overdue, c.Flagged))
            .OrderByDescending(p => p.Overdue).ThenByDescending(p => p.Open).ThenBy(p => p.Owner, StringComparer.Ordinal)]);
    }
}
