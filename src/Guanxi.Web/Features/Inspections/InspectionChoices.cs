using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>A department to choose: its name, with its branch's when another department has the same name (销售部（分公司）).</summary>
public sealed record DepartmentChoice(Guid Id, string Name);

/// <summary>A member of staff to choose, with their department.</summary>
public sealed record StaffChoice(string Id, string Name, Guid DepartmentId, string Department);

/// <summary>What a plan's editor chooses from: the departments and the active staff (the inspectors).</summary>
public sealed record PlanChoices(IReadOnlyList<DepartmentChoice> Departments, IReadOnlyList<StaffChoice> Staff);

/// <summary>CAPA-8: the choices of the plan editor (for those who plan) and of a finding's owner (for those who name them).</summary>
public sealed class InspectionChoices(GuanxiDbContext db, InspectionDesk desk)
{
    public async Task<Result<PlanChoices>> ForPlans(CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!InspectionAccess.Plans(viewer))
            return InspectionErrors.NotPlanner;
        var departments = await Departments(cancellationToken);
        var staff = await Staff(db.Users.Where(u => u.IsActive), departments, cancellationToken);
        return new PlanChoices([.. departments.Values.Where(d => d.Kind == DepartmentKind.Department).Select(d => new DepartmentChoice(d.Id, d.Label)).OrderBy(d => d.Name, StringComparer.Ordinal)], staff);
    }

    /// <summary>The active members of the finding's department: whom its owner may be.</summary>
    public async Task<Result<IReadOnlyList<StaffChoice>>> OwnersOf(Guid findingId, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var finding = await db.Set<Finding>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken);
        if (finding is null || !InspectionAccess.Sees(viewer, finding))
            return InspectionErrors.FindingNotFound;
        if (!InspectionAccess.AssignsOwner(viewer, finding))
            return InspectionErrors.NotOwnerAssigner;
        return Result<IReadOnlyList<StaffChoice>>.Ok(await Staff(db.Users.Where(u => u.IsActive && u.DepartmentId == finding.DepartmentId), await Departments(cancellationToken), cancellationToken));
    }

    private sealed record Unit(Guid Id, DepartmentKind Kind, string Label);

    private async Task<Dictionary<Guid, Unit>> Departments(CancellationToken cancellationToken)
    {
        var all = await db.Set<Department>().AsNoTracking().Select(d => new { d.Id, d.Name, d.Kind, d.ParentId }).ToListAsync(cancellationToken);
        var names = all.ToDictionary(d => d.Id, d => d.Name);
        var twice = all.GroupBy(d => d.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return all.ToDictionary(d => d.Id, d => new Unit(d.Id, d.Kind,
            twice.Contains(d.Name) && d.ParentId is { } parent && names.TryGetValue(parent, out var parentName) ? $"{d.Name}（{parentName}）" : d.Name));
    }

    private static async Task<IReadOnlyList<StaffChoice>> Staff(IQueryable<Shared.Auth.StaffUser> users, Dictionary<Guid, Unit> departments, CancellationToken cancellationToken) =>
        [.. (await users.Select(u => new { u.Id, u.DisplayName, u.DepartmentId }).ToListAsync(cancellationToken))
            .Select(u => new StaffChoice(u.Id, u.DisplayName, u.DepartmentId, departments.TryGetValue(u.DepartmentId, out var d) ? d.Label : ""))
            .OrderBy(s => s.Department, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];
}
