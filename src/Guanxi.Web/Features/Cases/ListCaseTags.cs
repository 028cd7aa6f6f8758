using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Cases;

/// <summary>SVC-7: the tags in use among the cases the caller reads, the most used first — the library's filter chips.</summary>
public sealed class ListCaseTags(GuanxiDbContext db, CustomerViewers viewers)
{
    public async Task<Result<IReadOnlyList<CaseTag>>> Handle(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        // A library of thousands of cases with at most 10 tags each: counted here rather than unnested in SQL.
        var tags = await ListCases.Readable(db, viewer).Select(c => c.Tags).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<CaseTag>>.Ok(tags.SelectMany(t => t).GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new CaseTag(g.Key, g.Count())).OrderByDescending(t => t.Count).ThenBy(t => t.Tag, StringComparer.Ordinal).ToList());
    }
}
