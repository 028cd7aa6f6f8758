using System.Globalization;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Guanxi.Web.Features.Watchlists;

/// <summary>ARC-7: the periodic report to leadership — on the 1st of every month, the two watch lists in numbers, with a link to them.</summary>
[DisallowConcurrentExecution]
public sealed class WatchlistReportJob(GuanxiDbContext db, Notifier notifier) : IJob
{
    public static readonly JobKey Key = new("watchlists.report");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var big = await Watchlists.BigIds(db, cancellationToken);
        var count = await Watchlists.Risky(db, db.Set<Domain.Customers.Customer>().Where(c => c.Status == Domain.Customers.CustomerStatus.Active)).CountAsync(cancellationToken);
        var overdue = (await db.Set<Credit.CustomerCredit>().Where(r => r.OverdueAmount > 0).Select(r => r.OverdueAmount).ToListAsync(cancellationToken)).Sum();
        await notifier.ToLeadership(
            ("关注客户月报（抓两头、放中间）", "Watch lists, monthly"),
            (string.Create(CultureInfo.InvariantCulture, $"大客户 {big.Count} 位；风险客户 {count} 位，逾期合计 ¥{overdue:N2}。点击查看两份名单。"),
             string.Create(CultureInfo.InvariantCulture, $"{big.Count} big customers; {count} risky customers with ¥{overdue:N2} overdue in all. Open the lists.")),
            "/watchlists", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
