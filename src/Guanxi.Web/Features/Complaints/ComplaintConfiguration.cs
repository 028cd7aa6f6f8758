using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Complaints;

public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Complaints");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Ignore(c => c.Steps);       // the steps are rows of their own (ComplaintSteps), appended and read by the handlers
        builder.Ignore(c => c.Pending);
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.IsHandled);
        builder.Property(c => c.Tier).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Severity).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Touchpoint).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.StatusBeforeHold).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Category).HasMaxLength(ComplaintCategory.MaxCodeLength);
        builder.Property(c => c.Summary).HasMaxLength(Complaint.MaxSummaryLength);
        builder.Property(c => c.Details).HasMaxLength(Complaint.MaxDetailsLength);
        builder.Property(c => c.Resolution).HasMaxLength(ComplaintStep.MaxNoteLength);
        builder.Property(c => c.StaffId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(c => c.AssigneeId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(c => c.ReceivedById).HasMaxLength(Actor.MaxIdLength);
        // Working time as whole seconds: both databases sum and compare them alike.
        foreach (var span in new[] { nameof(Complaint.ResponseTarget), nameof(Complaint.ResolutionTarget), nameof(Complaint.ResponseUsed), nameof(Complaint.ResolutionUsed), nameof(Complaint.PausedTotal) })
            builder.Property<TimeSpan>(span).HasConversion(v => (long)v.TotalSeconds, v => TimeSpan.FromSeconds(v));
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.NextAlertAt);                          // the SLA job: what is due, among the open complaints only (null once resolved or on hold)
        builder.HasIndex(c => new { c.Status, c.ResolutionDueAt });    // the list: open and overdue first
        builder.HasIndex(c => new { c.DepartmentId, c.Status });
        builder.HasIndex(c => new { c.CustomerId, c.ReceivedAt });    // a customer's complaints (the timeline)
        builder.HasIndex(c => new { c.Category, c.ReceivedAt });      // by category (the reports, the crisis warning)
        builder.HasIndex(c => c.ReceivedAt);
        builder.HasIndex(c => new { c.AssigneeId, c.Status });
        builder.HasIndex(c => c.StaffId);
        builder.HasIndex(c => c.CheckTaskId).IsUnique().HasFilter("\"CheckTaskId\" IS NOT NULL");   // SVC-2: a check's answer finds its complaint; one complaint per task
        builder.HasIndex(c => new { c.ReceivedAt, c.DepartmentId, c.CheckTaskId, c.CheckSatisfied }).HasFilter("\"CheckTaskId\" IS NOT NULL");   // the report's checks: the few checked complaints of a period
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ComplaintStepConfiguration : IEntityTypeConfiguration<ComplaintStep>
{
    public void Configure(EntityTypeBuilder<ComplaintStep> builder)
    {
        builder.ToTable("ComplaintSteps");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Target).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.ById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(s => s.AssigneeId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(s => s.Note).HasMaxLength(ComplaintStep.MaxNoteLength * 2 + 1);
        builder.HasIndex(s => new { s.ComplaintId, s.At });
        builder.HasOne<Complaint>().WithMany().HasForeignKey(s => s.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ServiceProblemConfiguration : IEntityTypeConfiguration<ServiceProblem>
{
    public void Configure(EntityTypeBuilder<ServiceProblem> builder)
    {
        builder.ToTable("ServiceProblems");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(14);
        builder.Property(p => p.Description).HasMaxLength(ServiceProblem.MaxDescriptionLength);
        builder.HasIndex(p => new { p.Kind, p.SourceId }).IsUnique();   // one problem per complaint or warning
        builder.HasIndex(p => p.RaisedOn);
    }
}
