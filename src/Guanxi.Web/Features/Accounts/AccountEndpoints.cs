using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
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
        }).DisableAntiforgery()   // signing out is harmless, and after an idle timeout the form's token no longer matches anyone
          .ExcludeFromDescription();

        // Pages talk over the circuit, not HTTP; the page pings this while the user works so the cookie keeps sliding.
        app.MapGet("/account/keep-alive", () => TypedResults.NoContent()).RequireAuthorization().ExcludeFromDescription();

        app.MapGet("/culture", async (string? c, string? returnUrl, HttpContext http, ChangeCulture change) =>
        {
            await change.Handle(http, c);
            return TypedResults.LocalRedirect(RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "~/");
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
