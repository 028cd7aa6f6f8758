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
    public async Task<IResult> Handle(LoginRequest request)
    {
        var email = request.Email?.Trim() ?? "";
        if (email.Length == 0 || string.IsNullOrEmpty(request.Password))
        {
            await log.RecordAsync(email, null, SignInResult.Failed, SignInChannel.Api);
            return Unauthorized("请提供邮箱和密码。", "Provide the e-mail and the password.");
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
            return TypedResults.Empty;   // the bearer handler has written the token
        if (result.IsLockedOut)
            return Unauthorized("登录失败次数过多，账号已暂时锁定，请稍后再试。", "Too many failed attempts; the account is locked for a while.");
        if (result.RequiresTwoFactor)
            return Unauthorized("该账号已启用两步验证，请同时提供 twoFactorCode。", "This account uses two-factor sign-in; send twoFactorCode too.");
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user!, request.Password))   // say so only to its owner
            return Unauthorized("该账号已停用。", "This account is deactivated.");
        return Unauthorized("邮箱或密码不正确。", "Incorrect e-mail or password.");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unauthorized(string zh, string en) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Cultures.IsEnglish ? en : zh);
}
