using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// A plan is one row with its checklist as a JSON list (a few dozen items, read and written whole), audited (ARC-3): who
/// changed the post, the frequency, the items, the inspector. One plan per department and post.
/// </summary>
public sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> builder)
    {
        builder.ToTable("InspectionPlans");
        builder.IsAudited();
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Post).HasMaxLength(InspectionPlan.MaxPostLength);
        builder.Property(p => p.Items).AsJson();
        builder.Property(p => p.InspectorId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(p => p.CreatedById).HasMaxLength(Actor.MaxIdLength).NotAudited();
        builder.Property(p => p.CreatedAt).NotAudited();
        builder.Property(p => p.UpdatedById).HasMaxLength(Actor.MaxIdLength).NotAudited();
        builder.Property(p => p.UpdatedAt).NotAudited();
        builder.Property(p => p.Version).IsConcurrencyToken().NotAudited();
        builder.HasIndex(p => new { p.DepartmentId, p.Post }).IsUnique();
        builder.HasIndex(p => p.InspectorId);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// An inspection is one row with the checklist it is done with (JSON); its results are rows of their own
/// (<c>InspectionResults</c>), which the pass rates group by department, post, month and item in the database. The
/// schedule's key — plan, month, sequence — is unique: the job can never make the same inspection twice, even racing.
/// </summary>
public sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> builder)
    {
        builder.ToTable("Inspections");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Ignore(i => i.IsDone);
        builder.Property(i => i.Post).HasMaxLength(InspectionPlan.MaxPostLength);
        builder.Property(i => i.InspectorId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(i => i.DoneById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(i => i.Checklist).AsJson();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasMany(i => i.Results).WithOne().HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Results).HasField("results").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => new { i.PlanId, i.Month, i.Sequence }).IsUnique();
        builder.HasIndex(i => new { i.DoneAt, i.DueOn });                 // the list: not done, due by a day
        builder.HasIndex(i => new { i.DepartmentId, i.DueOn });
        builder.HasIndex(i => new { i.InspectorId, i.DoneAt, i.DueOn });  // an inspector's work
        builder.HasOne<InspectionPlan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class InspectionResultConfiguration : IEntityTypeConfiguration<InspectionResult>
{
    public void Configure(EntityTypeBuilder<InspectionResult> builder)
    {
        builder.ToTable("InspectionResults");
        builder.HasKey(r => new { r.InspectionId, r.ItemId });
        builder.Property(r => r.Name).HasMaxLength(ChecklistItem.MaxNameLength);
        builder.Property(r => r.Note).HasMaxLength(Inspection.MaxNoteLength);
    }
}

/// <summary>A finding is one row; its steps (a handful) are a JSON list in it, read and written with it.</summary>
public sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ToTable("InspectionFindings");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Post).HasMaxLength(InspectionPlan.MaxPostLength);
        builder.Property(f => f.ItemName).HasMaxLength(ChecklistItem.MaxNameLength);
        builder.Property(f => f.Note).HasMaxLength(Inspection.MaxNoteLength);
        builder.Property(f => f.FixNote).HasMaxLength(Finding.MaxNoteLength);
        builder.Property(f => f.InspectorId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(f => f.OwnerId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(8);
        builder.Property(f => f.Steps).AsJson();
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.Status, f.RaisedAt });
        builder.HasIndex(f => new { f.DepartmentId, f.Status });
        builder.HasIndex(f => new { f.OwnerId, f.Status });
        builder.HasIndex(f => new { f.InspectorId, f.Status });
        builder.HasIndex(f => new { f.InspectionId, f.ItemId }).IsUnique();   // one finding per failed item
        builder.HasOne<Inspection>().WithMany().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
