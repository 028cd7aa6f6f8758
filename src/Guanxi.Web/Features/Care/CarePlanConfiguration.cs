using Guanxi.Domain.Care;
using Guanxi.Domain.Common;
using Guanxi.Domain.Tasks;
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

public sealed class CarePlanRunConfiguration : IEntityTypeConfiguration<CarePlanRun>
{
    public void Configure(EntityTypeBuilder<CarePlanRun> builder)
    {
        builder.ToTable("CarePlanRuns");
        builder.HasKey(r => new { r.PlanId, r.Day });
        builder.HasOne<CarePlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CareCallConfiguration : IEntityTypeConfiguration<CareCall>
{
    public void Configure(EntityTypeBuilder<CareCall> builder)
    {
        builder.ToTable("CareCalls");
        builder.HasKey(c => c.TaskId);
        builder.Property(c => c.TaskId).ValueGeneratedNever();
        builder.Property(c => c.Occasion).HasConversion<string>().HasMaxLength(28);
        builder.Property(c => c.Tier).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.PlanId, c.CustomerId, c.Day }).IsUnique();
        builder.HasIndex(c => c.Day);
        builder.HasOne<CustomerTask>().WithOne().HasForeignKey<CareCall>(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CarePlan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
