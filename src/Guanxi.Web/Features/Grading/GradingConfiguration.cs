using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Grading;

public sealed class CustomerGradeConfiguration : IEntityTypeConfiguration<CustomerGrade>
{
    public void Configure(EntityTypeBuilder<CustomerGrade> builder)
    {
        builder.ToTable("CustomerGrades");
        builder.HasKey(g => g.CustomerId);
        builder.Property(g => g.CustomerId).ValueGeneratedNever();
        builder.Property(g => g.RepeatRate).HasConversion<double>();
        builder.HasIndex(g => g.Profit);
        // A score is worked out from counts of the figures at or below the customer's: each count walks one index.
        builder.HasIndex(g => g.Amount);
        builder.HasIndex(g => g.Orders);
        builder.HasIndex(g => g.Referrals);
        builder.HasIndex(g => g.LastOrderAt);
    }
}

public sealed class TierChangeConfiguration : IEntityTypeConfiguration<TierChange>
{
    public void Configure(EntityTypeBuilder<TierChange> builder)
    {
        builder.ToTable("TierChanges");
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(12);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(12);
        builder.Property(t => t.Reason).HasMaxLength(500);
        builder.Property(t => t.ReasonEn).HasMaxLength(500);
        builder.Property(t => t.ById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(t => t.ByText).HasMaxLength(Actor.MaxTextLength);
        builder.HasIndex(t => new { t.CustomerId, t.At });
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
