using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Recommendations;
using Guanxi.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Recommendations;

public sealed class ItemPairConfiguration : IEntityTypeConfiguration<ItemPair>
{
    public void Configure(EntityTypeBuilder<ItemPair> builder)
    {
        builder.ToTable("ItemPairs");
        builder.HasKey(p => new { p.Item, p.Other });   // a customer's pairs: one range of the key per item they bought
        builder.Property(p => p.Item).HasMaxLength(Order.MaxTextLength);
        builder.Property(p => p.Other).HasMaxLength(Order.MaxTextLength);
        builder.Ignore(p => p.Figures);
    }
}

public sealed class RecommendationTaskConfiguration : IEntityTypeConfiguration<RecommendationTask>
{
    public void Configure(EntityTypeBuilder<RecommendationTask> builder)
    {
        builder.ToTable("RecommendationTasks");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Key).HasMaxLength(RecommendationTask.MaxKeyLength);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.CreatedById).HasMaxLength(64);
        builder.HasIndex(t => new { t.CustomerId, t.Key });
        builder.HasIndex(t => t.TaskId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CustomerTask>().WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
