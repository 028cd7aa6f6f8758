using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Reviews;
using Guanxi.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Reviews;

public sealed class ReviewCycleConfiguration : IEntityTypeConfiguration<ReviewCycle>
{
    public void Configure(EntityTypeBuilder<ReviewCycle> builder)
    {
        builder.ToTable("ReviewCycles");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.OpenedById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(c => c.OpenedByText).HasMaxLength(Actor.MaxTextLength);
        builder.HasIndex(c => c.Number).IsUnique();
    }
}

public sealed class CustomerReviewConfiguration : IEntityTypeConfiguration<CustomerReview>
{
    public void Configure(EntityTypeBuilder<CustomerReview> builder)
    {
        builder.ToTable("CustomerReviews");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Cause).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.CauseNote).HasMaxLength(300);
        builder.Property(r => r.CauseNoteEn).HasMaxLength(300);
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.Note).HasMaxLength(CustomerReview.MaxNoteLength);
        builder.HasIndex(r => new { r.CycleId, r.Cause });
        builder.HasIndex(r => r.CustomerId);
        builder.HasOne<ReviewCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CustomerTask>().WithOne().HasForeignKey<CustomerReview>(r => r.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
