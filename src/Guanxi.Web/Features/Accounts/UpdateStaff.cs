using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Accounts;

/// <summary><paramref name="Version"/> is the version read with the account; a newer one on the server means someone else changed it.</summary>
public sealed record UpdateStaffRequest(
    string? DisplayName, Guid? DepartmentId, IReadOnlyList<string>? Roles, bool IsActive = true, bool Unlock = false, string? Version = null,
    bool ResetTwoFactor = false);

/// <summary>
/// An administrator changes a staff member's name, department, roles or status, unlocks the account, or resets its
/// two-factor sign-in (a lost phone). Taking rights away ends the member's open sessions (a new security stamp).
/// </summary>
public sealed class UpdateStaff(GuanxiDbContext db, UserManager<StaffUser> users, CurrentUser current)
{
    public async Task<Result<string>> Handle(string id, UpdateStaffRequest request, CancellationToken cancellationToken = default)
    {
        if (!current.Holds(AccountAccess.ManagesAccounts))
            return StaffErrors.NotAllowed;
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return StaffErrors.Missing;
        if (string.IsNullOrWhiteSpace(request.Version))
            return StaffErrors.VersionRequired;
        var errors = StaffRules.Check(request.DisplayName, user.Email, request.Roles);
        if (request.DepartmentId is not { } departmentId || !await db.Set<Department>().AnyAsync(d => d.Id == departmentId, cancellationToken))
            errors.Add(DepartmentErrors.NotFound);
        if (!string.IsNullOrEmpty(request.Version) && request.Version != user.ConcurrencyStamp)
            errors.Add(StaffErrors.Changed);
        if (user.Id == current.Id && !request.IsActive)
            errors.Add(StaffErrors.CannotDeactivateSelf);
        if (user.Id == current.Id && request.Roles?.Contains(Role.Administrator.Name()) == false)
            errors.Add(StaffErrors.CannotDropOwnAdministrator);
        if (errors.Count > 0)
            return Result<string>.Fail([.. errors]);

        user.DisplayName = request.DisplayName!.Trim();
        user.DepartmentId = request.DepartmentId!.Value;
        var deactivated = user.IsActive && !request.IsActive;
        user.IsActive = request.IsActive;
        if (request.Unlock)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }
        var resetTwoFactor = request.ResetTwoFactor && user.TwoFactorEnabled;
        user.TwoFactorEnabled &= !resetTwoFactor;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var held = (await users.GetRolesAsync(user)).ToHashSet();
        var wanted = request.Roles!.ToHashSet();
        var steps = new List<Func<Task<IdentityResult>>>
        {
            () => users.RemoveFromRolesAsync(user, held.Except(wanted)),
            () => users.AddToRolesAsync(user, wanted.Except(held)),
        };
        if (resetTwoFactor)
            steps.Add(() => users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey"));
        if (deactivated || resetTwoFactor || !held.SetEquals(wanted))
            steps.Add(() => users.UpdateSecurityStampAsync(user));   // open pages re-check and lose what was taken away
        steps.Add(() => users.UpdateAsync(user));
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
                return Result<string>.Fail([.. Problems.FromIdentity(result)]);
        }
        await transaction.CommitAsync(cancellationToken);
        return user.ConcurrencyStamp ?? "";
    }
}
