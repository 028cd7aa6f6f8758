using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// ARC-3: every change of one customer, newest first — with the history of the records merged into it (ARC-2), and
/// group ids shown as group names. The history must not leak what the record masks: personal values read **** for a
/// caller who sees the customer masked.
/// </summary>
public sealed class CustomerHistory(GuanxiDbContext db, CustomerViewers viewers, ListAudit audit)
{
    public async Task<Result<Page<AuditRow>>> Handle(Guid id, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.Current(cancellationToken);
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.OwnerId, c.DepartmentId }).SingleOrDefaultAsync(cancellationToken);
        if (viewer is null || customer is null)
            return CustomerWebErrors.NotFound;
        var sight = CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId);
        if (sight == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        // The records merged into this one, and those merged into them …
        var keys = new List<Guid> { id };
        List<Guid> level = [id];
        while (level.Count > 0 && keys.Count < 500)
        {
            var into = level;
            level = await db.Set<Customer>().Where(c => c.MergedIntoId != null && into.Contains(c.MergedIntoId.Value)).Select(c => c.Id).ToListAsync(cancellationToken);
            keys.AddRange(level);
        }
        var rows = await audit.Handle(new AuditQuery(nameof(Customer), Keys: [.. keys.Select(k => k.ToString())], Page: page, PageSize: pageSize),
            revealPersonal: sight == CustomerSight.Full, cancellationToken);
        return rows with { Items = await Names(await GroupNames(rows.Items, cancellationToken), cancellationToken) };
    }

    /// <summary>Owner, department and survivor ids read as names.</summary>
    private async Task<IReadOnlyList<AuditRow>> Names(IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken)
    {
        string[] fields = [nameof(Customer.OwnerId), nameof(Customer.DepartmentId), nameof(Customer.MergedIntoId)];
        var ids = rows.Where(r => fields.Contains(r.Field)).SelectMany(r => new[] { r.OldValue, r.NewValue }).OfType<string>().Distinct().ToList();
        if (ids.Count == 0)
            return rows;
        var guids = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, Name = u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        foreach (var d in await db.Set<Guanxi.Domain.Accounts.Department>().Where(d => guids.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
            names[d.Id.ToString()] = d.Name;
        foreach (var c in await db.Set<Customer>().Where(c => guids.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
            names[c.Id.ToString()] = c.Name;
        string? Name(string? value) => value is null ? null : names.GetValueOrDefault(value, value);
        return [.. rows.Select(r => fields.Contains(r.Field) ? r with { OldValue = Name(r.OldValue), NewValue = Name(r.NewValue) } : r)];
    }

    /// <summary>Membership rows hold the group's id; a deleted group's name comes from its own history.</summary>
    private async Task<IReadOnlyList<AuditRow>> GroupNames(IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Where(r => r.Field == "Groups").SelectMany(r => new[] { r.OldValue, r.NewValue }).OfType<string>().Distinct().ToList();
        if (ids.Count == 0)
            return rows;
        var names = (await db.Set<AuditEntry>().Where(e => e.Entity == nameof(CustomerGroup) && ids.Contains(e.Key) && e.Field == nameof(CustomerGroup.Name))
                .OrderBy(e => e.Id).Select(e => new { e.Key, e.NewValue }).ToListAsync(cancellationToken))
            .Where(e => e.NewValue is not null).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().NewValue!);
        string? Name(string? value) => value is null ? null : names.GetValueOrDefault(value, value);
        return [.. rows.Select(r => r.Field == "Groups" ? r with { OldValue = Name(r.OldValue), NewValue = Name(r.NewValue) } : r)];
    }
}
