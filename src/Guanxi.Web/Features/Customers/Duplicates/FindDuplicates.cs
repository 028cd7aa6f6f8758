using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>A likely duplicate: visible ones by name; one outside the caller's sight only by its department, so nothing leaks.</summary>
/// <summary>A likely duplicate; one outside the caller's sight is named by neither id, name nor department (ARC-9).</summary>
public sealed record DuplicateMatch(Guid? Id, string Name, string MatchedOn, bool Visible, string DepartmentName);

/// <summary>An active customer that holds a duplicate key.</summary>
public sealed record KeyHolder(string Key, Guid Id, string Name, string OwnerId, Guid DepartmentId);

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
        var found = await Holders(keys, except).Take(50).ToListAsync(cancellationToken);
        var departmentIds = found.Select(f => f.DepartmentId).Distinct().ToList();
        var departments = await db.Set<Guanxi.Domain.Accounts.Department>().Where(d => departmentIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return [.. found.GroupBy(f => f.Id).Select(g =>
        {
            var first = g.First();
            var visible = CustomerAccess.SightOf(viewer, first.OwnerId, first.DepartmentId) != CustomerSight.None;
            var matchedOn = string.Join(",", g.Select(f => CustomerKeys.MatchedOn(f.Key)).Distinct().Order(StringComparer.Ordinal));
            return visible ? new DuplicateMatch(first.Id, first.Name, matchedOn, true, departments.GetValueOrDefault(first.DepartmentId, "")) : new DuplicateMatch(null, "", matchedOn, false, "");
        })];
    }

    /// <summary>The active customers holding any of <paramref name="keys"/> (entry, import), but <paramref name="except"/>.</summary>
    public IQueryable<KeyHolder> Holders(IReadOnlyCollection<string> keys, Guid? except = null)
    {
        var list = keys.ToList();
        return from k in db.Set<CustomerKey>()
               join c in db.Set<Customer>() on k.CustomerId equals c.Id
               where list.Contains(k.Key) && c.Status == CustomerStatus.Active && c.Id != except
               select new KeyHolder(k.Key, c.Id, c.Name, c.OwnerId, c.DepartmentId);
    }
}
