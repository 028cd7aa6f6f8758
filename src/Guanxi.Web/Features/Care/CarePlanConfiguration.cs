using Guanxi.Domain.Care;
using Guanxi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Care;

public sealed class CarePlanConfiguration : IEntityTypeConfiguration<CarePlan>
{
    public void Configure(EntityTypeBuilder<CarePlan> builder)
    {
        builder.ToTable("CarePlans");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(CarePlan.MaxNameLength);
        builder.Property(p => p.Occasion).HasConversion<string>().HasMaxLength(28);
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(8);
        builder.PrimitiveCollection(p => p.Tiers);
        builder.PrimitiveCollection(p => p.Stages);
        builder.PrimitiveCollection(p => p.CallTiers);
        builder.Property(p => p.CreatedById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
