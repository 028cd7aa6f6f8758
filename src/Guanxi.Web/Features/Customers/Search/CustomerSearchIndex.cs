using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// One row per findable customer: the case-folded name and organisation (for ranking), the text the trigram index
/// holds and, on SQLite, the words of its word index (<see cref="CustomerKeys.Words"/>). Its integer id is the rowid of
/// SQLite's external-content FTS5 tables, kept in step by triggers.
/// </summary>
public sealed class CustomerSearchEntry
{
    public long Id { get; set; }
    public Guid CustomerId { get; set; }
    public string Name { get; set; } = "";
    public string Organization { get; set; } = "";
    public string Text { get; set; } = "";
    public string Words { get; set; } = "";   // SQLite only

    /// <summary>Sets what is searched from the customer; false when nobody should find it (<see cref="CustomerKeys.Searchable"/>).</summary>
    public bool Fill(Customer customer, DbContext db)
    {
        if (CustomerKeys.Text(customer) is not { } text)
            return false;
        (CustomerId, Name, Organization, Text) = (customer.Id, CustomerKeys.Fold(customer.Name), CustomerKeys.Fold(customer.Organization), text);
        Words = HasWordIndex(db) ? CustomerKeys.Words(customer) : "";
        return true;
    }

    /// <summary>SQLite has the word index; PostgreSQL keeps the name pieces as keys instead.</summary>
    public static bool HasWordIndex(DbContext db) => db.Database.IsSqlite();
}

/// <summary>
/// A key of <see cref="CustomerKeys"/>: a reversed phone, a duplicate key, and on PostgreSQL the name pieces. Its weight
/// (<see cref="CustomerKeys.Weight"/>) and the search entry's id follow the key in the index, so a short query reads its
/// best, newest matches first without sorting.
/// </summary>
public sealed class CustomerKey
{
    public string Key { get; set; } = "";
    public int Weight { get; set; }
    public long SearchId { get; set; }
    public Guid CustomerId { get; set; }   // the entry's customer, kept here so a key lookup needs no join
    public CustomerSearchEntry? Entry { get; set; }

    /// <summary>The keys a customer should have in this database, with their weights (SQLite's word index holds the name pieces).</summary>
    public static IEnumerable<(string Key, int Weight)> Of(Customer customer, DbContext db)
    {
        var (name, organization) = (CustomerKeys.Fold(customer.Name), CustomerKeys.Fold(customer.Organization));
        return CustomerKeys.Of(customer, namePieces: !CustomerSearchEntry.HasWordIndex(db)).Select(k => (k, CustomerKeys.WeightOf(k, name, organization)));
    }
}

public sealed class CustomerSearchEntryConfiguration : IEntityTypeConfiguration<CustomerSearchEntry>, IDatabaseModelPart
{
    public void Configure(EntityTypeBuilder<CustomerSearchEntry> builder)
    {
        builder.ToTable("CustomerSearch");
        builder.HasIndex(e => e.CustomerId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(Customer.MaxNameLength);
        builder.Property(e => e.Organization).HasMaxLength(Customer.MaxNameLength);
        builder.HasOne<Customer>().WithOne().HasForeignKey<CustomerSearchEntry>(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }

    /// <summary>
    /// PostgreSQL: a pg_trgm GIN index answers LIKE '%…%' of 3+ characters (SQLite has its FTS5 table instead); name and
    /// organisation compare by code point, as on SQLite and in <see cref="CustomerKeys"/>, so a prefix is the same on all three.
    /// </summary>
    public void Configure(ModelBuilder builder, DatabaseFacade database)
    {
        if (database.IsNpgsql())
            ForPostgres(builder);
    }

    private static void ForPostgres(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        var entry = builder.Entity<CustomerSearchEntry>();
        entry.HasIndex(e => e.Text).HasMethod("gin").HasOperators("gin_trgm_ops");
        entry.Property(e => e.Name).UseCollation("C");
        entry.Property(e => e.Organization).UseCollation("C");
        entry.Ignore(e => e.Words);   // its keys hold the name pieces
    }
}

public sealed class CustomerKeyConfiguration : IEntityTypeConfiguration<CustomerKey>
{
    public void Configure(EntityTypeBuilder<CustomerKey> builder)
    {
        builder.ToTable("CustomerKeys");
        builder.HasKey(k => new { k.Key, k.Weight, k.SearchId });   // read backwards: best weight, then newest entry
        builder.Property(k => k.Key).HasMaxLength(220);
        builder.HasOne(k => k.Entry).WithMany().HasForeignKey(k => k.SearchId).OnDelete(DeleteBehavior.Cascade);
    }
}
