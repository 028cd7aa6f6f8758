using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Credit;

public sealed class CustomerCreditConfiguration : IEntityTypeConfiguration<CustomerCredit>
{
    public void Configure(EntityTypeBuilder<CustomerCredit> builder)
    {
        builder.ToTable("CustomerCredits");
        builder.HasKey(c => c.CustomerId);
        builder.Property(c => c.CustomerId).ValueGeneratedNever();
        builder.HasIndex(c => c.OverdueAmount);
        builder.HasOne<Customer>().WithOne().HasForeignKey<CustomerCredit>(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CreditChangeConfiguration : IEntityTypeConfiguration<CreditChange>
{
    public void Configure(EntityTypeBuilder<CreditChange> builder)
    {
        builder.ToTable("CreditChanges");
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(4);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(4);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.Property(c => c.ReasonEn).HasMaxLength(500);
        builder.Property(c => c.ById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(c => c.ByText).HasMaxLength(Actor.MaxTextLength);
        builder.HasIndex(c => new { c.CustomerId, c.At });
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
