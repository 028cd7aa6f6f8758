using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Identity;

namespace Guanxi.Web.Features.Accounts;

public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode);

/// <summary>
/// POST /api/auth/login: checks the password (5 failures lock the account) and, on success, lets the bearer-token
/// handler write {"tokenType":"Bearer","accessToken":…,"expiresIn":…}. An account with two-factor sign-in needs the code.
/// </summary>
public sealed class ApiLogin(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SignInLog log)
{
    public static readonly Error Missing = Refused("auth.missing", "请提供邮箱和密码。", "Provide the e-mail and the password.");
    public static readonly Error LockedOut = Refused("auth.locked_out", "登录失败次数过多，账号已暂时锁定，请稍后再试。", "Too many failed attempts; the account is locked for a while.");
    public static readonly Error TwoFactorRequired = Refused("auth.two_factor", "该账号已启用两步验证，请同时提供 twoFactorCode。", "This account uses two-factor sign-in; send twoFactorCode too.");
    public static readonly Error Deactivated = Refused("auth.deactivated", "该账号已停用。", "This account is deactivated.");
    public static readonly Error Incorrect = Refused("auth.incorrect", "邮箱或密码不正确。", "Incorrect e-mail or password.");

    /// <returns>Done when signed in: the bearer-token handler has then written the token into the response.</returns>
    public async Task<Result<Done>> Handle(LoginRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = request.Email?.Trim() ?? "";
        if (email.Length == 0 || string.IsNullOrEmpty(request.Password))
        {
            await log.RecordAsync(email, null, SignInResult.Failed, SignInChannel.Api);
            return Missing;
        }

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var user = await users.FindByEmailAsync(email);
        var result = user is null
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        var twoFactorStep = result.RequiresTwoFactor && !string.IsNullOrWhiteSpace(request.TwoFactorCode);
        if (twoFactorStep)
            result = await signIn.TwoFactorAuthenticatorSignInAsync(request.TwoFactorCode!.Replace(" ", "", StringComparison.Ordinal), false, false);
        await log.RecordAsync(email, user, result, SignInChannel.Api, twoFactorStep);

        if (result.Succeeded)
            return Done.Value;
        if (result.IsLockedOut)
            return LockedOut;
        if (result.RequiresTwoFactor)
            return TwoFactorRequired;
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user!, request.Password))   // say so only to its owner
            return Deactivated;
        return Incorrect;
    }

    private static Error Refused(string code, string zh, string en) => new(code, zh, en, Kind: ErrorKind.Unauthorized);
}
