using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// The one search box: any part of a name or organisation (Chinese from 1 character, Latin case-insensitive), a phone
/// (whole, or its last 4+ digits), any part of an e-mail (3+ characters). 3+ characters go to the trigram index
/// (SQLite FTS5, PostgreSQL pg_trgm), 1–2 characters to the short keys; both read the same folded text, so both
/// databases find the same customers. Ranked exact, then prefix, then contains; shorter names first, then newest.
/// </summary>
public sealed class CustomerSearch(GuanxiDbContext db)
{
    public IQueryable<Customer> Filter(IQueryable<Customer> customers, string query)
    {
        var q = CustomerKeys.Fold(query);
        IQueryable<Guid> ids = q.Length >= 3 ? TextMatches(q) : Keys(CustomerKeys.Gram + q, exact: true);
        if (CustomerKeys.PhoneQuery(q) is { } reversed)
            ids = ids.Union(Keys(CustomerKeys.PhoneTail + reversed, exact: false));
        return customers.Where(c => ids.Contains(c.Id));
    }

    public IQueryable<Customer> Rank(IQueryable<Customer> customers, string query)
    {
        var q = CustomerKeys.Fold(query);
        return from c in customers
               join e in db.Set<CustomerSearchEntry>() on c.Id equals e.CustomerId
               orderby e.Name == q || e.Organization == q ? 0 : e.Name.StartsWith(q) || e.Organization.StartsWith(q) ? 1 : 2,
                   e.Name.Length, c.CreatedAt descending, c.Id
               select c;
    }

    private IQueryable<Guid> TextMatches(string q)
    {
        if (db.Database.IsSqlite())
        {
            var phrase = "\"" + q.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return db.Set<CustomerSearchEntry>()
                .FromSql($"""SELECT * FROM "CustomerSearch" WHERE "Id" IN (SELECT rowid FROM "CustomerFts" WHERE "CustomerFts" MATCH {phrase})""")
                .Select(e => e.CustomerId);
        }
        var pattern = "%" + q.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
        return db.Set<CustomerSearchEntry>().Where(e => EF.Functions.Like(e.Text, pattern, @"\")).Select(e => e.CustomerId);
    }

    private IQueryable<Guid> Keys(string key, bool exact)
    {
        if (exact)
            return db.Set<CustomerKey>().Where(k => k.Key == key).Select(k => k.CustomerId);
        var after = CustomerKeys.After(key);
        return db.Set<CustomerKey>().Where(k => k.Key.CompareTo(key) >= 0 && k.Key.CompareTo(after) < 0).Select(k => k.CustomerId);
    }
}
