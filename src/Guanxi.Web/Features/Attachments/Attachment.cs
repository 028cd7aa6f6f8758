namespace Guanxi.Web.Features.Attachments;

/// <summary>
/// A file kept in the database for a record of another feature — an inspection item's photo, a measure inspection's —
/// named by the owner's kind (a short word, "inspectionItem") and id. Written once and never changed: it has no version.
/// </summary>
public sealed class Attachment
{
    public const int MaxOwnerKindLength = 32;
    public const int MaxFileNameLength = 200;
    public const int MaxContentTypeLength = 40;

    public Guid Id { get; set; }
    public string OwnerKind { get; set; } = "";
    public Guid OwnerId { get; set; }
    public string FileName { get; set; } = "";

    /// <summary>The type the bytes are (found from their first bytes, not from the name or what the client said).</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Bytes { get; set; } = [];

    /// <summary>Who uploaded it: a member of staff's id (issue 21).</summary>
    public string UploadedById { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>What a list shows of an attachment: everything but its bytes.</summary>
public sealed record AttachmentInfo(Guid Id, string OwnerKind, Guid OwnerId, string FileName, string ContentType, long Size, string UploadedById, DateTimeOffset UploadedAt);

/// <summary>An attachment with its bytes, for the owning feature to serve once it has checked who asks.</summary>
public sealed record AttachmentContent(Guid Id, string OwnerKind, Guid OwnerId, string FileName, string ContentType, byte[] Bytes);
