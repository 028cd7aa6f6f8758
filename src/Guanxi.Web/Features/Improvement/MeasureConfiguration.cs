using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Improvement;

public sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.ToTable("Measures");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Ignore(m => m.Metric);
        builder.Ignore(m => m.CurrentActions);
        builder.Ignore(m => m.IsOpen);
        builder.Property(m => m.Number).HasMaxLength(20);
        builder.Property(m => m.SourceKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.CauseCategory).HasConversion<string>().HasMaxLength(12);
        builder.Property(m => m.MetricKind).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.MetricKey).HasMaxLength(EffectMetric.MaxKeyLength);
        builder.Property(m => m.Title).HasMaxLength(Measure.MaxTitleLength);
        builder.Property(m => m.Description).HasMaxLength(Measure.MaxTextLength);
        builder.Property(m => m.Opinion).HasMaxLength(Measure.MaxTextLength);
        builder.Property(m => m.Suggestion).HasMaxLength(Measure.MaxTextLength);
        builder.Property(m => m.Containment).HasMaxLength(Measure.MaxTextLength);
        builder.PrimitiveCollection(m => m.Causes).HasField("causes");
        foreach (var by in new[] { nameof(Measure.ReportedById), nameof(Measure.OpinionById), nameof(Measure.SignedById) })
            builder.Property<string>(by).HasMaxLength(Actor.MaxIdLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasMany(m => m.Actions).WithOne().HasForeignKey(a => a.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Steps).WithOne().HasForeignKey(s => s.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Acceptances).WithOne().HasForeignKey(a => a.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Involvements).WithOne().HasForeignKey(i => i.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Penalties).WithOne().HasForeignKey(p => p.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Department>().WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.Number).IsUnique();
        builder.HasIndex(m => new { m.SourceKind, m.SourceId }).IsUnique().HasFilter("\"SourceId\" IS NOT NULL");   // one measure per problem
        builder.HasIndex(m => new { m.Status, m.DueOn });          // the register: open first, by deadline; its counts
        builder.HasIndex(m => new { m.DepartmentId, m.Status });   // a department's measures
        builder.HasIndex(m => new { m.Status, m.PlanDueOn });      // the job: late plans
    }
}

public sealed class MeasureActionConfiguration : IEntityTypeConfiguration<MeasureAction>
{
    public void Configure(EntityTypeBuilder<MeasureAction> builder)
    {
        builder.ToTable("MeasureActions");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Ignore(a => a.IsDone);
        builder.Property(a => a.Title).HasMaxLength(MeasureAction.MaxTitleLength);
        builder.Property(a => a.OwnerId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(a => a.DoneById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(a => a.DoneNote).HasMaxLength(Measure.MaxNoteLength);
        builder.HasIndex(a => new { a.OwnerId, a.MeasureId });   // a member of staff's actions (their sight of a measure)
    }
}

public sealed class MeasureStepConfiguration : IEntityTypeConfiguration<MeasureStep>
{
    public void Configure(EntityTypeBuilder<MeasureStep> builder)
    {
        builder.ToTable("MeasureSteps");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.Party).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(s => s.Note).HasMaxLength(MeasureStep.MaxNoteLength * 2 + 200);
        builder.HasIndex(s => new { s.MeasureId, s.At });
        builder.HasIndex(s => new { s.Kind, s.At });   // the monthly report: the month's refusals and reopenings
    }
}

public sealed class MeasureAcceptanceConfiguration : IEntityTypeConfiguration<MeasureAcceptance>
{
    public void Configure(EntityTypeBuilder<MeasureAcceptance> builder)
    {
        builder.ToTable("MeasureAcceptances");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Party).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(a => a.Note).HasMaxLength(Measure.MaxNoteLength);
        builder.HasIndex(a => new { a.MeasureId, a.Round, a.Party }).IsUnique();   // one signature per party and round
    }
}

public sealed class MeasureInvolvementConfiguration : IEntityTypeConfiguration<MeasureInvolvement>
{
    public void Configure(EntityTypeBuilder<MeasureInvolvement> builder)
    {
        builder.ToTable("MeasureInvolvements");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Part).HasMaxLength(MeasureInvolvement.MaxPartLength);
        builder.Property(i => i.ConfirmedById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(i => i.ConfirmNote).HasMaxLength(Measure.MaxNoteLength);
        builder.HasIndex(i => new { i.MeasureId, i.DepartmentId }).IsUnique();
        builder.HasIndex(i => i.DepartmentId);
        builder.HasOne<Department>().WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MeasurePenaltyConfiguration : IEntityTypeConfiguration<MeasurePenalty>
{
    public void Configure(EntityTypeBuilder<MeasurePenalty> builder)
    {
        builder.ToTable("MeasurePenalties");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.StaffId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(p => p.Rule).HasMaxLength(MeasurePenalty.MaxRuleLength);
        builder.Property(p => p.Note).HasMaxLength(Measure.MaxNoteLength);
        builder.Property(p => p.ProposedById).HasMaxLength(Actor.MaxIdLength);
        builder.HasIndex(p => p.StaffId);          // a person's record
        builder.HasIndex(p => p.DepartmentId);     // a department's record
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
