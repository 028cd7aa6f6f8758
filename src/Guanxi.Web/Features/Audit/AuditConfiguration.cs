using Guanxi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.UserId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(e => e.UserNameText).HasColumnName("UserName").HasMaxLength(Actor.MaxTextLength);
        builder.Property(e => e.Entity).HasMaxLength(100);
        builder.Property(e => e.Key).HasMaxLength(200);
        builder.Property(e => e.Field).HasMaxLength(100);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(e => new { e.Entity, e.Key, e.At });
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.UserId, e.At });
    }
}

/// <summary>Marks entity types and properties for the history mechanism (ARC-3).</summary>
public static class AuditModelExtensions
{
    internal const string Audited = "Guanxi:Audited";
    internal const string Ignored = "Guanxi:AuditIgnored";
    internal const string Owner = "Guanxi:AuditOwner";
    internal const string Personal = "Guanxi:Personal";

    /// <summary>Every insert, update and delete of this entity is written to the history.</summary>
    public static EntityTypeBuilder<T> IsAudited<T>(this EntityTypeBuilder<T> builder) where T : class =>
        builder.HasAnnotation(Audited, true);

    /// <summary>A link entity (user ↔ role, customer ↔ group): its rows are recorded as a field of the owner's history.</summary>
    public static EntityTypeBuilder<T> IsAuditedOn<T>(this EntityTypeBuilder<T> builder, AuditOwner owner) where T : class =>
        builder.HasAnnotation(Owner, owner.ToString());

    /// <summary>Personal data (ARC-9): the history shows its values only to those who may see them unmasked.</summary>
    public static PropertyBuilder<TProperty> IsPersonal<TProperty>(this PropertyBuilder<TProperty> builder) =>
        builder.HasAnnotation(Personal, true);

    /// <summary>Secrets and bookkeeping columns (password hashes, stamps) stay out of the history.</summary>
    public static PropertyBuilder<TProperty> NotAudited<TProperty>(this PropertyBuilder<TProperty> builder) =>
        builder.HasAnnotation(Ignored, true);
}
