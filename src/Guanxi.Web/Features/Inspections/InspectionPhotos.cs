using System.Security.Cryptography;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// The photos of an inspection's items, kept by <see cref="Attachments.AttachmentStore"/> as the attachments of the owner
/// kind <see cref="Kind"/>: each item of each inspection is an owner of its own, its id derived from the two ids (an item
/// id is the plan's, the same in every inspection of the plan).
/// </summary>
public static class InspectionPhotos
{
    public const string Kind = "inspectionItem";

    public static Guid Owner(Guid inspectionId, Guid itemId)
    {
        Span<byte> both = stackalloc byte[32];
        inspectionId.TryWriteBytes(both[..16]);
        itemId.TryWriteBytes(both[16..]);
        return new Guid(SHA256.HashData(both)[..16]);
    }

    /// <summary>The owners of every item of an inspection's checklist, each with its item's id.</summary>
    public static Dictionary<Guid, Guid> Owners(Guid inspectionId, IEnumerable<Guid> itemIds) =>
        itemIds.Distinct().ToDictionary(item => Owner(inspectionId, item), item => item);
}
