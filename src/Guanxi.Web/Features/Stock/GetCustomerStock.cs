using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Stock;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Stock;

/// <summary>
/// SVC-10: a distributor's stock for whoever sees the customer (out of sight: not found; not a trade customer: a conflict
/// that says so) — each product's latest count with its sell-through, cover and slow flag, and the recent counts.
/// </summary>
public sealed class GetCustomerStock(GuanxiDbContext db, CustomerViewers viewers, StockReadings readings, EnterpriseSettings settings, EnterpriseClock clock, StaffNames staffNames)
{
    public const int RecentCounts = 30;

    public async Task<Result<CustomerStockView>> Handle(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId && c.Status != CustomerStatus.Merged)
            .Select(c => new { c.Name, c.OwnerId, c.DepartmentId, c.Status, c.TradeCustomer }).SingleOrDefaultAsync(cancellationToken);
        if (customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        if (!customer.TradeCustomer)
            return StockErrors.NotTradeCustomer;
        var policy = await settings.Get(StockPolicy.SettingsKey, new StockPolicy(), cancellationToken);
        var stock = await readings.Of(db.Set<Customer>().Where(c => c.Id == customerId).Select(c => c.Id), policy, clock.Today, cancellationToken);
        var recent = await db.Set<StockCount>().AsNoTracking().Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.CountedOn).ThenBy(s => s.Product).Take(RecentCounts).ToListAsync(cancellationToken);
        var names = await staffNames.Of(stock.Select(s => s.Latest.ById).Concat(recent.Select(r => r.ById)), cancellationToken);
        var lines = stock.OrderByDescending(s => s.Reading.IsSlow).ThenBy(s => s.Latest.Product, StringComparer.Ordinal)
            .Select(s => Line(s, names.Who(s.Latest.ById))).ToList();
        return new CustomerStockView(customerId, customer.Name, policy.StillDays, policy.CoverWeeks,
            customer.Status == CustomerStatus.Active && CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId), lines,
            [.. recent.Select(r => new StockCountRow(r.CountedOn, r.Product, r.Quantity, names.Who(r.ById), r.ById, r.Source, r.RecordedAt))]);
    }

    private static StockLineView Line(ProductStock s, string by)
    {
        var (c, r) = (s.Latest, s.Reading);
        return new StockLineView(c.Product, c.Quantity, c.CountedOn, by, c.ById, c.Source, r.OpeningOn, r.OpeningQuantity, r.Delivered, r.SellThrough,
            r.WeeklySellThrough, r.CoverWeeks, r.LastMovementOn, r.DaysWithoutMovement, r.IsSlow, r.Slow, r.Suggestion, s.OpenTaskId);
    }
}
