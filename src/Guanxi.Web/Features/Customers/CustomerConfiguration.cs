using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Customers;

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.IsAudited();
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Gender).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Name).HasMaxLength(Customer.MaxNameLength);
        builder.Property(c => c.Organization).HasMaxLength(Customer.MaxNameLength);
        builder.Property(c => c.WeChat).HasMaxLength(100).IsPersonal();
        builder.Property(c => c.Birthday).IsPersonal();
        builder.Property(c => c.Industry).HasMaxLength(100);
        builder.Property(c => c.Size).HasMaxLength(50);
        builder.Property(c => c.Source).HasMaxLength(100);
        builder.Property(c => c.ExternalNo).HasMaxLength(Customer.MaxExternalNoLength);
        builder.Property(c => c.OwnerId).HasMaxLength(64);
        builder.Property(c => c.Background).HasMaxLength(Customer.MaxTextLength);
        builder.Property(c => c.Preferences).HasMaxLength(Customer.MaxTextLength);
        builder.Property(c => c.Needs).HasMaxLength(Customer.MaxTextLength);
        builder.Property(c => c.Version).IsConcurrencyToken().NotAudited();
        // Lists are JSON text: each is one field of the history with its old and new value. Search and duplicate
        // detection read their own keys (CustomerKeys, CustomerSearch), kept in step by CustomerSearchInterceptor.
        builder.Property(c => c.Phones).HasField("phones").IsPersonal().AsJson();
        builder.Property(c => c.Emails).HasField("emails").IsPersonal().AsJson();
        builder.Property(c => c.Addresses).HasField("addresses").IsPersonal().AsJson();
        builder.Property(c => c.Contacts).HasField("contacts").IsPersonal().AsJson();
        builder.HasIndex(c => c.MergedIntoId);
        builder.HasOne<Guanxi.Domain.Accounts.Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shared.Auth.StaffUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.DepartmentId, c.Name });
        builder.HasIndex(c => c.OwnerId);
        builder.HasIndex(c => c.ExternalNo);
        builder.Property(c => c.Tier).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ProspectLevel).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.PotentialReason).HasMaxLength(500);
        // A tier's customers; SVC-4's "not contacted for too long": per tier, the last contact (or, never contacted, the entry) before the cutoff.
        builder.HasIndex(c => new { c.Tier, c.Status, c.LastContactAt, c.CreatedAt });
        builder.Property(c => c.LastContactAt).NotAudited();   // derived from the contacts, which are the record
        builder.HasIndex(c => new { c.Stage, c.Status });
        builder.Property(c => c.Credit).HasConversion<string>().HasMaxLength(4);
        builder.Property(c => c.CreditComputed).HasConversion<string>().HasMaxLength(4);
        builder.Property(c => c.BusinessConditions).HasField("businessConditions").AsJson();
        builder.HasIndex(c => new { c.Credit, c.Status });
        builder.Property(c => c.ArchiveCategory).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.RelationshipStage).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RelationshipType).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RelationshipPhase).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RelationshipNote).HasMaxLength(KeyAccountRelationship.MaxNoteLength);
    }
}
