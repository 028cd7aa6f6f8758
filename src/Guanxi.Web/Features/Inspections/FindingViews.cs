using Guanxi.Domain.Customers;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Inspections;

/// <summary>A finding in the list: where, what, its owner and deadline, overdue.</summary>
public sealed record FindingRow(Guid Id, Guid InspectionId, Guid DepartmentId, string Department, string Post, Guid ItemId, string ItemName, string Note,
    FindingStatus Status, string? OwnerId, string? Owner, DateOnly? DueOn, bool Overdue, DateOnly InspectionDueOn, DateTimeOffset RaisedAt);

/// <summary>A step of a finding as read: who by id and name, when, the note, the owner and deadline named.</summary>
public sealed record FindingStepView(FindingStepKind Kind, string ById, string By, DateTimeOffset At, string? Note, string? OwnerId, string? Owner, DateOnly? DueOn);

/// <summary>One finding with every step, the photos of its item, and the actions the caller may take now. <c>version</c> is also the ETag.</summary>
public sealed record FindingView(Guid Id, Guid InspectionId, Guid PlanId, Guid DepartmentId, string Department, string Post, Guid ItemId, string ItemName, string Note,
    string InspectorId, string Inspector, DateOnly InspectionDueOn, DateTimeOffset RaisedAt, FindingStatus Status, string? OwnerId, string? Owner, DateOnly? DueOn, bool Overdue,
    string? FixNote, DateTimeOffset? FixedAt, DateTimeOffset? ClosedAt, int RecheckCount, IReadOnlyList<FindingStepView> Steps, IReadOnlyList<PhotoView> Photos,
    IReadOnlyList<FindingAction> Actions, Guid Version);

/// <summary>Builds the views of findings for their reader.</summary>
public sealed class FindingViews(InspectionDesk desk, InspectionViews inspections, StaffNames staffNames)
{
    public async Task<IReadOnlyList<FindingRow>> Rows(IReadOnlyList<Finding> findings, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var departments = await desk.DepartmentNames(findings.Select(f => f.DepartmentId), cancellationToken);
        var names = await staffNames.Of(findings.Select(f => f.OwnerId), cancellationToken);
        return [.. findings.Select(f => new FindingRow(f.Id, f.InspectionId, f.DepartmentId, departments.GetValueOrDefault(f.DepartmentId, ""), f.Post, f.ItemId, f.ItemName, f.Note,
            f.Status, f.OwnerId, names.WhoIfAny(f.OwnerId), f.DueOn, f.IsOverdue(today), f.InspectionDueOn, f.RaisedAt))];
    }

    public async Task<FindingView> Of(Viewer viewer, Finding f, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(f);
        var photos = (await inspections.Photos(f.InspectionId, [f.ItemId], cancellationToken)).GetValueOrDefault(f.ItemId, []);
        var department = (await desk.DepartmentNames([f.DepartmentId], cancellationToken)).GetValueOrDefault(f.DepartmentId, "");
        var names = await staffNames.Of([f.InspectorId, f.OwnerId, .. f.Steps.SelectMany(s => new[] { s.ById, s.OwnerId }), .. photos.Select(p => p.UploadedById)], cancellationToken);
        return new FindingView(f.Id, f.InspectionId, f.PlanId, f.DepartmentId, department, f.Post, f.ItemId, f.ItemName, f.Note, f.InspectorId, names.Name(f.InspectorId),
            f.InspectionDueOn, f.RaisedAt, f.Status, f.OwnerId, names.WhoIfAny(f.OwnerId), f.DueOn, f.IsOverdue(today), f.FixNote, f.FixedAt, f.ClosedAt, f.RecheckCount,
            [.. f.Steps.Select(s => new FindingStepView(s.Kind, s.ById, names.Who(s.ById), s.At, s.Note, s.OwnerId, names.WhoIfAny(s.OwnerId), s.DueOn))],
            [.. photos.Select(p => InspectionViews.Photo(f.InspectionId, p, names))], InspectionAccess.Actions(viewer, f), f.Version);
    }
}
