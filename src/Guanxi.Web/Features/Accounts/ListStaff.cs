using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;
using Guanxi.Domain.Accounts;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Accounts;

public sealed record StaffQuery(string? Search = null, Guid? DepartmentId = null, string? Role = null, int? Page = null, int? PageSize = null, string? Id = null);

public sealed record StaffRow(
    string Id, string Email, string DisplayName, Guid DepartmentId, string DepartmentName, IReadOnlyList<string> Roles,
    bool IsActive, bool IsLockedOut, bool TwoFactorEnabled, string Version);

/// <summary>The staff list for administrators: search by name or e-mail, filter by department and role, paged.</summary>
public sealed class ListStaff(GuanxiDbContext db, CurrentUser current, TimeProvider time)
{
    /// <summary>One account, with its version for the next change.</summary>
    public async Task<Result<StaffRow>> One(string id, CancellationToken cancellationToken = default)
    {
        var listed = await Handle(new StaffQuery(Id: id), cancellationToken);
        return !listed.Succeeded ? Result<StaffRow>.Fail(listed.Errors) : listed.Value!.Items is [var row] ? row : StaffErrors.Missing;
    }

    public async Task<Result<Page<StaffRow>>> Handle(StaffQuery query, CancellationToken cancellationToken = default)
    {
        if (!current.Holds(AccountAccess.ManagesAccounts))
            return StaffErrors.NotAllowed;
        var (page, size) = Page<StaffRow>.Clamp(query.Page, query.PageSize);
        var users = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            var upper = s.ToUpperInvariant();
            users = users.Where(u => u.DisplayName.Contains(s) || u.NormalizedEmail!.Contains(upper));
        }
        if (query.Id is { } id)
            users = users.Where(u => u.Id == id);
        if (query.DepartmentId is { } departmentId)
            users = users.Where(u => u.DepartmentId == departmentId);
        if (!string.IsNullOrWhiteSpace(query.Role))
            users = users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == query.Role));

        var total = await users.CountAsync(cancellationToken);
        var rows = await users.OrderBy(u => u.Email)
            .Skip((page - 1) * size).Take(size)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.DepartmentId, u.IsActive, u.LockoutEnd, u.TwoFactorEnabled, u.ConcurrencyStamp,
                DepartmentName = db.Set<Department>().Where(d => d.Id == u.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Select(r => r.RoleId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return new Page<StaffRow>(
            [.. rows.Select(u => new StaffRow(u.Id, u.Email ?? "", u.DisplayName, u.DepartmentId, u.DepartmentName ?? "", [.. u.Roles.Order()],
                u.IsActive, u.LockoutEnd > now, u.TwoFactorEnabled, u.ConcurrencyStamp ?? ""))],
            total, page, size);
    }
}
