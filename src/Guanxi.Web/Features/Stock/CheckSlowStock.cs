using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Stock;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Stock;

/// <summary>What a night's check found: the slow products, the proposals opened, the owners told.</summary>
public sealed record SlowStockRun(int Slow, int Opened, int Owners);

/// <summary>
/// SVC-10, run nightly by <see cref="SlowStockJob"/>: every active distributor's products are read; a slow one without an
/// open sell-through proposal gets one — a task for the customer's owner (<see cref="CustomerTaskKind.SellThrough"/>, due in
/// <see cref="DueDays"/> days) whose note carries the figures and the suggestion — so that a customer and product have at
/// most one open at a time; a proposal done and still slow gets a new one the next night. Each owner given some is told once.
/// </summary>
public sealed class CheckSlowStock(GuanxiDbContext db, StockReadings readings, EnterpriseSettings settings, EnterpriseClock clock, Notifier notifier, TimeProvider time)
{
    public const int DueDays = 7;

    public async Task<SlowStockRun> Handle(CancellationToken cancellationToken = default)
    {
        var (today, now) = (clock.Today, time.GetUtcNow());
        var policy = await settings.Get(StockPolicy.SettingsKey, new StockPolicy(), cancellationToken);
        var slow = (await readings.Of(readings.Distributors(null), policy, today, cancellationToken)).Where(s => s.Reading.IsSlow).ToList();
        var due = slow.Where(s => s.OpenTaskId is null).ToList();
        if (due.Count == 0)
            return new SlowStockRun(slow.Count, 0, 0);
        var ids = due.Select(s => s.CustomerId).Distinct().ToList();
        var customers = await db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.OwnerId, c.DepartmentId }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var opened = new List<(string Owner, Guid CustomerId, string Customer, string Product)>();
        foreach (var s in due)
        {
            var c = customers[s.CustomerId];
            var task = CustomerTask.Open(c.Id, CustomerTaskKind.SellThrough, c.OwnerId, c.DepartmentId, today.AddDays(DueDays), StockPolicy.Note(s.Latest.Product, s.Reading), now);
            db.Add(task);
            db.Add(StockProposal.Open(c.Id, s.Latest.Product, task.Id, s.Reading, now));
            opened.Add((c.OwnerId, c.Id, c.Name, s.Latest.Product));
        }
        var notices = opened.GroupBy(o => o.Owner).Select(g => g.Count() == 1
                ? new StaffNotice(g.Key, g.First().CustomerId, "新的动销建议", "A sell-through proposal",
                    $"经销商{g.First().Customer}的{g.First().Product}库存滞销，请与客户商定动销方案。", $"{g.First().Product} is slow stock at {g.First().Customer}: agree a way to move it with the customer.",
                    $"/customers/{g.First().CustomerId}?tab=stock")
                : new StaffNotice(g.Key, null, "新的动销建议", "Sell-through proposals",
                    $"您的经销商有 {g.Count()} 种产品库存滞销，请在“我的任务”中查看动销建议。", $"{g.Count()} products are slow stock at your distributors: see the proposals in My tasks.",
                    "/tasks"))
            .ToList();
        await notifier.ToStaff(notices, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SlowStockRun(slow.Count, opened.Count, notices.Count);
    }
}
