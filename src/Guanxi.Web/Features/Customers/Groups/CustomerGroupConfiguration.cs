using Guanxi.Domain.Customers;
using Guanxi.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Customers;

/// <summary>A customer's membership of a group; adding and removing it is a change in the customer's history (ARC-3).</summary>
public sealed class CustomerGroupMember
{
    public Guid GroupId { get; set; }
    public Guid CustomerId { get; set; }
}

public sealed class CustomerGroupConfiguration : IEntityTypeConfiguration<CustomerGroup>
{
    public void Configure(EntityTypeBuilder<CustomerGroup> builder)
    {
        builder.ToTable("CustomerGroups");
        builder.IsAudited();
        builder.Property(g => g.Name).HasMaxLength(CustomerGroup.MaxNameLength);
        builder.Property(g => g.Description).HasMaxLength(CustomerGroup.MaxDescriptionLength);
        builder.Property(g => g.CreatedById).HasMaxLength(64);
        builder.HasIndex(g => g.Name).IsUnique();
    }
}

public sealed class CustomerGroupMemberConfiguration : IEntityTypeConfiguration<CustomerGroupMember>
{
    public void Configure(EntityTypeBuilder<CustomerGroupMember> builder)
    {
        builder.ToTable("CustomerGroupMembers");
        builder.HasKey(m => new { m.GroupId, m.CustomerId });
        builder.HasIndex(m => m.CustomerId);
        builder.IsAuditedOn(new AuditOwner(nameof(Customer), nameof(CustomerGroupMember.CustomerId), "Groups", nameof(CustomerGroupMember.GroupId)));
        builder.HasOne<CustomerGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
