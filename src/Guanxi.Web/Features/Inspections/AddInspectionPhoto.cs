using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Attachments;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// CAPA-8: the inspector adds a photo to an item while carrying the inspection out (a JPEG, PNG, WebP or HEIC image of at
/// most 5 MB, at most 20 an item: <see cref="AttachmentStore"/>); once the results are in, no more (409).
/// </summary>
public sealed class AddInspectionPhoto(GuanxiDbContext db, InspectionDesk desk, AttachmentStore attachments, StaffNames staffNames)
{
    public async Task<Result<PhotoView>> Handle(Guid id, Guid itemId, string? fileName, string? contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var inspection = await db.Set<Inspection>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inspection is null || !InspectionAccess.Sees(viewer, inspection))
            return InspectionErrors.NotFound;
        if (!InspectionAccess.CarriesOut(viewer, inspection))
            return InspectionErrors.NotInspector;
        if (!inspection.Checklist.Any(i => i.Id == itemId))
            return InspectionErrors.ItemNotFound;
        if (inspection.IsDone)
            return InspectionErrors.PhotosClosed;
        var added = await attachments.Add(InspectionPhotos.Kind, InspectionPhotos.Owner(id, itemId), fileName, contentType, content, Actor.Staff(viewer.UserId), cancellationToken);
        if (added.Value is not { } photo)
            return Result<PhotoView>.Fail(added.Errors);
        return InspectionViews.Photo(id, photo, await staffNames.Of([photo.UploadedById], cancellationToken));
    }
}
