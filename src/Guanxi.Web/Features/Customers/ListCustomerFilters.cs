using Guanxi.Domain.Common;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>A choice of a list filter; an owner also names their department, so that choosing a department narrows the owners.</summary>
public sealed record FilterChoice(string Id, string Name, string? DepartmentId = null);

/// <summary>What the list can be filtered by: the departments the caller sees customers of, and the active staff in them.</summary>
public sealed record CustomerFilters(IReadOnlyList<FilterChoice> Departments, IReadOnlyList<FilterChoice> Owners);

/// <summary>The list's department and owner choices, within the caller's sight (ARC-9): leadership every department, others their own.</summary>
public sealed class ListCustomerFilters(GuanxiDbContext db, CustomerViewers viewers)
{
    public async Task<Result<CustomerFilters>> Handle(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var listed = CustomerAccess.ListedDepartment(viewer);
        if (listed == Guid.Empty)
            return new CustomerFilters([], []);
        var all = listed is null;
        var departments = await db.Set<Department>().Where(d => all || d.Id == listed)
            .OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        var owners = await db.Users.Where(u => u.IsActive && (all || u.DepartmentId == listed))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.DepartmentId }).ToListAsync(cancellationToken);
        return new CustomerFilters([.. departments.Select(d => new FilterChoice(d.Id.ToString(), d.Name))],
            [.. owners.Select(o => new FilterChoice(o.Id, o.DisplayName, o.DepartmentId.ToString()))]);
    }
}
