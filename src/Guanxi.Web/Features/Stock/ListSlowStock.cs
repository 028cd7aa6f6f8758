using Guanxi.Domain.Accounts;
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
/// SVC-10, the report of issue 25 item 10: slow stock per distributor (滞销库存) for those who oversee customers
/// (<see cref="CustomerAccess.Oversees"/>: department managers their department's, customer service and leadership every
/// department's; others 403), read live from the counts and deliveries — distributors are few — most slow products first.
/// </summary>
public sealed class ListSlowStock(GuanxiDbContext db, CustomerViewers viewers, StockReadings readings, EnterpriseSettings settings, EnterpriseClock clock, StaffNames staffNames)
{
    public async Task<Result<SlowStockReport>> Handle(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!CustomerAccess.Oversees(viewer))
            return StockErrors.ReportNotAllowed;
        var policy = await settings.Get(StockPolicy.SettingsKey, new StockPolicy(), cancellationToken);
        var stock = await readings.Of(readings.Distributors(CustomerAccess.ListedDepartment(viewer)), policy, clock.Today, cancellationToken);
        var slow = stock.Where(s => s.Reading.IsSlow).GroupBy(s => s.CustomerId).ToList();
        var ids = slow.Select(g => g.Key).ToList();
        var customers = await db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Set<Department>(), c => c.DepartmentId, d => d.Id, (c, d) => new { c.Id, c.Name, c.OwnerId, c.DepartmentId, Department = d.Name })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var names = await staffNames.Of(customers.Values.Select(c => c.OwnerId), cancellationToken);
        var distributors = slow.Where(g => customers.ContainsKey(g.Key)).Select(g =>
            {
                var c = customers[g.Key];
                var lines = g.OrderByDescending(s => s.Reading.DaysWithoutMovement).ThenBy(s => s.Latest.Product, StringComparer.Ordinal)
                    .Select(s => new SlowStockLine(s.Latest.Product, s.Reading.Quantity, s.Reading.CountedOn, s.Reading.WeeklySellThrough, s.Reading.CoverWeeks,
                        s.Reading.DaysWithoutMovement, s.Reading.Slow!.Value, s.Reading.Suggestion!.Value, s.OpenTaskId)).ToList();
                return new SlowStockDistributor(c.Id, c.Name, c.OwnerId, names.Who(c.OwnerId), c.DepartmentId, c.Department, lines.Count, lines.Sum(l => l.Quantity), lines);
            })
            .OrderByDescending(d => d.SlowProducts).ThenByDescending(d => d.SlowQuantity).ThenBy(d => d.CustomerName, StringComparer.Ordinal).ToList();
        return new SlowStockReport(policy.StillDays, policy.CoverWeeks, stock.Select(s => s.CustomerId).Distinct().Count(), distributors);
    }
}
