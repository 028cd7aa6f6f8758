using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// The one search box: any part of a name or organisation (Chinese from 1 character, Latin case-insensitive), a phone
/// (whole, or its last 4+ digits), any part of an e-mail (3+ characters). 3+ characters go to the trigram index
/// (SQLite FTS5, PostgreSQL pg_trgm), 1–2 characters to the short path (SQLite: the word index of
/// <see cref="CustomerKeys.Words"/>; PostgreSQL: the name-piece keys); all read the same folded text, so both databases
/// find the same customers. Ranked exact, then prefix, then contains; the newest first within each.
/// </summary>
public sealed class CustomerSearch(GuanxiDbContext db)
{
    public IQueryable<Customer> Filter(IQueryable<Customer> customers, string query)
    {
        var q = CustomerKeys.Fold(query);
        IQueryable<Guid> ids = q.Length >= 3 ? TextEntries(q).Select(e => e.CustomerId)
            : CustomerSearchEntry.HasWordIndex(db) ? WordEntries(Phrase(q)).Select(e => e.CustomerId)
            : Keys(CustomerKeys.Gram + q, exact: true);
        if (CustomerKeys.PhoneQuery(q) is { } reversed)
            ids = ids.Union(Keys(CustomerKeys.PhoneTail + reversed, exact: false));
        return customers.Where(c => ids.Contains(c.Id));
    }

    /// <summary>
    /// One page of the caller's customers that match, best first: exact, then prefix, then any other match (weights 2,
    /// 1, 0), the newest entry first within a weight. Each source of matches is read in that order from its index and
    /// only as far as the page and the count need, so a query that matches half the archive costs what a rare one costs;
    /// the total is counted up to <see cref="CountLimit"/> (beyond it <see cref="SearchPage.More"/> says so).
    /// </summary>
    public async Task<SearchPage> Page(IQueryable<Customer> customers, string query, int skip, int take, CancellationToken cancellationToken)
    {
        var q = CustomerKeys.Fold(query);
        var need = skip + take;
        var hits = new List<SearchHit>();
        foreach (var source in Sources(q))
        {
            var forCount = Math.Max(0, CountLimit + 1 - hits.Count);   // the sources are disjoint: every hit counts
            var forPage = hits.Count(h => h.Weight > source.Weight) >= need ? 0 : need;   // or the page is full of better ones
            if (Math.Max(forCount, forPage) is var rows and > 0)
            {
                var found = from h in source.Hits join c in customers on h.CustomerId equals c.Id select h;
                var ordered = source.Weighted ? found.OrderByDescending(h => h.Weight).ThenByDescending(h => h.SearchId) : found.OrderByDescending(h => h.SearchId);
                hits.AddRange(await ordered.Take(rows).ToListAsync(cancellationToken));
            }
        }
        var (total, more) = hits.Count > CountLimit ? (CountLimit, true) : (hits.Count, false);
        var page = hits.OrderByDescending(h => h.Weight).ThenByDescending(h => h.SearchId).Skip(skip).Take(take).Select(h => h.CustomerId).ToList();
        return new SearchPage(page, total, more);
    }

    /// <summary>How far a search counts its matches: enough to page through; past it the user narrows the search.</summary>
    public const int CountLimit = 200;

    /// <summary>
    /// The sources of matches, disjoint: exact and prefix matches of up to <see cref="CustomerKeys.MaxPrefix"/>
    /// characters and any other match of 1–2 (SQLite: a source per weight from the word index; PostgreSQL: the name keys
    /// in weight order), the other text matches of 3+, phones.
    /// </summary>
    private IEnumerable<HitSource> Sources(string q)
    {
        if (q.Length <= CustomerKeys.MaxPrefix && CustomerSearchEntry.HasWordIndex(db))
        {
            var (exact, prefix) = (Quote("=" + CustomerKeys.Word(q)), Quote("^" + CustomerKeys.Word(q)));
            yield return Words(2, exact);
            yield return Words(1, $"{prefix} NOT {exact}");
            if (q.Length < 3)
                yield return Words(0, $"{Phrase(q)} NOT {prefix}");
        }
        else if (q.Length <= CustomerKeys.MaxPrefix)
        {
            var key = (q.Length < 3 ? CustomerKeys.Gram : CustomerKeys.Prefix) + q;
            yield return new HitSource(2, db.Set<CustomerKey>().Where(k => k.Key == key)
                .Select(k => new SearchHit { Weight = k.Weight, SearchId = k.SearchId, CustomerId = k.CustomerId }), Weighted: true);
        }
        if (q.Length < 3)
            yield break;
        var (after, ranked) = (CustomerKeys.After(q), q.Length <= CustomerKeys.MaxPrefix);
        yield return new HitSource(0, TextEntries(q)   // beginnings are the keys' (a longer query ranks every match alike)
            .Where(e => !ranked || !(e.Name.CompareTo(q) >= 0 && e.Name.CompareTo(after) < 0) && !(e.Organization.CompareTo(q) >= 0 && e.Organization.CompareTo(after) < 0))
            .Select(e => new SearchHit { Weight = 0, SearchId = e.Id, CustomerId = e.CustomerId }));
        if (CustomerKeys.PhoneQuery(q) is { } reversed)
        {
            var (tail, end) = (CustomerKeys.PhoneTail + reversed, CustomerKeys.After(CustomerKeys.PhoneTail + reversed));
            yield return new HitSource(0, from k in db.Set<CustomerKey>()
                                          where k.Key.CompareTo(tail) >= 0 && k.Key.CompareTo(end) < 0
                                          join e in db.Set<CustomerSearchEntry>() on k.SearchId equals e.Id
                                          where !e.Text.Contains(q)   // those the text source has already found
                                          select new SearchHit { Weight = 0, SearchId = k.SearchId, CustomerId = k.CustomerId });
        }
    }

    private HitSource Words(int weight, string match) =>
        new(weight, WordEntries(match).Select(e => new SearchHit { Weight = weight, SearchId = e.Id, CustomerId = e.CustomerId }));

    /// <summary>The word index's phrase of a folded query's characters: the names and organisations that contain it.</summary>
    public static string Phrase(string q) => Quote(string.Join(' ', CustomerKeys.Characters(CustomerKeys.Word(q))));

    /// <summary>An FTS5 string: whatever it holds is text, not query syntax.</summary>
    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>SQLite: the entries an FTS5 query of the word index matches, in its rowid order.</summary>
    private IQueryable<CustomerSearchEntry> WordEntries(string match) =>
        db.Set<CustomerSearchEntry>().FromSql($"""
            SELECT f.rowid AS "Id", s."CustomerId", s."Name", s."Organization", s."Text", s."Words"
            FROM "CustomerWords" AS f JOIN "CustomerSearch" AS s ON s."Id" = f.rowid WHERE f."CustomerWords" MATCH {match}
            """);

    /// <summary>The entries whose text contains the query (3+ characters); on SQLite in the FTS5 table's rowid order.</summary>
    private IQueryable<CustomerSearchEntry> TextEntries(string q)
    {
        if (db.Database.IsSqlite())
        {
            var phrase = Quote(q);
            return db.Set<CustomerSearchEntry>().FromSql($"""
                SELECT f.rowid AS "Id", s."CustomerId", s."Name", s."Organization", s."Text", s."Words"
                FROM "CustomerFts" AS f JOIN "CustomerSearch" AS s ON s."Id" = f.rowid WHERE f."CustomerFts" MATCH {phrase}
                """);
        }
        var pattern = "%" + q.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
        return db.Set<CustomerSearchEntry>().Where(e => EF.Functions.Like(e.Text, pattern, @"\"));
    }

    private IQueryable<Guid> Keys(string key, bool exact)
    {
        if (exact)
            return db.Set<CustomerKey>().Where(k => k.Key == key).Select(k => k.CustomerId);
        var after = CustomerKeys.After(key);
        return db.Set<CustomerKey>().Where(k => k.Key.CompareTo(key) >= 0 && k.Key.CompareTo(after) < 0).Select(k => k.CustomerId);
    }

    /// <summary>Hits of one weight, or (<paramref name="Weighted"/>) of this weight and below, in index order.</summary>
    private sealed record HitSource(int Weight, IQueryable<SearchHit> Hits, bool Weighted = false);
}

public sealed record SearchPage(IReadOnlyList<Guid> Ids, int Total, bool More);

/// <summary>A match: its weight (2 exact, 1 prefix, 0 other), its search entry (newer entries have larger ids), its customer.</summary>
public sealed class SearchHit
{
    public int Weight { get; init; }
    public long SearchId { get; init; }
    public Guid CustomerId { get; init; }
}
