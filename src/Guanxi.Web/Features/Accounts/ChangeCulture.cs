using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Localization;

namespace Guanxi.Web.Features.Accounts;

/// <summary>The language switch: sets the culture cookie and remembers the choice on the user, so it follows them to the next sign-in.</summary>
public sealed class ChangeCulture(GuanxiDbContext db, CurrentUser current)
{
    public async Task Handle(HttpContext http, string? culture)
    {
        var chosen = Cultures.Normalize(culture);
        Apply(http, chosen);
        if (current.Id is { } id && await db.Users.FindAsync(id) is { } user)
        {
            user.PreferredCulture = chosen;   // tracked, so that the history records it
            await db.SaveChangesAsync();
        }
    }

    public static void Apply(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.MaxValue, IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
