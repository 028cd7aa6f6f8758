using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>A likely duplicate: visible ones by name; one outside the caller's sight only by its department, so nothing leaks.</summary>
public sealed record DuplicateMatch(Guid Id, string Name, string MatchedOn, bool Visible, string DepartmentName);

/// <summary>
/// ARC-2 on entry: the active customers that share a mobile, an e-mail or name + organisation with what is being
/// entered — across the whole enterprise database, since one customer should have one record whichever department met them.
/// </summary>
public sealed class FindDuplicates(GuanxiDbContext db)
{
    public async Task<IReadOnlyList<DuplicateMatch>> Handle(IReadOnlySet<string> keys, Guid? except, Viewer viewer, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return [];
        var list = keys.ToList();
        var found = await (from k in db.Set<CustomerKey>()
                           join c in db.Set<Customer>() on k.CustomerId equals c.Id
                           where list.Contains(k.Key) && c.Status == CustomerStatus.Active && c.Id != except
                           select new
                           {
                               c.Id, c.Name, c.OwnerId, c.DepartmentId, k.Key,
                               Department = db.Set<Guanxi.Domain.Accounts.Department>().Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                           })
            .Take(50).ToListAsync(cancellationToken);
        return [.. found.GroupBy(f => f.Id).Select(g =>
        {
            var first = g.First();
            var visible = CustomerAccess.SightOf(viewer, first.OwnerId, first.DepartmentId) != CustomerSight.None;
            var matchedOn = string.Join(",", g.Select(f => CustomerKeys.MatchedOn(f.Key)).Distinct().Order(StringComparer.Ordinal));
            return new DuplicateMatch(first.Id, visible ? first.Name : "", matchedOn, visible, first.Department ?? "");
        })];
    }
}
