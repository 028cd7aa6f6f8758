using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// Deletes a group. Its memberships are removed one by one first, so that every member's history records that it
/// left the group (a cascade in the database would leave no trace).
/// </summary>
public sealed class DeleteGroup(GuanxiDbContext db, CustomerViewers viewers)
{
    /// <returns>null when there is no such group.</returns>
    public async Task<Result<Guid>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        var group = await db.Set<CustomerGroup>().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null || await viewers.Current(cancellationToken) is not { } viewer)
            return CustomerGroupErrors.NotFound;
        if (!group.CanBeManagedBy(viewer))
            return CustomerGroupErrors.NotAllowed;
        db.RemoveRange(await db.Set<CustomerGroupMember>().Where(m => m.GroupId == id).ToListAsync(cancellationToken));
        db.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
