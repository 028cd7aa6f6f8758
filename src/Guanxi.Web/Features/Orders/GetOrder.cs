using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Orders;

/// <summary>One order as the caller may see it (not found when outside their sight, see <see cref="OrderAccess"/>).</summary>
public sealed class GetOrder(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock)
{
    public async Task<Result<OrderView>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return OrderWebErrors.NotFound;
        var found = await db.Set<Order>().AsNoTracking().Where(o => o.Id == id)
            .Select(o => new
            {
                Order = o,
                Customer = db.Set<Customer>().Where(c => c.Id == o.CustomerId).Select(c => new { c.Name, c.DepartmentId }).First(),
                Department = db.Set<Department>().Where(d => d.Id == o.DepartmentId).Select(d => d.Name).First(),
                Staff = db.Users.Where(u => u.Id == o.StaffId).Select(u => u.DisplayName).FirstOrDefault(),
                Referrer = db.Set<Customer>().Where(c => c.Id == o.ReferrerId).Select(c => new { c.Name, c.DepartmentId }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !OrderAccess.CanSee(viewer, found.Order.DepartmentId, found.Customer.DepartmentId))
            return OrderWebErrors.NotFound;
        var o = found.Order;
        // The referrer is named only to those who may see that customer (an order in sight may name one from another department).
        string? Referrer() => found.Referrer is { } r && CustomerAccess.CanSee(viewer, r.DepartmentId) ? r.Name : null;
        var overdue = o.OverdueOn(clock.Today);
        return new OrderView(o.Id, o.Kind, o.ExternalNo, o.CustomerId, found.Customer.Name, o.DepartmentId, found.Department, o.StaffId, found.Staff,
            o.OrderedAt, o.DeliveredAt, o.Amount, o.Cost, o.IsReturn, o.Items, o.Vehicle, o.PaymentTerms, o.Payments, o.Outstanding, o.UnpaidSince,
            o.IsOverdue(clock.Today), o.ReferrerId, Referrer(), o.Channel, OrderAccess.CanWrite(viewer, o.DepartmentId), o.Version,
            overdue.Amount, overdue.Days);
    }
}
