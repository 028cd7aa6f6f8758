using Guanxi.Web.Shared.Auth;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Accounts;

public sealed record CreateStaffRequest(string? Email, string? DisplayName, Guid? DepartmentId, IReadOnlyList<string>? Roles, string? Password);

/// <summary>An administrator opens an account for a member of staff.</summary>
public sealed class CreateStaff(GuanxiDbContext db, UserManager<StaffUser> users, CurrentUser current, TimeProvider time)
{
    public async Task<Result<string>> Handle(CreateStaffRequest request, CancellationToken cancellationToken = default) =>
        current.Holds(AccountAccess.ManagesAccounts) ? await ForStartUp(request, cancellationToken) : StaffErrors.NotAllowed;

    /// <summary>The start-up's entry point, with no caller: the first administrator of an empty database.</summary>
    public async Task<Result<string>> ForStartUp(CreateStaffRequest request, CancellationToken cancellationToken = default)
    {
        var errors = StaffRules.Check(request.DisplayName, request.Email, request.Roles);
        errors.AddRange(PasswordPolicy.Check(request.Password));
        if (request.DepartmentId is not { } departmentId || !await db.Set<Department>().AnyAsync(d => d.Id == departmentId, cancellationToken))
            errors.Add(DepartmentErrors.NotFound);
        if (errors.Count > 0)
            return Result<string>.Fail([.. errors]);

        var email = request.Email!.Trim();
        var user = new StaffUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = request.DisplayName!.Trim(),
            DepartmentId = request.DepartmentId!.Value, CreatedAt = time.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
            return Result<string>.Fail([.. Problems.FromIdentity(created)]);
        var roles = await users.AddToRolesAsync(user, request.Roles!.Distinct());
        if (!roles.Succeeded)
            return Result<string>.Fail([.. Problems.FromIdentity(roles)]);
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }
}
