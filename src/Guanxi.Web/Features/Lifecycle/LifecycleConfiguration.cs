using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Lifecycle;

public sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> builder)
    {
        builder.ToTable("StageChanges");
        builder.Property(s => s.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ChurnReason).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.Property(s => s.ReasonEn).HasMaxLength(500);
        builder.Property(s => s.ById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(s => s.ByText).HasMaxLength(Actor.MaxTextLength);
        builder.Property(s => s.ChurnNote).HasMaxLength(500);
        builder.Property(s => s.ChurnRecordedById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(s => s.ChurnRecordedByText).HasMaxLength(Actor.MaxTextLength);
        builder.HasIndex(s => new { s.CustomerId, s.At });
        builder.HasIndex(s => new { s.To, s.EffectiveOn });
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CustomerTaskConfiguration : IEntityTypeConfiguration<CustomerTask>
{
    public void Configure(EntityTypeBuilder<CustomerTask> builder)
    {
        builder.ToTable("CustomerTasks");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.AssigneeId).HasMaxLength(64);
        builder.Property(t => t.Note).HasMaxLength(500);
        builder.Property(t => t.NoteEn).HasMaxLength(500);
        builder.Property(t => t.DoneById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(t => t.DoneByText).HasMaxLength(Actor.MaxTextLength);
        builder.Property(t => t.Outcome).HasMaxLength(CustomerTask.MaxOutcomeLength);
        builder.OwnsOne(t => t.FollowUp, f =>   // SVC-4: what a follow-up learnt, in the task's row
        {
            f.Property(n => n.Usage).HasColumnName("FollowUpUsage").HasMaxLength(FollowUpNotes.MaxLength);
            f.Property(n => n.Needs).HasColumnName("FollowUpNeeds").HasMaxLength(FollowUpNotes.MaxLength);
            f.Property(n => n.Feedback).HasColumnName("FollowUpFeedback").HasMaxLength(FollowUpNotes.MaxLength);
            f.Property(n => n.Opportunity).HasColumnName("FollowUpOpportunity");
            f.Property(n => n.OpportunityNote).HasColumnName("FollowUpOpportunityNote").HasMaxLength(FollowUpNotes.MaxLength);
        });
        builder.HasIndex(t => new { t.AssigneeId, t.DoneAt, t.DueOn });
        builder.HasIndex(t => new { t.DepartmentId, t.DoneAt, t.DueOn });
        builder.HasIndex(t => new { t.CustomerId, t.Kind });
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
