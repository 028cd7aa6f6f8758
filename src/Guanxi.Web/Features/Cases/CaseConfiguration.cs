using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Cases;

/// <summary>
/// A case is one row. Its tags and links are primitive collections (PostgreSQL arrays, SQLite JSON text), not child
/// tables: a case is read and written whole, each list is short (≤ 10 tags, ≤ 20 links) and kept in the writer's order,
/// and both databases still answer "the cases with this tag" (<c>Tags.Contains</c>: = ANY / json_each) — the library
/// holds thousands of cases, not millions. Search reads <see cref="ServiceCase.SearchText"/>, the folded text.
/// A case is audited (ARC-3): writing, changing and publishing it is in the history with who and when, field by field
/// (a list as one field with its old and new value); the folded text, the version and the last writer's stamp are
/// bookkeeping the history row already says.
/// </summary>
public sealed class CaseConfiguration : IEntityTypeConfiguration<ServiceCase>
{
    public void Configure(EntityTypeBuilder<ServiceCase> builder)
    {
        builder.ToTable("ServiceCases");
        builder.IsAudited();
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Title).HasMaxLength(ServiceCase.MaxTitleLength);
        builder.Property(c => c.Story).HasMaxLength(ServiceCase.MaxStoryLength);
        builder.Property(c => c.Lesson).HasMaxLength(ServiceCase.MaxLessonLength);
        builder.PrimitiveCollection(c => c.Tags);
        builder.PrimitiveCollection(c => c.CustomerIds);
        builder.PrimitiveCollection(c => c.ComplaintIds);
        builder.Property(c => c.AuthorId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(c => c.UpdatedById).HasMaxLength(Actor.MaxIdLength).NotAudited();
        builder.Property(c => c.UpdatedAt).NotAudited();
        builder.Property(c => c.CreatedAt).NotAudited();
        builder.Property(c => c.SearchText).NotAudited();
        builder.Property(c => c.PublishedById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(c => c.Version).IsConcurrencyToken().NotAudited();
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        builder.HasIndex(c => new { c.AuthorId, c.Status });
        builder.HasOne<Shared.Auth.StaffUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
