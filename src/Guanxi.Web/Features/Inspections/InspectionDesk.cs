using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// What the inspection handlers share: the caller, the enterprise's today, and <see cref="InspectionAccess"/>'s sight
/// as queries (the lists keep to what the caller may see, in the database).
/// </summary>
public sealed class InspectionDesk(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock)
{
    public Task<Viewer?> Caller(CancellationToken cancellationToken = default) => viewers.Current(cancellationToken);

    /// <summary>The enterprise's day at <paramref name="now"/>.</summary>
    public DateOnly Day(DateTimeOffset now) => DateOnly.FromDateTime(clock.ToLocal(now).DateTime);

    /// <summary>The plans in sight (<see cref="InspectionAccess.Sees(Viewer, InspectionPlan)"/> as a query).</summary>
    public IQueryable<InspectionPlan> Plans(Viewer viewer)
    {
        var plans = db.Set<InspectionPlan>().AsNoTracking();
        if (InspectionAccess.SeesAll(viewer))
            return plans;
        var managed = Managed(viewer);
        return plans.Where(p => p.InspectorId == viewer.UserId || p.DepartmentId == managed);
    }

    /// <summary>The inspections in sight (<see cref="InspectionAccess.Sees(Viewer, Inspection)"/> as a query).</summary>
    public IQueryable<Inspection> Inspections(Viewer viewer)
    {
        var inspections = db.Set<Inspection>().AsNoTracking();
        if (InspectionAccess.SeesAll(viewer))
            return inspections;
        var managed = Managed(viewer);
        return inspections.Where(i => i.InspectorId == viewer.UserId || i.DepartmentId == managed);
    }

    /// <summary>The findings in sight (<see cref="InspectionAccess.Sees(Viewer, Finding)"/> as a query).</summary>
    public IQueryable<Finding> Findings(Viewer viewer)
    {
        var findings = db.Set<Finding>().AsNoTracking();
        if (InspectionAccess.SeesAll(viewer))
            return findings;
        var managed = Managed(viewer);
        return findings.Where(f => f.InspectorId == viewer.UserId || f.OwnerId == viewer.UserId || f.DepartmentId == managed);
    }

    /// <summary>The department's names, for a page of records.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> DepartmentNames(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Set<Department>().Where(d => wanted.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
    }

    /// <summary>Active members of staff of a department (the owners a finding may have).</summary>
    public Task<bool> IsActiveStaffOf(string staffId, Guid departmentId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == staffId && u.IsActive && u.DepartmentId == departmentId, cancellationToken);

    /// <summary>The department a department manager manages; none (an id no department has) for anyone else.</summary>
    private static Guid Managed(Viewer viewer) => viewer.Is(Role.DepartmentManager) ? viewer.DepartmentId : Guid.Empty;
}
