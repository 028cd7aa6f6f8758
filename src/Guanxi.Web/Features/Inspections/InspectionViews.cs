using Guanxi.Domain.Customers;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Attachments;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>Where an inspection stands: due on its day (scheduled), its day passed undone (overdue), carried out (done).</summary>
public enum InspectionState
{
    Scheduled,
    Overdue,
    Done,
}

/// <summary>An inspection in the list.</summary>
public sealed record InspectionRow(Guid Id, Guid PlanId, Guid DepartmentId, string Department, string Post, DateOnly DueOn, int Sequence,
    string InspectorId, string Inspector, InspectionState State, DateTimeOffset? DoneAt, int Items, int Passed, int Failed);

/// <summary>A photo of an item; <c>url</c> serves it to those who see the inspection or the item's finding.</summary>
public sealed record PhotoView(Guid Id, string FileName, string ContentType, long Size, string UploadedById, string UploadedBy, DateTimeOffset UploadedAt, string Url);

/// <summary>An item of the checklist with its result once carried out (result, note, the finding it raised) and its photos.</summary>
public sealed record InspectionItemView(Guid ItemId, string Name, ItemOutcome? Result, string? Note, Guid? FindingId, IReadOnlyList<PhotoView> Photos);

/// <summary>One inspection: its plan's department and post, its day, inspector and state, each item; canCarryOut: the caller is its inspector and it is not done. <c>version</c> is also the ETag.</summary>
public sealed record InspectionView(Guid Id, Guid PlanId, Guid DepartmentId, string Department, string Post, DateOnly Month, int Sequence, DateOnly DueOn,
    string InspectorId, string Inspector, InspectionState State, DateTimeOffset ScheduledAt, DateTimeOffset? DoneAt, string? DoneById, string? DoneBy,
    int Passed, int Failed, IReadOnlyList<InspectionItemView> Items, Guid Version, bool CanCarryOut);

/// <summary>Builds the views of inspections for their reader.</summary>
public sealed class InspectionViews(GuanxiDbContext db, InspectionDesk desk, StaffNames staffNames, AttachmentStore attachments)
{
    public static InspectionState StateOf(Inspection inspection, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        return inspection.IsDone ? InspectionState.Done : inspection.IsOverdue(today) ? InspectionState.Overdue : InspectionState.Scheduled;
    }

    public static string PhotoUrl(Guid inspectionId, Guid photoId) => $"/api/inspections/{inspectionId}/photos/{photoId}";

    public async Task<IReadOnlyList<InspectionRow>> Rows(IReadOnlyList<Inspection> inspections, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspections);
        var departments = await desk.DepartmentNames(inspections.Select(i => i.DepartmentId), cancellationToken);
        var names = await staffNames.Of(inspections.Select(i => i.InspectorId), cancellationToken);
        return [.. inspections.Select(i => new InspectionRow(i.Id, i.PlanId, i.DepartmentId, departments.GetValueOrDefault(i.DepartmentId, ""), i.Post, i.DueOn, i.Sequence,
            i.InspectorId, names.Name(i.InspectorId), StateOf(i, today), i.DoneAt, i.Checklist.Count, i.PassedCount, i.FailedCount))];
    }

    public async Task<InspectionView> Of(Viewer viewer, Inspection inspection, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(inspection);
        var results = inspection.IsDone && inspection.Results.Count == 0
            ? await db.Set<InspectionResult>().AsNoTracking().Where(r => r.InspectionId == inspection.Id).ToListAsync(cancellationToken)
            : [.. inspection.Results];
        var findings = inspection.IsDone
            ? await db.Set<Finding>().AsNoTracking().Where(f => f.InspectionId == inspection.Id).ToDictionaryAsync(f => f.ItemId, f => f.Id, cancellationToken)
            : [];
        var items = inspection.IsDone
            ? results.OrderBy(r => r.Position).Select(r => (r.ItemId, r.Name, Result: (ItemOutcome?)(r.Passed ? ItemOutcome.Pass : ItemOutcome.Fail), r.Note)).ToList()
            : inspection.Checklist.Select(c => (ItemId: c.Id, c.Name, Result: (ItemOutcome?)null, Note: (string?)null)).ToList();
        var photos = await Photos(inspection.Id, items.Select(i => i.ItemId), cancellationToken);
        var department = (await desk.DepartmentNames([inspection.DepartmentId], cancellationToken)).GetValueOrDefault(inspection.DepartmentId, "");
        var names = await staffNames.Of([inspection.InspectorId, inspection.DoneById, .. photos.Values.SelectMany(p => p).Select(p => p.UploadedById)], cancellationToken);
        return new InspectionView(inspection.Id, inspection.PlanId, inspection.DepartmentId, department, inspection.Post, inspection.Month, inspection.Sequence, inspection.DueOn,
            inspection.InspectorId, names.Name(inspection.InspectorId), StateOf(inspection, today), inspection.ScheduledAt, inspection.DoneAt, inspection.DoneById,
            names.WhoIfAny(inspection.DoneById), inspection.PassedCount, inspection.FailedCount,
            [.. items.Select(i => new InspectionItemView(i.ItemId, i.Name, i.Result, i.Note, findings.TryGetValue(i.ItemId, out var f) ? f : null,
                [.. photos.GetValueOrDefault(i.ItemId, []).Select(p => Photo(inspection.Id, p, names))]))],
            inspection.Version, !inspection.IsDone && InspectionAccess.CarriesOut(viewer, inspection));
    }

    /// <summary>The photos of the items, by item.</summary>
    public async Task<Dictionary<Guid, List<AttachmentInfo>>> Photos(Guid inspectionId, IEnumerable<Guid> itemIds, CancellationToken cancellationToken)
    {
        var owners = InspectionPhotos.Owners(inspectionId, itemIds);
        var found = await attachments.List(InspectionPhotos.Kind, owners.Keys, cancellationToken);
        return found.GroupBy(a => owners[a.OwnerId]).ToDictionary(g => g.Key, g => g.ToList());
    }

    public static PhotoView Photo(Guid inspectionId, AttachmentInfo photo, ActorNames names)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(names);
        return new(photo.Id, photo.FileName, photo.ContentType, photo.Size, photo.UploadedById, names.Name(photo.UploadedById), photo.UploadedAt, PhotoUrl(inspectionId, photo.Id));
    }
}
