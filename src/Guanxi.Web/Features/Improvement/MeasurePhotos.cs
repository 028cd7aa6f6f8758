using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Features.Attachments;

namespace Guanxi.Web.Features.Improvement;

public sealed record MeasurePhotoView(Guid Id, Guid StepId, string FileName, long Size, string Url);

/// <summary>
/// CAPA-6: the photos of an inspection of a measure (what customer service or the VP saw), kept by
/// <see cref="AttachmentStore"/> with the inspection's step as their owner. Its inspector adds them while the measure is
/// open; whoever sees the measure sees them.
/// </summary>
public sealed class MeasurePhotos(MeasureDesk desk, AttachmentStore attachments)
{
    public const string Kind = "measureInspection";

    public async Task<Result<MeasurePhotoView>> Add(Guid id, Guid stepId, string? fileName, string? contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (await desk.Load(viewer, id, tracked: false, cancellationToken) is not { } hand)
            return MeasureErrors.NotFound;
        if (hand.Measure.Steps.FirstOrDefault(s => s.Id == stepId && s.Kind == MeasureStepKind.Inspected) is not { } step)
            return MeasureErrors.InspectionNotFound;
        if (step.ById != viewer.UserId)
            return MeasureErrors.NotInspector;
        if (!hand.Measure.IsOpen)
            return MeasureErrors.Closed;
        var added = await attachments.Add(Kind, stepId, fileName, contentType, content, Actor.Staff(viewer.UserId), cancellationToken);
        return added.Value is { } photo ? View(id, photo) : Result<MeasurePhotoView>.Fail(added.Errors);
    }

    public async Task<Result<AttachmentContent>> Open(Guid id, Guid photoId, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (await desk.Load(viewer, id, tracked: false, cancellationToken) is not { } hand)
            return MeasureErrors.NotFound;
        var opened = await attachments.Open(photoId, cancellationToken);
        var steps = hand.Measure.Steps.Where(s => s.Kind == MeasureStepKind.Inspected).Select(s => s.Id).ToHashSet();
        return opened.Value is { } photo && photo.OwnerKind == Kind && steps.Contains(photo.OwnerId) ? photo : AttachmentStore.NotFound;
    }

    public static MeasurePhotoView View(Guid measureId, AttachmentInfo photo) =>
        new(photo.Id, photo.OwnerId, photo.FileName, photo.Size, $"/api/measures/{measureId}/photos/{photo.Id}");
}
