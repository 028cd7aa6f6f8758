using Guanxi.Domain.Accounts;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Accounts;

/// <summary>
/// Departments as people name them in a group with branches: a branch's departments with their branch (金坛分公司 · 销售部),
/// the company's own by name — two 销售部 are never confused in a report or a notice.
/// </summary>
public static class DepartmentNames
{
    public static async Task<Dictionary<Guid, string>> All(GuanxiDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.Set<Department>().AsNoTracking().Select(d => new { d.Id, d.Name, d.Kind, d.ParentId }).ToDictionaryAsync(d => d.Id, cancellationToken);
        return all.Values.ToDictionary(d => d.Id, d => d.ParentId is { } p && all.TryGetValue(p, out var parent) && parent.Kind == DepartmentKind.Branch ? $"{parent.Name} · {d.Name}" : d.Name);
    }
}
