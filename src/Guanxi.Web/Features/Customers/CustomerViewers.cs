using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>The caller as the confidentiality rules see them: id, current department (from the database) and roles.</summary>
public sealed class CustomerViewers(GuanxiDbContext db, CurrentUser current)
{
    public async Task<Viewer?> Current(CancellationToken cancellationToken = default)
    {
        if (current.Id is not { } id)
            return null;
        var department = await db.Users.Where(u => u.Id == id).Select(u => (Guid?)u.DepartmentId).SingleOrDefaultAsync(cancellationToken);
        return department is null ? null : new Viewer(id, department.Value, Roles.All.Where(current.IsIn).ToHashSet());
    }
}
