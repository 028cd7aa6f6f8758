using Guanxi.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// One row per findable customer: the case-folded name and organisation (for ranking) and the text the trigram index
/// holds. Its integer id is the rowid of SQLite's external-content FTS5 table, kept in step by triggers.
/// </summary>
public sealed class CustomerSearchEntry
{
    public long Id { get; set; }
    public Guid CustomerId { get; set; }
    public string Name { get; set; } = "";
    public string Organization { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>A key of <see cref="CustomerKeys"/>: a 1–2 character piece of a name, a reversed phone, a duplicate key.</summary>
public sealed class CustomerKey
{
    public string Key { get; set; } = "";
    public Guid CustomerId { get; set; }
}

public sealed class CustomerSearchEntryConfiguration : IEntityTypeConfiguration<CustomerSearchEntry>
{
    public void Configure(EntityTypeBuilder<CustomerSearchEntry> builder)
    {
        builder.ToTable("CustomerSearch");
        builder.HasIndex(e => e.CustomerId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(Customer.MaxNameLength);
        builder.Property(e => e.Organization).HasMaxLength(Customer.MaxNameLength);
        builder.HasOne<Customer>().WithOne().HasForeignKey<CustomerSearchEntry>(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }

    /// <summary>PostgreSQL: a pg_trgm GIN index answers LIKE '%…%' of 3+ characters (SQLite has its FTS5 table instead).</summary>
    public static void ForPostgres(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<CustomerSearchEntry>().HasIndex(e => e.Text).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

public sealed class CustomerKeyConfiguration : IEntityTypeConfiguration<CustomerKey>
{
    public void Configure(EntityTypeBuilder<CustomerKey> builder)
    {
        builder.ToTable("CustomerKeys");
        builder.HasKey(k => new { k.Key, k.CustomerId });
        builder.Property(k => k.Key).HasMaxLength(220);
        builder.HasIndex(k => k.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(k => k.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
