using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Guanxi.Web.Shared.Auth;

/// <summary>
/// SEC-3 on every request: a cookie or bearer token of an account that was deactivated, or whose password or roles
/// changed since it was issued (a new security stamp), no longer counts — the request goes on as anonymous and so
/// gets 401 or the login page. Bearer tokens carry no such check of their own. Only requests to endpoints that require
/// authorization are checked: static files need no database look-up.
/// </summary>
public sealed class StaffPrincipalValidator(UserManager<StaffUser> users, IOptions<IdentityOptions> options)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var user = users.GetUserId(principal) is { } id ? await users.FindByIdAsync(id) : null;
        return user is { IsActive: true } && user.SecurityStamp == stamp;
    }

    public static IApplicationBuilder UseStaffPrincipalValidation(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is not null   // not for static files
            && !await context.RequestServices.GetRequiredService<StaffPrincipalValidator>().IsCurrentAsync(context.User))
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        await next(context);
    });
}
