using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;
using Guanxi.Domain.Accounts;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Accounts;

public sealed record RoleRow(string Name, int Members);

/// <summary>The roles of SPEC "Users and roles" with how many staff hold each.</summary>
public sealed class ListRoles(GuanxiDbContext db, CurrentUser current)
{
    public async Task<Result<IReadOnlyList<RoleRow>>> Handle(CancellationToken cancellationToken = default)
    {
        if (!current.Holds(AccountAccess.ManagesAccounts))
            return StaffErrors.NotAllowed;
        var counts = await db.UserRoles.GroupBy(r => r.RoleId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return Roles.All.Select(r => new RoleRow(r.Name(), counts.GetValueOrDefault(r.Name()))).ToList();
    }
}
