using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// CAPA-8: a photo of an inspection's item, for those who see the inspection — or the finding the item raised (its owner
/// sees the photos of what they fix). Any other photo id, or one of another record, is not found.
/// </summary>
public sealed class OpenInspectionPhoto(GuanxiDbContext db, InspectionDesk desk, AttachmentStore attachments)
{
    public async Task<Result<AttachmentContent>> Handle(Guid id, Guid photoId, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var inspection = await db.Set<Inspection>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inspection is null)
            return InspectionErrors.PhotoNotFound;
        var opened = await attachments.Open(photoId, cancellationToken);
        if (opened.Value is not { } photo || photo.OwnerKind != InspectionPhotos.Kind
            || !InspectionPhotos.Owners(id, inspection.Checklist.Select(c => c.Id)).TryGetValue(photo.OwnerId, out var itemId))
            return InspectionErrors.PhotoNotFound;
        if (InspectionAccess.Sees(viewer, inspection))
            return photo;
        var finding = await db.Set<Finding>().AsNoTracking().SingleOrDefaultAsync(f => f.InspectionId == id && f.ItemId == itemId, cancellationToken);
        return finding is not null && InspectionAccess.Sees(viewer, finding) ? photo : InspectionErrors.PhotoNotFound;
    }
}
