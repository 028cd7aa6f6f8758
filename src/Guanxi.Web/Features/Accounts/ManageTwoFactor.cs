using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Identity;

namespace Guanxi.Web.Features.Accounts;

public sealed record TwoFactorStatus(bool Enabled, string SharedKey, string AuthenticatorUri);

/// <summary>
/// A staff member turns TOTP two-factor sign-in on or off, each time proving with a code from their authenticator app.
/// The security stamp is left alone on purpose: it would sign the user out of the page they are using.
/// (An administrator who resets someone's two-factor, for a lost phone, does rotate it: see UpdateStaff.)
/// </summary>
public sealed class ManageTwoFactor(UserManager<StaffUser> users, CurrentUser current)
{
    // Where Identity's user store keeps the authenticator key (UserStoreBase).
    private const string StoreProvider = "[AspNetUserStore]";
    private const string KeyName = "AuthenticatorKey";

    public static readonly Error WrongCode = new("two_factor.wrong_code", "验证码不正确，请核对手机上的 6 位数字后重试。", "The code is not correct; check the 6 digits in your app and try again.", "code");

    public async Task<Result<TwoFactorStatus>> Status()
    {
        if (await Me() is not { } user)
            return Error.SignedOut;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
            await users.SetAuthenticationTokenAsync(user, StoreProvider, KeyName, key = users.GenerateNewAuthenticatorKey());
        var label = Uri.EscapeDataString($"Guanxi:{user.Email}");
        return new TwoFactorStatus(user.TwoFactorEnabled, key, $"otpauth://totp/{label}?secret={key}&issuer=Guanxi&digits=6");
    }

    public Task<Result<bool>> Enable(string? code) => Switch(code, on: true);

    public Task<Result<bool>> Disable(string? code) => Switch(code, on: false);

    private async Task<Result<bool>> Switch(string? code, bool on)
    {
        if (await Me() is not { } user)
            return StaffErrors.NotFound;
        var token = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, token))
            return WrongCode;
        user.TwoFactorEnabled = on;
        await users.UpdateAsync(user);
        if (!on)   // a new key next time: the old one may have been seen
            await users.SetAuthenticationTokenAsync(user, StoreProvider, KeyName, users.GenerateNewAuthenticatorKey());
        return true;
    }

    private async Task<StaffUser?> Me() => current.Id is { } id ? await users.FindByIdAsync(id) : null;
}
