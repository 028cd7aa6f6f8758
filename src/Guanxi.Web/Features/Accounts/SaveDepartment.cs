using Guanxi.Web.Shared.Auth;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Accounts;

public sealed record SaveDepartmentRequest(string? Name, DepartmentKind Kind, Guid? ParentId);

/// <summary>An administrator creates a unit of the tree, or renames or moves one (its kind stays).</summary>
public sealed class SaveDepartment(GuanxiDbContext db, CurrentUser current)
{
    public async Task<Result<Guid>> Handle(Guid? id, SaveDepartmentRequest request, CancellationToken cancellationToken = default)
    {
        if (!current.Holds(AccountAccess.ManagesAccounts))
            return StaffErrors.NotAllowed;
        var departments = db.Set<Department>();
        Department? parent = null;
        if (request.ParentId is { } parentId && (parent = await departments.FindAsync([parentId], cancellationToken)) is null)
            return DepartmentErrors.NotFound with { Field = "parentId" };

        if (id is null)
        {
            var created = Department.Create(request.Name, request.Kind, parent);
            if (!created.Succeeded)
                return Result<Guid>.Fail([.. created.Errors]);
            departments.Add(created.Value!);
            await db.SaveChangesAsync(cancellationToken);
            return created.Value!.Id;
        }

        var department = await departments.FindAsync([id.Value], cancellationToken);
        if (department is null)
            return DepartmentErrors.Missing;
        var errors = department.Rename(request.Name).Errors.Concat(department.MoveTo(parent).Errors).ToArray();
        if (errors.Length > 0)
            return Result<Guid>.Fail(errors);
        await db.SaveChangesAsync(cancellationToken);
        return department.Id;
    }
}
