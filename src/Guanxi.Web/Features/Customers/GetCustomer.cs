using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>One customer as the caller may see it; null when outside the caller's sight (the API answers 404).</summary>
public sealed class GetCustomer(GuanxiDbContext db, CustomerViewers viewers)
{
    public async Task<CustomerView?> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.Current(cancellationToken);
        var customer = await db.Set<Customer>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (viewer is null || customer is null)
            return null;
        var sight = CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId);
        if (sight == CustomerSight.None)
            return null;
        var names = await db.Users.Where(u => u.Id == customer.OwnerId)
            .Select(u => new
            {
                Owner = u.DisplayName,
                Department = db.Set<Department>().Where(d => d.Id == customer.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        return CustomerView.Of(customer, names.Owner, names.Department ?? "", sight,
            CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId));
    }
}
