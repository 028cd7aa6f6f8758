using Guanxi.Domain.Customers;
using Guanxi.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Customers;

/// <summary>ARC-2: a merge, recorded on the survivor's history ("MergedFrom": the merged customers' ids and names).</summary>
public sealed class CustomerMergeRecord
{
    public Guid Id { get; set; }
    public Guid SurvivorId { get; set; }
    public string Merged { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
}

/// <summary>
/// A step of a merge that moves what a capability attaches to a customer (group memberships here; orders, surveys,
/// complaints … in theirs) from the merged customers to the survivor, in the merge's transaction. Register one per
/// capability as <c>services.AddScoped&lt;ICustomerMergeStep, …&gt;()</c>.
/// </summary>
public interface ICustomerMergeStep
{
    Task MoveAsync(IReadOnlyList<Guid> mergedIds, Guid survivorId, CancellationToken cancellationToken);
}

public sealed class CustomerMergeRecordConfiguration : IEntityTypeConfiguration<CustomerMergeRecord>
{
    public void Configure(EntityTypeBuilder<CustomerMergeRecord> builder)
    {
        builder.ToTable("CustomerMerges");
        builder.Property(m => m.Merged).HasMaxLength(4000);
        builder.Property(m => m.ByUserId).HasMaxLength(64);
        builder.HasIndex(m => m.SurvivorId);
        builder.IsAuditedOn(new AuditOwner(nameof(Customer), nameof(CustomerMergeRecord.SurvivorId), "MergedFrom", nameof(CustomerMergeRecord.Merged)));
    }
}
