using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Orders;

public sealed record OrderQuery(
    Guid? CustomerId = null, OrderKind? Kind = null, DateOnly? From = null, DateOnly? To = null, Guid? DepartmentId = null,
    string? StaffId = null, bool OverdueOnly = false, string? Q = null, int? Page = null, int? PageSize = null);

/// <summary>
/// The orders in the caller's sight, newest first: by customer, kind, order date (from/to inclusive), department, member of
/// staff, overdue payments, or an order number, plate or VIN (q, from its start).
/// </summary>
public sealed class ListOrders(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock)
{
    public async Task<Result<Page<OrderRow>>> Handle(OrderQuery query, CancellationToken cancellationToken = default)
    {
        var (page, size) = Page<OrderRow>.Clamp(query.Page, query.PageSize);
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var orders = db.Set<Order>().AsNoTracking();
        if (CustomerAccess.ListedDepartment(viewer) is { } listed)   // their department's customers, and the orders their department served
            orders = orders.Where(o => o.DepartmentId == listed || db.Set<Customer>().Any(c => c.Id == o.CustomerId && c.DepartmentId == listed));
        if (query.CustomerId is { } customerId)
            orders = orders.Where(o => o.CustomerId == customerId);
        if (query.Kind is { } kind)
            orders = orders.Where(o => o.Kind == kind);
        if (query.From is { } from)
            orders = orders.Where(o => o.OrderedAt >= from);
        if (query.To is { } to)
            orders = orders.Where(o => o.OrderedAt <= to);
        if (query.DepartmentId is { } departmentId)
            orders = orders.Where(o => o.DepartmentId == departmentId);
        if (!string.IsNullOrWhiteSpace(query.StaffId))
            orders = orders.Where(o => o.StaffId == query.StaffId);
        var today = clock.Today;
        if (query.OverdueOnly)
            orders = orders.Where(o => o.UnpaidSince < today);
        if (query.Q?.Trim().ToUpperInvariant() is { Length: > 0 } q)
            orders = orders.Where(o => o.ExternalNo.StartsWith(q) || o.VehiclePlate!.StartsWith(q) || o.VehicleVin!.StartsWith(q));
        var rows = orders.OrderByDescending(o => o.OrderedAt).ThenByDescending(o => o.Id).Select(o => new Listed(new OrderRow(
            o.Id, o.Kind, o.ExternalNo, o.CustomerId,
            db.Set<Customer>().Where(c => c.Id == o.CustomerId).Select(c => c.Name).First(),
            db.Set<Department>().Where(d => d.Id == o.DepartmentId).Select(d => d.Name).First(),
            db.Users.Where(u => u.Id == o.StaffId).Select(u => u.DisplayName).FirstOrDefault(),
            o.OrderedAt, o.DeliveredAt, o.Amount, o.Outstanding, o.UnpaidSince < today, o.VehicleModel, o.VehiclePlate, 0m, 0), o.Payments));
        var read = await rows.ToPageAsync(page, size, cancellationToken);
        return new Page<OrderRow>([.. read.Items.Select(l => l.On(today))], read.Total, read.PageNumber, read.PageSize, read.More);
    }

    /// <summary>A row and its instalments (read with the page): what is overdue is theirs, not the outstanding total.</summary>
    private sealed record Listed(OrderRow Row, IReadOnlyList<OrderPayment> Payments)
    {
        public OrderRow On(DateOnly today) =>
            Row.Overdue && OrderOverdue.Of(Payments, today) is var overdue ? Row with { OverdueAmount = overdue.Amount, OverdueDays = overdue.Days } : Row;
    }
}
