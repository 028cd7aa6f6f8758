using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Guanxi.Web.Features.Accounts;

/// <summary>The page-side account endpoints that must set or clear cookies outside a Blazor circuit.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(string.IsNullOrEmpty(returnUrl) ? "~/account/login" : $"~/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }).ExcludeFromDescription();

        app.MapGet("/culture", async (string? c, string? returnUrl, HttpContext http, ChangeCulture change) =>
        {
            await change.Handle(http, c);
            return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "~/");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
