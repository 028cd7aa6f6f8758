using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>A merge moves the merged customers' groups to the survivor; each move is in both histories.</summary>
public sealed class MoveGroupMemberships(GuanxiDbContext db) : ICustomerMergeStep
{
    public async Task MoveAsync(IReadOnlyList<Guid> mergedIds, Guid survivorId, CancellationToken cancellationToken)
    {
        var memberships = await db.Set<CustomerGroupMember>().Where(m => mergedIds.Contains(m.CustomerId) || m.CustomerId == survivorId)
            .ToListAsync(cancellationToken);
        var survivorGroups = memberships.Where(m => m.CustomerId == survivorId).Select(m => m.GroupId).ToHashSet();
        foreach (var membership in memberships.Where(m => m.CustomerId != survivorId))
        {
            db.Remove(membership);
            if (survivorGroups.Add(membership.GroupId))
                db.Add(new CustomerGroupMember { GroupId = membership.GroupId, CustomerId = survivorId });
        }
    }
}
