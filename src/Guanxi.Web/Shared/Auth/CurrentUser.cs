using System.Security.Claims;
using Guanxi.Domain.Accounts;

namespace Guanxi.Web.Shared.Auth;

/// <summary>
/// Who is acting, for handlers and the history. In an HTTP request it is the request's user; in a Blazor
/// circuit the page sets it on the scope it runs a handler in (see <see cref="GuanxiComponent"/>).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private ClaimsPrincipal? principal;

    public ClaimsPrincipal Principal => principal ?? http.HttpContext?.User ?? Anonymous;

    public void Use(ClaimsPrincipal user) => principal = user;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? DisplayName => Principal.FindFirstValue(GuanxiClaims.DisplayName) ?? Principal.Identity?.Name;

    public bool IsIn(Role role) => Principal.IsInRole(role.Name());
}

public static class GuanxiClaims
{
    public const string DisplayName = "guanxi:display_name";
}
