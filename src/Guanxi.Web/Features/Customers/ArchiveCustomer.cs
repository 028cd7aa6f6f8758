using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>SEC-1: archiving takes a customer out of the lists (soft delete); restoring brings it back. Both are in the history.</summary>
public sealed class ArchiveCustomer(GuanxiDbContext db, CustomerViewers viewers)
{
        public async Task<Result<Customer>> Handle(Guid id, bool restore, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.Current(cancellationToken);
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (viewer is null || customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        if (!CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId))
            return CustomerWebErrors.NotAllowed;
        var moved = restore ? customer.Restore() : customer.Archive();
        if (moved.Succeeded)
            await db.SaveChangesAsync(cancellationToken);
        return moved;
    }
}
