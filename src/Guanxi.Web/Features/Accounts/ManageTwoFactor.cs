using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Identity;

namespace Guanxi.Web.Features.Accounts;

public sealed record TwoFactorStatus(bool Enabled, string SharedKey, string AuthenticatorUri);

/// <summary>A staff member turns TOTP two-factor sign-in on (after proving their authenticator app works) or off.</summary>
public sealed class ManageTwoFactor(UserManager<StaffUser> users, CurrentUser current)
{
    public static readonly Error WrongCode = new("two_factor.wrong_code", "验证码不正确，请核对手机上的 6 位数字后重试。", "The code is not correct; check the 6 digits in your app and try again.", "code");

    public async Task<TwoFactorStatus?> Status()
    {
        if (await Me() is not { } user)
            return null;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        var label = Uri.EscapeDataString($"Guanxi:{user.Email}");
        return new TwoFactorStatus(user.TwoFactorEnabled, key, $"otpauth://totp/{label}?secret={key}&issuer=Guanxi&digits=6");
    }

    public async Task<Result<bool>> Enable(string? code)
    {
        if (await Me() is not { } user)
            return StaffErrors.NotFound;
        var token = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, token))
            return WrongCode;
        await users.SetTwoFactorEnabledAsync(user, true);
        return true;
    }

    public async Task<Result<bool>> Disable()
    {
        if (await Me() is not { } user)
            return StaffErrors.NotFound;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);   // a new key next time: the old one may have been seen
        return true;
    }

    private async Task<StaffUser?> Me() => current.Id is { } id ? await users.FindByIdAsync(id) : null;
}
