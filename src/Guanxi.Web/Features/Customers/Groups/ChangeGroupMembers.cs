using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

public sealed record GroupMembersBody(IReadOnlyList<Guid>? CustomerIds);

/// <summary>
/// Adds customers to a group or removes them (the list's bulk action, the customer page): all of them or none — each
/// must be one the caller may edit.
/// </summary>
public sealed class ChangeGroupMembers(GuanxiDbContext db, CustomerViewers viewers)
{
    public const int MaxCustomers = 10_000;

    /// <returns>The number of memberships changed; null when there is no such group.</returns>
    public async Task<Result<int>> Handle(Guid groupId, GroupMembersBody body, bool add, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer
            || !await db.Set<CustomerGroup>().AnyAsync(g => g.Id == groupId, cancellationToken))
            return CustomerGroupErrors.NotFound;
        var ids = (body.CustomerIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
            return CustomerGroupErrors.NoCustomers;
        if (ids.Count > MaxCustomers)
            return CustomerGroupErrors.TooManyCustomers;
        var customers = new List<(Guid Id, string OwnerId, Guid DepartmentId)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var found = await db.Set<Customer>().Where(c => chunk.Contains(c.Id) && c.Status == CustomerStatus.Active)
                .Select(c => new { c.Id, c.OwnerId, c.DepartmentId }).ToListAsync(cancellationToken);
            customers.AddRange(found.Select(c => (c.Id, c.OwnerId, c.DepartmentId)));
        }
        var outOfReach = ids.Count - customers.Count(c => CustomerAccess.CanEdit(viewer, c.OwnerId, c.DepartmentId));
        if (outOfReach > 0)
            return CustomerGroupErrors.CustomersOutOfReach(outOfReach);

        var members = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(500))
            members.UnionWith(await db.Set<CustomerGroupMember>().Where(m => m.GroupId == groupId && chunk.Contains(m.CustomerId))
                .Select(m => m.CustomerId).ToListAsync(cancellationToken));
        var changes = add
            ? ids.Where(id => !members.Contains(id)).Select(id => new CustomerGroupMember { GroupId = groupId, CustomerId = id }).ToList()
            : [.. ids.Where(members.Contains).Select(id => new CustomerGroupMember { GroupId = groupId, CustomerId = id })];
        if (add)
            db.AddRange(changes);
        else
            db.RemoveRange(changes);
        await db.SaveChangesAsync(cancellationToken);
        return changes.Count;
    }
}
