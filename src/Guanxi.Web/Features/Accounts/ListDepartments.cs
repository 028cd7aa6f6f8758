using Guanxi.Domain.Common;
using Guanxi.Domain.Accounts;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Accounts;

public sealed record DepartmentRow(Guid Id, string Name, DepartmentKind Kind, Guid? ParentId, int StaffCount, int Depth, string Path);

/// <summary>The department tree, flattened in tree order (parents before their children) with each unit's depth and path.</summary>
public sealed class ListDepartments(GuanxiDbContext db, CurrentUser current)
{
    /// <summary>Every member of staff reads the tree (the department pickers and filters).</summary>
    public async Task<Result<IReadOnlyList<DepartmentRow>>> Handle(CancellationToken cancellationToken = default)
    {
        if (!current.IsAuthenticated)
            return Error.SignedOut;
        var all = await db.Set<Department>()
            .Select(d => new { d.Id, d.Name, d.Kind, d.ParentId, Staff = db.Users.Count(u => u.DepartmentId == d.Id) })
            .ToListAsync(cancellationToken);
        var children = all.ToLookup(d => d.ParentId);
        var rows = new List<DepartmentRow>(all.Count);
        void Walk(Guid? parent, int depth, string path)
        {
            foreach (var d in children[parent].OrderBy(d => d.Kind).ThenBy(d => d.Name, StringComparer.Ordinal))
            {
                var here = path.Length == 0 ? d.Name : $"{path} / {d.Name}";
                rows.Add(new DepartmentRow(d.Id, d.Name, d.Kind, d.ParentId, d.Staff, depth, here));
                Walk(d.Id, depth + 1, here);
            }
        }
        Walk(null, 0, "");
        return rows;
    }
}
