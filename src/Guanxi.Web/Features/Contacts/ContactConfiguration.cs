using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Contacts;

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.Property(k => k.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(k => k.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(k => k.Touchpoint).HasConversion<string>().HasMaxLength(10);
        builder.Property(k => k.StaffId).HasMaxLength(64);
        builder.Property(k => k.Summary).HasMaxLength(Contact.MaxSummaryLength);
        builder.Property(k => k.Outcome).HasMaxLength(Contact.MaxOutcomeLength);
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.HasIndex(k => new { k.CustomerId, k.At });   // a customer's contacts, newest first: the timeline, the list
        builder.HasIndex(k => new { k.DepartmentId, k.At });  // a department's contacts in a period (SVC-9 reports)
        builder.HasOne<Customer>().WithMany().HasForeignKey(k => k.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Guanxi.Domain.Accounts.Department>().WithMany().HasForeignKey(k => k.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shared.Auth.StaffUser>().WithMany().HasForeignKey(k => k.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
