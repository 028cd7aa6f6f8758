using Guanxi.Domain.Customers;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// A plan as the API and the editor take it: departmentId, post (≤ 50), perMonth (1–8, default 2), items [{id (an item the
/// plan has, to keep it when renamed; none for a new one), name (≤ 50)}] (1–50), inspectorId, active (default true).
/// </summary>
public sealed record PlanBody(Guid? DepartmentId, string? Post, int? PerMonth, IReadOnlyList<ChecklistLine>? Items, string? InspectorId, bool? Active = null)
{
    public PlanContent ToContent() => new(DepartmentId, Post, PerMonth, Items, InspectorId, Active ?? true);
}

/// <summary>A plan as its reader sees it; <c>version</c> is also the ETag; canEdit: the caller plans.</summary>
public sealed record PlanView(Guid Id, Guid DepartmentId, string Department, string Post, int PerMonth, IReadOnlyList<ChecklistItem> Items,
    string InspectorId, string Inspector, bool Active, DateOnly StartsOn, string UpdatedById, string UpdatedBy, DateTimeOffset UpdatedAt, Guid Version, bool CanEdit);

/// <summary>Builds plan views for a page of plans: names in two queries.</summary>
public sealed class PlanViews(InspectionDesk desk, StaffNames staffNames)
{
    public async Task<IReadOnlyList<PlanView>> Of(Viewer viewer, IReadOnlyList<InspectionPlan> plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var departments = await desk.DepartmentNames(plans.Select(p => p.DepartmentId), cancellationToken);
        var names = await staffNames.Of(plans.SelectMany(p => new[] { p.InspectorId, p.UpdatedById }), cancellationToken);
        var edits = InspectionAccess.Plans(viewer);
        return [.. plans.Select(p => new PlanView(p.Id, p.DepartmentId, departments.GetValueOrDefault(p.DepartmentId, ""), p.Post, p.PerMonth, p.Items,
            p.InspectorId, names.Name(p.InspectorId), p.Active, p.StartsOn, p.UpdatedById, names.Who(p.UpdatedById), p.UpdatedAt, p.Version, edits))];
    }

    public async Task<PlanView> Of(Viewer viewer, InspectionPlan plan, CancellationToken cancellationToken) => (await Of(viewer, [plan], cancellationToken))[0];
}
