using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// ARC-3: every change of one customer, newest first. The history must not leak what the record masks: personal
/// values read **** for a caller who sees the customer masked.
/// </summary>
public sealed class CustomerHistory(GuanxiDbContext db, CustomerViewers viewers, ListAudit audit)
{
    public async Task<Page<AuditRow>?> Handle(Guid id, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.Current(cancellationToken);
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.OwnerId, c.DepartmentId }).SingleOrDefaultAsync(cancellationToken);
        if (viewer is null || customer is null)
            return null;
        var sight = CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId);
        if (sight == CustomerSight.None)
            return null;
        return await audit.Handle(new AuditQuery(nameof(Customer), id.ToString(), Page: page, PageSize: pageSize),
            revealPersonal: sight == CustomerSight.Full, cancellationToken);
    }
}
