using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>The caller as the confidentiality rules see them: id, current department (from the database) and roles.</summary>
public sealed class CustomerViewers(GuanxiDbContext db, CurrentUser current)
{
    public async Task<Viewer?> Current(CancellationToken cancellationToken = default)
    {
        if (current.Id is not { } id)
            return null;
        var department = await db.Users.Where(u => u.Id == id).Select(u => (Guid?)u.DepartmentId).SingleOrDefaultAsync(cancellationToken);
        return department is null ? null : new Viewer(id, department.Value, Roles.All.Where(current.IsIn).ToHashSet());
    }

    /// <summary>
    /// The caller and a customer in their sight, tracked for a change; null — answered 404, so that a customer out of
    /// sight is not even confirmed to exist — when either is missing, the customer is merged away or out of sight.
    /// </summary>
    public async Task<CustomerInSight?> WithCustomer(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (await Current(cancellationToken) is not { } viewer)
            return null;
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(c => c.Id == customerId && c.Status != CustomerStatus.Merged, cancellationToken);
        return customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None ? null : new CustomerInSight(viewer, customer);
    }
}

/// <summary>A customer in the caller's sight, with the caller.</summary>
public sealed record CustomerInSight(Viewer Viewer, Customer Customer);
