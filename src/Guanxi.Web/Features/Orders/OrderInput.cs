using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Orders;

/// <summary>
/// Turns order bodies into <see cref="OrderDetails"/>, checking what only the database knows, for many bodies at once:
/// the customer and referrer exist (a merged customer's orders go to the survivor), the department and the member of
/// staff exist, and the caller may write orders of that department. The department defaults to the caller's.
/// </summary>
public sealed class OrderInput(GuanxiDbContext db)
{
    public async Task<IReadOnlyList<(OrderDetails? Details, IReadOnlyList<Error> Errors)>> Read(
        IReadOnlyList<OrderBody> bodies, Viewer viewer, CancellationToken cancellationToken)
    {
        // One query each, the ids as one array parameter (EF.Parameter): a batch's 10,000 ids as separate parameters would be
        // chunked into many queries, each binding a thousand parameters by name.
        var customerIds = bodies.SelectMany(b => new[] { b.CustomerId, b.ReferrerId ?? Guid.Empty }).Where(id => id != Guid.Empty).Distinct().ToList();
        var customers = new Dictionary<Guid, Guid>();   // id → the customer orders go to (itself, or the survivor of a merge)
        foreach (var c in await db.Set<Customer>().Where(c => EF.Parameter(customerIds).Contains(c.Id)).Select(c => new { c.Id, c.Status, c.MergedIntoId }).ToListAsync(cancellationToken))
        {
            if (c.Status != CustomerStatus.Erased)
                customers[c.Id] = c.Status == CustomerStatus.Merged && c.MergedIntoId is { } survivor ? survivor : c.Id;
        }
        var departments = (await db.Set<Department>().Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        var staffIds = bodies.Select(b => b.StaffId).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToList();
        var staff = (await db.Users.Where(u => EF.Parameter(staffIds).Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();

        return [.. bodies.Select(body =>
        {
            var errors = new List<Error>();
            var departmentId = body.DepartmentId ?? viewer.DepartmentId;
            if (!departments.Contains(departmentId))
                errors.Add(DepartmentErrors.NotFound);
            else if (!OrderAccess.CanWrite(viewer, departmentId))
                errors.Add(OrderWebErrors.NotAllowed);
            if (body.CustomerId != Guid.Empty && !customers.ContainsKey(body.CustomerId))
                errors.Add(OrderWebErrors.CustomerUnknown);
            if (body.ReferrerId is { } referrer && !customers.ContainsKey(referrer))
                errors.Add(OrderWebErrors.ReferrerUnknown);
            if (!string.IsNullOrWhiteSpace(body.StaffId) && !staff.Contains(body.StaffId))
                errors.Add(OrderWebErrors.StaffUnknown);
            var details = new OrderDetails(
                body.Kind, body.ExternalNo, customers.GetValueOrDefault(body.CustomerId, body.CustomerId), departmentId, body.StaffId, body.OrderedAt, body.DeliveredAt,
                [.. (body.Items ?? []).Select(i => new OrderItem(i.Name ?? "", i.Quantity, i.UnitPrice))], body.Amount, body.Cost,
                body.Vehicle is { } v ? new OrderVehicle(v.Model, v.Plate, v.Vin) : null, body.PaymentTerms,
                [.. (body.Payments ?? []).Select(p => new OrderPayment(p.DueAt, p.PaidAt, p.Amount))],
                body.ReferrerId is { } r ? customers.GetValueOrDefault(r, r) : null, body.Channel);
            errors.AddRange(Order.Validate(details));   // every reason at once
            return (errors.Count == 0 ? details : null, (IReadOnlyList<Error>)errors.Distinct().ToList());
        })];
    }
}

public static class OrderWebErrors
{
    public static readonly Error NotAllowed = new("order.not_allowed", "您只能录入本部门的订单。", "You can only enter your own department's orders.", "departmentId");
    public static readonly Error CustomerUnknown = new("order.customer_unknown", "客户不存在。", "No such customer.", "customerId");
    public static readonly Error ReferrerUnknown = new("order.referrer_unknown", "介绍人不是已登记的客户。", "The referrer is not a known customer.", "referrerId");
    public static readonly Error StaffUnknown = new("order.staff_unknown", "经办人（销售顾问 / 服务顾问）不存在。", "No such member of staff.", "staffId");
    public static readonly Error BatchSize = new("order.batch_size", $"一次最多提交 {SaveOrders.MaxBatch:N0} 个订单，至少 1 个。", $"Send 1 to {SaveOrders.MaxBatch:N0} orders at a time.", "orders");
    public static readonly Error Changed = new("order.changed", "该订单刚被其他人修改过，请刷新后重试。", "Someone else changed this order just now; reload and try again.", "version");
    public static readonly Error UnknownFilter = new("order.unknown_filter", "kind 只能是 sale 或 service，日期格式为 yyyy-MM-dd。", "kind is sale or service; dates are yyyy-MM-dd.", "kind");
}
