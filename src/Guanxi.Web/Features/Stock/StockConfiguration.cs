using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Stock;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Stock;

public sealed class StockCountConfiguration : IEntityTypeConfiguration<StockCount>
{
    public void Configure(EntityTypeBuilder<StockCount> builder)
    {
        builder.ToTable("StockCounts");
        builder.IsAudited();
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Product).HasMaxLength(StockCount.MaxProductLength);
        builder.Property(s => s.Quantity).HasPrecision(18, 4);
        builder.Property(s => s.ById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(s => s.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Version).IsConcurrencyToken().NotAudited();
        // One count of a product a day; a customer's counts by day for its page, the report and the night.
        builder.HasIndex(s => new { s.CustomerId, s.Product, s.CountedOn }).IsUnique();
        builder.HasIndex(s => new { s.CustomerId, s.CountedOn });
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StockProposalConfiguration : IEntityTypeConfiguration<StockProposal>
{
    public void Configure(EntityTypeBuilder<StockProposal> builder)
    {
        builder.ToTable("StockProposals");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Product).HasMaxLength(StockCount.MaxProductLength);
        builder.Property(p => p.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Suggestion).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.CustomerId, p.Product });
        builder.HasIndex(p => p.TaskId).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CustomerTask>().WithMany().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
