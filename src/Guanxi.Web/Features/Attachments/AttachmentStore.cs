using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Attachments;

/// <summary>
/// Photos kept for the records of other features (CAPA-6, CAPA-8). The store checks the file — a JPEG, PNG, WebP or
/// HEIC image by its first bytes (never by its name or the type the client sent), at most 5 MB, a name of at most 200
/// characters, at most 20 per owner — and keeps it; it has no endpoint of its own: the owning feature checks who may add
/// or read and serves them.
/// </summary>
public sealed class AttachmentStore(GuanxiDbContext db, TimeProvider time)
{
    public const long MaxBytes = 5L * 1024 * 1024;
    public const int MaxPerOwner = 20;

    public static readonly Error Empty = new("attachment.empty", "请选择照片（文件是空的）。", "Choose a photo (the file is empty).", "file");
    public static readonly Error NotAnImage = new("attachment.type", "只能上传 JPEG、PNG、WebP 或 HEIC 格式的照片。", "Only JPEG, PNG, WebP or HEIC photos can be uploaded.", "file");
    public static readonly Error TooLarge = new("attachment.too_large", "照片不能超过 5 MB。", "A photo can be at most 5 MB.", "file");
    public static readonly Error NameTooLong = new("attachment.name_too_long", $"文件名不能超过 {Attachment.MaxFileNameLength} 个字。",
        $"The file name can have at most {Attachment.MaxFileNameLength} characters.", "file");
    public static readonly Error TooMany = new("attachment.too_many", $"每项最多 {MaxPerOwner} 张照片。", $"At most {MaxPerOwner} photos each.", "file");
    public static readonly Error NotFound = Error.NotFound("attachment.not_found", "照片不存在。", "No such photo.");

    /// <summary>
    /// Checks the file and saves it (with whatever the caller staged on the same context). <paramref name="contentType"/> is
    /// what the client said and is not trusted: the bytes decide the type kept.
    /// </summary>
    public async Task<Result<AttachmentInfo>> Add(string ownerKind, Guid ownerId, string? fileName, string? contentType, Stream content, Actor by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerKind);
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        var errors = new List<Error>();
        if (name.Length > Attachment.MaxFileNameLength)
            errors.Add(NameTooLong);
        var bytes = await ReadAtMost(content, MaxBytes + 1, cancellationToken);
        if (bytes.Length == 0)
            errors.Add(Empty);
        else if (bytes.Length > MaxBytes)
            errors.Add(TooLarge);
        else if (ImageType(bytes) is null)
            errors.Add(NotAnImage);
        if (errors.Count > 0)
            return Result<AttachmentInfo>.Fail(errors);
        if (await db.Set<Attachment>().CountAsync(a => a.OwnerKind == ownerKind && a.OwnerId == ownerId, cancellationToken) >= MaxPerOwner)
            return TooMany;
        var type = ImageType(bytes)!;
        var attachment = new Attachment
        {
            Id = Guid.CreateVersion7(), OwnerKind = ownerKind, OwnerId = ownerId, FileName = name.Length > 0 ? name : $"photo{Extension(type)}", ContentType = type,
            Size = bytes.Length, Bytes = bytes, UploadedById = by.Id, UploadedAt = Utc(time.GetUtcNow()),
        };
        db.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return Info(attachment);
    }

    /// <summary>The attachments of these owners (their metadata), oldest first.</summary>
    public async Task<IReadOnlyList<AttachmentInfo>> List(string ownerKind, IReadOnlyCollection<Guid> ownerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerIds);
        if (ownerIds.Count == 0)
            return [];
        var ids = ownerIds.Distinct().ToList();
        return await db.Set<Attachment>().AsNoTracking().Where(a => a.OwnerKind == ownerKind && ids.Contains(a.OwnerId)).OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new AttachmentInfo(a.Id, a.OwnerKind, a.OwnerId, a.FileName, a.ContentType, a.Size, a.UploadedById, a.UploadedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>An attachment with its bytes; the caller checks that its owner is the record asked about, and who asks.</summary>
    public async Task<Result<AttachmentContent>> Open(Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<Attachment>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AttachmentContent(a.Id, a.OwnerKind, a.OwnerId, a.FileName, a.ContentType, a.Bytes)).SingleOrDefaultAsync(cancellationToken) is { } found
            ? found : NotFound;

    /// <summary>Removes the attachments of these owners at once (their records are gone).</summary>
    public Task<int> RemoveAll(string ownerKind, IReadOnlyCollection<Guid> ownerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerIds);
        var ids = ownerIds.Distinct().ToList();
        return ids.Count == 0 ? Task.FromResult(0)
            : db.Set<Attachment>().Where(a => a.OwnerKind == ownerKind && ids.Contains(a.OwnerId)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The image type the first bytes say, or null: JPEG (FF D8 FF), PNG (its 8-byte signature), WebP (RIFF….WEBP), HEIC/HEIF (an ISO box "ftyp" with a HEIF brand).</summary>
    public static string? ImageType(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
            return "image/jpeg";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return "image/png";
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
            return "image/webp";
        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(bytes[8..12]);
            if (brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "hevm" or "hevs")
                return "image/heic";
            if (brand is "mif1" or "msf1")
                return "image/heif";
        }
        return null;
    }

    private static string Extension(string type) => type switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        _ => ".heic",
    };

    private static AttachmentInfo Info(Attachment a) => new(a.Id, a.OwnerKind, a.OwnerId, a.FileName, a.ContentType, a.Size, a.UploadedById, a.UploadedAt);

    /// <summary>At most <paramref name="limit"/> bytes: a bigger file is known to be too big without reading it all.</summary>
    private static async Task<byte[]> ReadAtMost(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    private static DateTimeOffset Utc(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
