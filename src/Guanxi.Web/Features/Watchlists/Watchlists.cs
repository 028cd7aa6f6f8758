using Guanxi.Domain.Common;
using Guanxi.Domain.Credit;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Credit;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Grading;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Watchlists;

public sealed record WatchRow(
    Guid CustomerId, string Name, string? Owner, Tier Tier, LifecycleStage Stage, CreditLevel? Credit, bool CreditManual,
    decimal Value, decimal OverdueAmount, int OverdueDays, IReadOnlyList<BusinessCondition> Conditions);

/// <summary>
/// ARC-7 抓两头、放中间: the biggest customers (top N by current value, the profit of the last 12 months) and the risky
/// ones (credit B or C — business-condition flags cap the level there — or money overdue). Department managers see
/// their department's; leadership, customer service and administrators everyone's.
/// </summary>
public sealed class Watchlists(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock)
{
    public const int BigSize = 50;
    public static readonly Error NotAllowed = Error.Forbidden("watchlists.not_allowed", "关注名单仅供部门经理、客服部门、公司领导和系统管理员查看。", "Watch lists are for managers, customer service, leadership and administrators.");

    /// <summary>The firm's biggest customers, for alerts.</summary>
    public static async Task<HashSet<Guid>> BigIds(GuanxiDbContext db, CancellationToken cancellationToken) =>
        [.. await db.Set<CustomerGrade>().Where(g => g.Profit > 0).OrderByDescending(g => g.Profit).Take(BigSize).Select(g => g.CustomerId).ToListAsync(cancellationToken)];

    public async Task<Result<IReadOnlyList<WatchRow>>> Big(int top, CancellationToken cancellationToken = default)
    {
        if (await Scope(cancellationToken) is not { } customers)
            return NotAllowed;
        var ids = await db.Set<CustomerGrade>().Where(g => g.Profit > 0 && customers.Any(c => c.Id == g.CustomerId))
            .OrderByDescending(g => g.Profit).ThenBy(g => g.CustomerId).Take(top).Select(g => g.CustomerId).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<WatchRow>>.Ok([.. (await Rows(customers.Where(c => ids.Contains(c.Id)), cancellationToken)).OrderByDescending(r => r.Value)]);
    }

    /// <summary>The risky among <paramref name="customers"/>: credit B or C, or money overdue.</summary>
    public static IQueryable<Customer> Risky(GuanxiDbContext db, IQueryable<Customer> customers) =>
        customers.Where(c => c.Credit != null && CreditLevels.Risky.Contains(c.Credit.Value) || db.Set<CustomerCredit>().Any(r => r.CustomerId == c.Id && r.OverdueAmount > 0));

    public async Task<Result<IReadOnlyList<WatchRow>>> Risk(int take, CancellationToken cancellationToken = default)
    {
        if (await Scope(cancellationToken) is not { } customers)
            return NotAllowed;
        // Worst first, in the database: C, then B, then the overdue of better credit; the most overdue first within each.
        var worst = Risky(db, customers)
            .OrderBy(c => c.Credit == CreditLevel.C ? 0 : c.Credit == CreditLevel.B ? 1 : 2)
            .ThenByDescending(c => db.Set<CustomerCredit>().Where(r => r.CustomerId == c.Id).Select(r => (decimal?)r.OverdueAmount).FirstOrDefault() ?? 0)
            .ThenBy(c => c.Id)
            .Take(take);
        return Result<IReadOnlyList<WatchRow>>.Ok([.. (await Rows(worst, cancellationToken)).OrderBy(r => r.Credit).ThenByDescending(r => r.OverdueAmount)]);
    }

    private async Task<IQueryable<Customer>?> Scope(CancellationToken cancellationToken)
    {
        var viewer = await viewers.Current(cancellationToken);
        if (viewer is null || !CustomerAccess.Oversees(viewer))
            return null;
        var department = CustomerAccess.ListedDepartment(viewer);
        return db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active && (department == null || c.DepartmentId == department));
    }

    private async Task<List<WatchRow>> Rows(IQueryable<Customer> customers, CancellationToken cancellationToken)
    {
        var rows = await customers.Select(c => new
        {
            c.Id, c.Name, Owner = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), c.Tier, c.Stage, c.Credit, c.CreditManual, c.BusinessConditions,
            Value = db.Set<CustomerGrade>().Where(g => g.CustomerId == c.Id).Select(g => (decimal?)g.Profit).FirstOrDefault(),
            Record = db.Set<CustomerCredit>().Where(r => r.CustomerId == c.Id).Select(r => new { r.OverdueAmount, r.OverdueSince }).FirstOrDefault(),
        }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new WatchRow(r.Id, r.Name, r.Owner, r.Tier, r.Stage, r.Credit, r.CreditManual, r.Value ?? 0,
            r.Record?.OverdueAmount ?? 0, r.Record?.OverdueSince is { } since ? clock.Today.DayNumber - since.DayNumber : 0, r.BusinessConditions))];
    }
}
