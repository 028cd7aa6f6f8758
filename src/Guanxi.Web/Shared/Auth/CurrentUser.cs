using System.Security.Claims;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

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

    /// <summary>Whether the caller holds a right the domain grants by role alone (<see cref="AccountAccess"/>, <see cref="SettingsAccess"/>).</summary>
    public bool Holds(Func<Viewer, bool> roleRule) => RolesOf(Principal) is { } viewer && roleRule(viewer);

    /// <summary>
    /// The signed-in member of staff as the domain's rules see them, from the sign-in's claims: their roles, not their
    /// department (empty) — for rules over roles only; a rule about records of a department loads the department.
    /// </summary>
    public static Viewer? RolesOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new Viewer(id, Guid.Empty, Roles.All.Where(r => user.IsInRole(r.Name())).ToHashSet())
            : null;
    }
}

public static class GuanxiClaims
{
    public const string DisplayName = "guanxi:display_name";
}
