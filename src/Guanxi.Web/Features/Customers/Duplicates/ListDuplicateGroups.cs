using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

public sealed record DuplicateMember(Guid Id, string Name, string? Organization, string? PrimaryPhone, string OwnerName, DateTimeOffset CreatedAt);

public sealed record DuplicateGroup(IReadOnlyList<string> MatchedOn, IReadOnlyList<DuplicateMember> Customers);

/// <summary>
/// ARC-2 across the whole database: groups of active customers in the caller's sight that share a duplicate key
/// (customers linked through different keys fall into one group), largest first.
/// </summary>
public sealed class ListDuplicateGroups(GuanxiDbContext db, CustomerViewers viewers)
{
    public async Task<Result<Page<DuplicateGroup>>> Handle(int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var (number, size) = Page<DuplicateGroup>.Clamp(page, pageSize);
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var active = db.Set<Customer>().Where(c => c.Status == CustomerStatus.Active);
        if (CustomerAccess.ListedDepartment(viewer) is { } listed)
            active = active.Where(c => c.DepartmentId == listed);
        // Index ranges, not LIKE: duplicate keys start with "e:", "m:" or "n:".
        var keys = db.Set<CustomerKey>().Where(k => k.Key.CompareTo("e:") >= 0 && k.Key.CompareTo("e;") < 0 || k.Key.CompareTo("m:") >= 0 && k.Key.CompareTo("n;") < 0)
            .Join(active, k => k.CustomerId, c => c.Id, (k, c) => k);
        var shared = keys.GroupBy(k => k.Key).Where(g => g.Count() > 1).Select(g => g.Key);
        var pairs = await keys.Where(k => shared.Contains(k.Key)).Select(k => new { k.Key, k.CustomerId }).ToListAsync(cancellationToken);

        var groups = Cluster(pairs.Select(p => (p.Key, p.CustomerId)));
        var pageGroups = groups.GetRange(Math.Min((number - 1) * size, groups.Count), Math.Clamp(groups.Count - (number - 1) * size, 0, size));
        var ids = pageGroups.SelectMany(g => g.Customers).ToList();
        var customers = await db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { Customer = c, Owner = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToDictionaryAsync(c => c.Customer.Id, cancellationToken);
        var items = pageGroups.Select(g => new DuplicateGroup(
            [.. g.Keys.Select(CustomerKeys.MatchedOn).Distinct().Order(StringComparer.Ordinal)],
            [.. g.Customers.Select(id => customers[id]).OrderBy(c => c.Customer.CreatedAt).Select(c => new DuplicateMember(
                c.Customer.Id, c.Customer.Name, c.Customer.Organization,
                c.Customer.Phones is [var phone, ..]
                    ? CustomerAccess.SightOf(viewer, c.Customer.OwnerId, c.Customer.DepartmentId) == CustomerSight.Full ? phone.Number : PersonalDataMask.Phone(phone.Number)
                    : null,
                c.Owner ?? "", c.Customer.CreatedAt))])).ToList();
        return new Page<DuplicateGroup>(items, groups.Count, number, size);
    }

    /// <summary>Customers sharing any key end up in one group (union–find over the shared keys).</summary>
    private static List<(HashSet<string> Keys, List<Guid> Customers)> Cluster(IEnumerable<(string Key, Guid CustomerId)> pairs)
    {
        var parent = new Dictionary<Guid, Guid>();
        Guid Find(Guid x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var list = pairs.ToList();
        foreach (var (_, id) in list)
            parent.TryAdd(id, id);
        foreach (var byKey in list.GroupBy(p => p.Key))
        {
            var first = Find(byKey.First().CustomerId);
            foreach (var (_, id) in byKey.Skip(1))
                parent[Find(id)] = first;
        }
        return [.. list.GroupBy(p => Find(p.CustomerId))
            .Select(g => (Keys: g.Select(p => p.Key).ToHashSet(), Customers: g.Select(p => p.CustomerId).Distinct().ToList()))
            .OrderByDescending(g => g.Customers.Count).ThenBy(g => g.Keys.Min(StringComparer.Ordinal), StringComparer.Ordinal)];
    }
}
