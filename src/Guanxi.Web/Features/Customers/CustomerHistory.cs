using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// ARC-3: every change of one customer, newest first — with the history of the records merged into it (ARC-2), and
/// ids shown as names. Each row also reads as a person reads it (<see cref="AuditText"/>). The history must not leak what the record masks: personal values read **** for a
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
        return rows with { Items = Names(rows.Items) };
    }

    /// <summary>Owner, department, survivor and group ids read as names in the values too, as this history always answered.</summary>
    private static IReadOnlyList<AuditRow> Names(IReadOnlyList<AuditRow> rows)
    {
        string[] fields = [nameof(Customer.OwnerId), nameof(Customer.DepartmentId), nameof(Customer.MergedIntoId), "Groups"];
        return [.. rows.Select(r => fields.Contains(r.Field) ? r with { OldValue = r.OldText, NewValue = r.NewText } : r)];
    }
}
