using Microsoft.AspNetCore.Identity;

namespace Guanxi.Web.Shared.Auth;

/// <summary>Identity's own errors, in the user's language.</summary>
public sealed class GuanxiIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string zh, string en) =>
        new() { Code = code, Description = Cultures.IsEnglish ? en : zh };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作失败，请重试。", "The operation failed; please try again.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "该账号刚被其他人修改过，请刷新后重试。", "Someone else changed this account just now; reload and try again.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "密码不正确。", "Incorrect password.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "验证码无效或已过期。", "The code is invalid or has expired.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"用户名“{userName}”无效。", $"User name '{userName}' is invalid.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"邮箱“{email}”格式不正确。", $"'{email}' is not a valid e-mail address.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"“{userName}”已被其他账号使用。", $"'{userName}' is already used by another account.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"邮箱“{email}”已被其他账号使用。", $"E-mail '{email}' is already used by another account.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), "该用户已有此角色。", "The user already has this role.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), "该用户没有此角色。", "The user does not have this role.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "该账号未启用锁定。", "Lockout is not enabled for this user.");
}
