using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Stock;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// SVC-10 in the demo (issue 25 item 12): the first distributor (a 汽车贸易 trade customer, by name) has had its stock of
/// three of our products counted by its owner every four weeks for half a year — the oil sells steadily, the batteries
/// stopped selling <see cref="BatteryStillDays"/> days ago (slow: no movement, a promotion proposed), the antifreeze sells
/// two a week against hundreds in stock (slow: far too much cover, a transfer proposed) — and the night's check has opened
/// the two sell-through proposals for the owner. No draws: the same every start.
/// </summary>
public static class DemoStock
{
    public const string Oil = "全合成机油 5W-30（4L）";
    public const string Battery = "免维护蓄电池 L2-400";
    public const string Antifreeze = "长效防冻液 -35℃（2L）";

    /// <summary>Counts every 28 days, the last three days ago.</summary>
    private static readonly int[] DaysAgo = [171, 143, 115, 87, 59, 31, 3];

    /// <summary>The battery's last sale was seen at the count 115 days ago.</summary>
    public const int BatteryStillDays = 115;

    private static readonly (string Product, decimal[] Counts)[] Products =
    [
        (Oil, [220, 186, 150, 118, 84, 52, 20]),
        (Battery, [30, 27, 24, 24, 24, 24, 24]),
        (Antifreeze, [400, 392, 384, 376, 368, 360, 352]),
    ];

    public static async Task Seed(IServiceProvider provider, GuanxiDbContext db, DateOnly today, DemoProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(progress);
        var distributors = await db.Set<Customer>().AsNoTracking().Where(c => c.TradeCustomer && c.Status == CustomerStatus.Active)
            .Select(c => new { c.Id, c.Name, c.OwnerId }).ToListAsync(cancellationToken);
        if (distributors.OrderBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault() is not { } distributor)
            return;
        progress.Stage("经销商库存", "distributors' stock");
        var clock = provider.GetRequiredService<EnterpriseClock>();
        var owner = Actor.Staff(distributor.OwnerId);
        for (var i = 0; i < DaysAgo.Length; i++)
        {
            var on = today.AddDays(-DaysAgo[i]);
            var at = clock.StartOf(on).AddHours(16).ToUniversalTime();
            db.AddRange(Products.Select(p => StockCount.Record(distributor.Id, p.Product, p.Counts[i], on, owner, StockSource.Page, at)));
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await provider.GetRequiredService<Stock.CheckSlowStock>().Handle(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
