using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

public sealed record GroupView(Guid Id, string Name, string? Description, int Members, string CreatedById, string CreatedByName, DateTimeOffset CreatedAt, bool CanManage);

/// <summary>Every group (ARC-8) with its number of active members, by name.</summary>
public sealed class ListGroups(GuanxiDbContext db, CustomerViewers viewers)
{
    public async Task<Result<IReadOnlyList<GroupView>>> Handle(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var groups = await db.Set<CustomerGroup>().AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new
            {
                Group = g,
                Members = db.Set<CustomerGroupMember>().Count(m => m.GroupId == g.Id
                    && db.Set<Customer>().Any(c => c.Id == m.CustomerId && c.Status == CustomerStatus.Active)),
                By = db.Users.Where(u => u.Id == g.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return groups.ConvertAll(g => new GroupView(g.Group.Id, g.Group.Name, g.Group.Description, g.Members, g.Group.CreatedById,
            g.By ?? "", g.Group.CreatedAt, g.Group.CanBeManagedBy(viewer)));
    }

    /// <summary>The groups of some customers (a list page, one customer), by name.</summary>
    public static async Task<ILookup<Guid, GroupRef>> Of(GuanxiDbContext db, IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        var ids = customerIds.ToList();
        return (await (from m in db.Set<CustomerGroupMember>()
                       join g in db.Set<CustomerGroup>() on m.GroupId equals g.Id
                       where ids.Contains(m.CustomerId)
                       orderby g.Name
                       select new { m.CustomerId, g.Id, g.Name }).ToListAsync(cancellationToken))
            .ToLookup(m => m.CustomerId, m => new GroupRef(m.Id, m.Name));
    }
}
