using Guanxi.Web.Shared.Auth;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Accounts;

/// <summary>An administrator removes an empty unit: no staff in it, nothing below it.</summary>
public sealed class DeleteDepartment(GuanxiDbContext db, CurrentUser current)
{
    public async Task<Result<bool>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (!current.Holds(AccountAccess.ManagesAccounts))
            return StaffErrors.NotAllowed;
        var department = await db.Set<Department>().FindAsync([id], cancellationToken);
        if (department is null)
            return DepartmentErrors.Missing;
        var staff = await db.Users.CountAsync(u => u.DepartmentId == id, cancellationToken);
        var children = await db.Set<Department>().CountAsync(d => d.ParentId == id, cancellationToken);
        if (department.CheckCanDelete(staff, children) is { } error)
            return error;
        db.Remove(department);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
