using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Orders;

/// <summary>
/// SVC-1: the customer's orders on their timeline, on the day ordered, each on its page. Whoever sees the customer sees
/// their orders (<see cref="OrderAccess.CanSee"/>), so the timeline's check is theirs.
/// </summary>
public sealed class OrderTimeline(GuanxiDbContext db, EnterpriseClock clock) : ITimelineSource
{
    public string Kind => TimelineKinds.Order;

    public Task<int> Count(Viewer viewer, Guid customerId, CancellationToken cancellationToken) =>
        db.Set<Order>().CountAsync(o => o.CustomerId == customerId, cancellationToken);

    public async Task<IReadOnlyList<TimelineEntry>> Newest(Viewer viewer, Guid customerId, int take, bool english, CancellationToken cancellationToken)
    {
        var orders = await db.Set<Order>().AsNoTracking().Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.OrderedAt).ThenByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(take)
            .ToListAsync(cancellationToken);
        return [.. orders.Select(o => new TimelineEntry(Kind, clock.StartOf(o.OrderedAt).ToUniversalTime(), Title(o, english), Summary(o, english),
            $"/orders/{o.Id}", o.Id, o.StaffId, AllDay: true))];
    }

    /// <summary>销售订单 S-001 / Sale S-001; a return says so.</summary>
    private static string Title(Order o, bool english) => english
        ? $"{(o.IsReturn ? "Return" : o.Kind == OrderKind.Sale ? "Sale" : "Service job")} {o.ExternalNo}"
        : $"{(o.IsReturn ? "退货" : o.Kind == OrderKind.Sale ? "销售订单" : "售后工单")} {o.ExternalNo}";

    /// <summary>The vehicle, the first items and the amount: 哈弗 H6 · 哈弗 H6 2026 款、贴膜 · ¥141,800.00.</summary>
    private static string Summary(Order o, bool english)
    {
        var items = o.Items.Select(i => i.Name).Distinct().ToList();
        var named = string.Join(english ? ", " : "、", items.Take(3)) + (items.Count > 3 ? (english ? " …" : "等") : "");
        return string.Join(" · ", new[] { o.VehicleModel, named, Formatter.Money(o.Amount) }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }
}
