using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.FollowUps;

/// <summary>One owner's follow-ups: still open, and of those overdue.</summary>
public sealed record OwnerFollowUps(string OwnerId, string? Owner, int Open, int Overdue);

/// <summary>SVC-4: overdue follow-ups counted per owner, for those who oversee owners (their department, or all), most overdue first.</summary>
public sealed class FollowUpOwners(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock)
{
    public static readonly Error NotAllowed = Error.Forbidden("followups.owners", "只有部门经理、客服部和公司领导可以查看各负责人的回访情况。", "Only department managers, customer service and leadership see follow-ups per owner.");

    public async Task<Result<IReadOnlyList<OwnerFollowUps>>> Handle(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!CustomerAccess.Oversees(viewer))
            return NotAllowed;
        var today = clock.Today;
        var counts = await ListFollowUps.FollowUpsInSight(db, viewer, mine: false).Where(t => t.DoneAt == null)
            .GroupBy(t => t.AssigneeId)
            .Select(g => new { Owner = g.Key, Open = g.Count(), Overdue = g.Count(t => t.DueOn < today) })
            .ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.Owner).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return counts.Select(c => new OwnerFollowUps(c.Owner, names.GetValueOrDefault(c.Owner), c.Open, c.Overdue))
            .OrderByDescending(c => c.Overdue).ThenByDescending(c => c.Open).ThenBy(c => c.Owner, StringComparer.Ordinal).ToList();
    }
}
