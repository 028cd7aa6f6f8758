using Guanxi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Attachments;

/// <summary>One row per file, its bytes in the row (a photo is at most 5 MB); the list of an owner's files reads the index, not the bytes.</summary>
public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OwnerKind).HasMaxLength(Attachment.MaxOwnerKindLength);
        builder.Property(a => a.FileName).HasMaxLength(Attachment.MaxFileNameLength);
        builder.Property(a => a.ContentType).HasMaxLength(Attachment.MaxContentTypeLength);
        builder.Property(a => a.UploadedById).HasMaxLength(Actor.MaxIdLength);
        builder.HasIndex(a => new { a.OwnerKind, a.OwnerId, a.UploadedAt });
    }
}
