using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Orders;

/// <summary>
/// Turns order bodies into <see cref="OrderDetails"/>, checking what only the database knows, for many bodies at once:
/// the customer and referrer exist and are in the caller's sight (a merged customer's orders go to the survivor; a
/// customer out of sight is answered as unknown, so an order cannot reveal a name), the department and the member of staff
/// exist, the caller may write orders of that department, and an order the number would overwrite is one the caller may
/// write (ARC-9: an upsert never moves another department's order). The department defaults to the caller's.
/// </summary>
public sealed class OrderInput(GuanxiDbContext db)
{
    /// <returns>Per body, in the order sent: its details, or every reason it is refused.</returns>
    public async Task<IReadOnlyList<Result<OrderDetails>>> Read(
        IReadOnlyList<OrderBody> bodies, Viewer viewer, CancellationToken cancellationToken)
    {
        // One query each, the ids as one array parameter (EF.Parameter): a batch's 10,000 ids as separate parameters would be
        // chunked into many queries, each binding a thousand parameters by name.
        var customerIds = bodies.SelectMany(b => new[] { b.CustomerId, b.ReferrerId ?? Guid.Empty }).Where(id => id != Guid.Empty).Distinct().ToList();
        var customers = new Dictionary<Guid, Guid>();   // id → the customer orders go to (itself, or the survivor of a merge)
        var departmentOf = new Dictionary<Guid, Guid>();
        foreach (var c in await db.Set<Customer>().Where(c => EF.Parameter(customerIds).Contains(c.Id)).Select(c => new { c.Id, c.Status, c.MergedIntoId, c.DepartmentId }).ToListAsync(cancellationToken))
        {
            if (c.Status == CustomerStatus.Erased)
                continue;
            customers[c.Id] = c.Status == CustomerStatus.Merged && c.MergedIntoId is { } survivor ? survivor : c.Id;
            departmentOf[c.Id] = c.DepartmentId;
        }
        var departments = (await db.Set<Department>().Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        var staffIds = bodies.Select(b => b.StaffId).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToList();
        var staff = (await db.Users.Where(u => EF.Parameter(staffIds).Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
        var foreign = await ForeignNumbers(db, viewer, [.. bodies.Where(b => !string.IsNullOrWhiteSpace(b.ExternalNo)).Select(b => (b.Kind, b.ExternalNo!.Trim()))], cancellationToken);

        return [.. bodies.Select(body =>
        {
            var errors = new List<Error>();
            var departmentId = body.DepartmentId ?? viewer.DepartmentId;
            if (!departments.Contains(departmentId))
                errors.Add(DepartmentErrors.NotFound);
            else if (!OrderAccess.CanWrite(viewer, departmentId))
                errors.Add(OrderWebErrors.NotAllowed);
            if (body.CustomerId != Guid.Empty && !(departmentOf.TryGetValue(body.CustomerId, out var customerDepartment) && OrderAccess.CanOrderFor(viewer, body.Kind, customerDepartment)))
                errors.Add(OrderWebErrors.CustomerUnknown);
            if (body.ReferrerId is { } referrer && !(departmentOf.TryGetValue(referrer, out var referrerDepartment) && CustomerAccess.CanSee(viewer, referrerDepartment)))
                errors.Add(OrderWebErrors.ReferrerUnknown);
            if (!string.IsNullOrWhiteSpace(body.ExternalNo) && foreign.Contains((body.Kind, body.ExternalNo.Trim())))
                errors.Add(OrderWebErrors.NumberTaken);
            if (!string.IsNullOrWhiteSpace(body.StaffId) && !staff.Contains(body.StaffId))
                errors.Add(OrderWebErrors.StaffUnknown);
            var details = new OrderDetails(
                body.Kind, body.ExternalNo, customers.GetValueOrDefault(body.CustomerId, body.CustomerId), departmentId, body.StaffId, body.OrderedAt, body.DeliveredAt,
                [.. (body.Items ?? []).Select(i => new OrderItem(i.Name ?? "", i.Quantity, i.UnitPrice))], body.Amount, body.Cost,
                body.Vehicle is { } v ? new OrderVehicle(v.Model, v.Plate, v.Vin, v.Mileage) : null, body.PaymentTerms,
                [.. (body.Payments ?? []).Select(p => new OrderPayment(p.DueAt, p.PaidAt, p.Amount))],
                body.ReferrerId is { } r ? customers.GetValueOrDefault(r, r) : null, body.Channel);
            errors.AddRange(Order.Validate(details));   // every reason at once
            return errors.Count == 0 ? details : Result<OrderDetails>.Fail(errors.Distinct());
        })];
    }

    /// <summary>Of these numbers, those of existing orders in a department whose orders the caller may not write.</summary>
    public static async Task<HashSet<(OrderKind, string)>> ForeignNumbers(
        GuanxiDbContext db, Viewer viewer, IReadOnlyList<(OrderKind Kind, string No)> numbers, CancellationToken cancellationToken)
    {
        var foreign = new HashSet<(OrderKind, string)>();
        if (OrderAccess.WritesEveryDepartment(viewer))
            return foreign;
        foreach (var group in numbers.GroupBy(n => n.Kind))
        {
            var kind = group.Key;
            var list = group.Select(n => n.No).Distinct().ToList();
            foreach (var o in await db.Set<Order>().Where(o => o.Kind == kind && EF.Parameter(list).Contains(o.ExternalNo) && o.DepartmentId != viewer.DepartmentId)
                         .Select(o => new { o.ExternalNo, o.DepartmentId }).ToListAsync(cancellationToken))
            {
                if (!OrderAccess.CanWrite(viewer, o.DepartmentId))
                    foreign.Add((kind, o.ExternalNo));
            }
        }
        return foreign;
    }
}

public static class OrderWebErrors
{
    public static readonly Error NotFound = Error.NotFound("order.not_found", "订单不存在。", "No such order.");
    public static readonly Error NotAllowed = new("order.not_allowed", "您只能录入本部门的订单。", "You can only enter your own department's orders.", "departmentId", ErrorKind.Forbidden);
    public static readonly Error NumberTaken = new("order.number_taken", "该订单号已是其他部门的订单，您无权修改。",
        "This order number is another department's order, which you may not change.", "externalNo", ErrorKind.Forbidden);
    public static readonly Error CustomerUnknown = new("order.customer_unknown", "客户不存在。", "No such customer.", "customerId", ErrorKind.NotFound);
    public static readonly Error ReferrerUnknown = new("order.referrer_unknown", "介绍人不是已登记的客户。", "The referrer is not a known customer.", "referrerId");
    public static readonly Error StaffUnknown = new("order.staff_unknown", "经办人（销售顾问 / 服务顾问）不存在。", "No such member of staff.", "staffId");
    public static readonly Error BatchSize = new("order.batch_size", $"一次最多提交 {SaveOrders.MaxBatch:N0} 个订单，至少 1 个。", $"Send 1 to {SaveOrders.MaxBatch:N0} orders at a time.", "orders");
    public static readonly Error Changed = new("order.changed", "该订单刚被其他人修改过，请刷新后重试。", "Someone else changed this order just now; reload and try again.", "version", ErrorKind.PreconditionFailed);
    public static readonly Error UnknownFilter = new("order.unknown_filter", "kind 只能是 sale 或 service，日期格式为 yyyy-MM-dd。", "kind is sale or service; dates are yyyy-MM-dd.", "kind");
}
