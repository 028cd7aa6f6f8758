using Guanxi.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Guanxi.Web.Shared.Auth;

/// <summary>Applies <see cref="PasswordPolicy"/> wherever Identity sets a password.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        var errors = PasswordPolicy.Check(password);
        return Task.FromResult(errors.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. errors.Select(e => new IdentityError { Code = e.Code, Description = e.MessageFor(Cultures.IsEnglish) })]));
    }
}
