using System.Security.Claims;
using Guanxi.Domain.Accounts;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Bench;

/// <summary>A migrated SQLite database (WAL) with one company and its administrator, whom the benches act as.</summary>
internal static class BenchAdmin
{
    public static async Task<(ClaimsPrincipal Admin, StaffUser User, Department Company)> Create(GuanxiDbContext db)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
        var company = Department.Create("基准公司", DepartmentKind.Company, null).Value!;
        var user = new StaffUser { UserName = "admin@bench", Email = "admin@bench", DisplayName = "基准管理员", DepartmentId = company.Id, SecurityStamp = "x" };
        db.AddRange(company, user);
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = Role.Administrator.Name() });
        await db.SaveChangesAsync();
        return (Principal(user), user, company);
    }

    /// <summary>The administrator of a database made by <see cref="Create"/> earlier (after any newer migrations), or null for a new database.</summary>
    public static async Task<ClaimsPrincipal?> Existing(GuanxiDbContext db)
    {
        await db.Database.MigrateAsync();
        return await db.Users.SingleOrDefaultAsync(u => u.UserName == "admin@bench") is { } user ? Principal(user) : null;
    }

    private static ClaimsPrincipal Principal(StaffUser user) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(GuanxiClaims.DisplayName, user.DisplayName), new Claim(ClaimTypes.Role, Role.Administrator.Name())], "Bench"));
}
