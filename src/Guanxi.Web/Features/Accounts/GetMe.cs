using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Accounts;

public sealed record MeView(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid DepartmentId, string DepartmentName, string PreferredCulture);

/// <summary>GET /api/me: who the caller is, with roles and department.</summary>
public sealed class GetMe(GuanxiDbContext db, CurrentUser current)
{
    public static readonly Error NotSignedIn = new("auth.not_signed_in", "请先登录。", "Sign in first.", Kind: ErrorKind.Unauthorized);

    public async Task<Result<MeView>> Handle(CancellationToken cancellationToken = default)
    {
        var id = current.Id;
        if (id is null)
            return NotSignedIn;
        var me = await db.Users.Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.DepartmentId, u.PreferredCulture,
                DepartmentName = db.Set<Guanxi.Domain.Accounts.Department>().Where(d => d.Id == u.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Select(r => r.RoleId).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return me is null
            ? NotSignedIn
            : new MeView(me.Id, me.Email ?? "", me.DisplayName, [.. me.Roles.Order()], me.DepartmentId, me.DepartmentName ?? "", me.PreferredCulture);
    }
}
