using Guanxi.Web.Shared.Auth;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Identity;

namespace Guanxi.Web.Features.Accounts;

public sealed record SetPasswordRequest(string? Password);

/// <summary>An administrator sets a new password for a staff member (who forgot theirs); their other sessions end.</summary>
public sealed class SetStaffPassword(UserManager<StaffUser> users, CurrentUser current)
{
    public async Task<Result<bool>> Handle(string id, SetPasswordRequest request)
    {
        if (!current.Holds(AccountAccess.ManagesAccounts))
            return StaffErrors.NotAllowed;
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return StaffErrors.Missing;
        if (PasswordPolicy.Check(request.Password) is { Count: > 0 } errors)
            return Result<bool>.Fail([.. errors]);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, request.Password!);
        return result.Succeeded ? true : Result<bool>.Fail([.. Problems.FromIdentity(result)]);
    }
}
