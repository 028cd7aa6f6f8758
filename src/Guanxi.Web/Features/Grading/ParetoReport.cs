using System.Data.Common;
using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Grading;

public enum ParetoSegment
{
    Top,
    Middle,
    Bottom,
}

public sealed record ParetoPoint(double CustomerShare, double ProfitShare);

public sealed record ParetoGroup(int Count, decimal Profit, decimal ProfitAfterCost);

/// <summary>The bottom 20%: its size and profit, and how many of them cost more to serve than they bring (candidates to let go).</summary>
public sealed record ParetoBottom(int Count, decimal Profit, int Customers, decimal ProfitAfterCost);

public sealed record ParetoRow(int Rank, Guid CustomerId, string Name, string? Owner, Tier Tier, int Orders, decimal Amount, decimal Profit, decimal CostToServe, decimal ProfitAfterCost);

public sealed record ParetoView(
    DateOnly From, DateOnly To, DateTimeOffset? AsOf, int Customers, decimal Profit, double Top20ProfitShare,
    ParetoGroup Top20, ParetoGroup Middle60, ParetoBottom Bottom20, IReadOnlyList<ParetoPoint> Curve, GradingPolicy Policy);

/// <summary>
/// GRD-4 二八理论 over the customers who bought in a period, ranked by profit: the profit share of the top 20%, the
/// middle 60% to keep, and the bottom 20% with the ones whose profit after the cost to serve (orders × cost per order;
/// contacts and complaints × their costs) is zero or less. Without a period it reads the indicators of the last
/// nightly recompute (the grading period), which answers at once at a million customers; with one it aggregates the
/// orders of that period. Department managers see their department's customers; leadership, customer service and
/// administrators everyone's.
/// </summary>
public sealed class ParetoReport(GuanxiDbContext db, CustomerViewers viewers, EnterpriseSettings settings, EnterpriseClock clock)
{
    public static readonly Error NotAllowed = new("pareto.not_allowed", "二八分析仅供部门经理、客服部门、公司领导和系统管理员查看。", "The 80/20 report is for managers, customer service, leadership and administrators.");
    public static readonly Error Segment = new("pareto.segment", "分段只能是 top、middle 或 bottom。", "The segment must be top, middle or bottom.", "segment");
    public static readonly Error Range = new("pareto.range", "请填写有效的起止日期（起始不晚于截止）。", "Give a valid period (from no later than to).", "from");

    private sealed record Ranked(Guid Id, int Orders, decimal Amount, decimal Profit, decimal Cost);

    public async Task<Result<ParetoView>> Handle(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var (ranked, policy, period, asOf) = await Rank(from, to, cancellationToken);
        return ranked.Succeeded ? View(ranked.Value!, policy, period, asOf) : Result<ParetoView>.Fail([.. ranked.Errors]);
    }

    /// <summary>The report and the first rows of one segment from one ranking (the page's first view).</summary>
    public async Task<Result<(ParetoView View, IReadOnlyList<ParetoRow> Rows)>> WithRows(DateOnly? from, DateOnly? to, ParetoSegment segment, int take, CancellationToken cancellationToken = default)
    {
        var (ranked, policy, period, asOf) = await Rank(from, to, cancellationToken);
        if (!ranked.Succeeded)
            return Result<(ParetoView, IReadOnlyList<ParetoRow>)>.Fail([.. ranked.Errors]);
        return (View(ranked.Value!, policy, period, asOf), await SegmentRows(ranked.Value!, segment, 0, take, cancellationToken));
    }

    private static ParetoView View(List<Ranked> customers, GradingPolicy policy, (DateOnly From, DateOnly To) period, DateTimeOffset? asOf)
    {
        var total = customers.Sum(c => c.Profit);
        var (top, bottom) = Cuts(customers.Count);
        var topRows = customers.Take(top).ToList();
        var bottomRows = customers.Skip(customers.Count - bottom).ToList();
        var middleRows = customers.Skip(top).Take(customers.Count - top - bottom).ToList();
        var curve = new List<ParetoPoint> { new(0, 0) };
        var running = 0m;
        for (var i = 0; i < customers.Count; i++)
        {
            running += customers[i].Profit;
            var share = (i + 1) / (double)customers.Count;
            if (i == customers.Count - 1 || Math.Floor(share * 100) > Math.Floor(i / (double)customers.Count * 100))
                curve.Add(new ParetoPoint(Math.Round(share, 4), total == 0 ? 0 : Math.Round((double)(running / total), 4)));
        }
        return new ParetoView(period.From, period.To, asOf, customers.Count, total, total == 0 ? 0 : (double)(topRows.Sum(c => c.Profit) / total),
            Group(topRows), Group(middleRows),
            new ParetoBottom(bottomRows.Count(c => c.Profit - c.Cost <= 0), bottomRows.Sum(c => c.Profit), bottomRows.Count, bottomRows.Sum(c => c.Profit - c.Cost)),
            curve, policy);

        static ParetoGroup Group(List<Ranked> rows) => new(rows.Count, rows.Sum(c => c.Profit), rows.Sum(c => c.Profit - c.Cost));
    }

    /// <summary>One segment's customers in rank order (for the page's lists and the export); for the bottom, only the candidates to let go.</summary>
    public async Task<Result<IReadOnlyList<ParetoRow>>> Rows(DateOnly? from, DateOnly? to, ParetoSegment segment, int skip, int take, CancellationToken cancellationToken = default)
    {
        var (ranked, _, _, _) = await Rank(from, to, cancellationToken);
        return ranked.Succeeded ? Result<IReadOnlyList<ParetoRow>>.Ok(await SegmentRows(ranked.Value!, segment, skip, take, cancellationToken)) : Result<IReadOnlyList<ParetoRow>>.Fail([.. ranked.Errors]);
    }

    private async Task<IReadOnlyList<ParetoRow>> SegmentRows(List<Ranked> customers, ParetoSegment segment, int skip, int take, CancellationToken cancellationToken)
    {
        var (top, bottom) = Cuts(customers.Count);
        var rows = segment switch
        {
            ParetoSegment.Top => customers.Select((c, i) => (c, i)).Take(top),
            ParetoSegment.Middle => customers.Select((c, i) => (c, i)).Skip(top).Take(customers.Count - top - bottom),
            _ => customers.Select((c, i) => (c, i)).Skip(customers.Count - bottom).Where(r => r.c.Profit - r.c.Cost <= 0),
        };
        var page = rows.Skip(skip).Take(take).ToList();
        var ids = page.Select(r => r.c.Id).ToList();
        var names = await db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Tier, Owner = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return page.Select(r => new ParetoRow(r.i + 1, r.c.Id, names[r.c.Id].Name, names[r.c.Id].Owner, names[r.c.Id].Tier,
            r.c.Orders, r.c.Amount, r.c.Profit, r.c.Cost, r.c.Profit - r.c.Cost)).ToList();
    }

    /// <summary>20% of the customers, rounded, at each end (at least one when there are five or more).</summary>
    private static (int Top, int Bottom) Cuts(int count)
    {
        var fifth = (int)Math.Round(count * 0.2m, MidpointRounding.AwayFromZero);
        return (fifth, fifth);
    }

    private async Task<(Result<List<Ranked>> Ranked, GradingPolicy Policy, (DateOnly From, DateOnly To) Period, DateTimeOffset? AsOf)> Rank(
        DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var policy = await settings.Get(GradingSettings.PolicyKey, GradingPolicy.Default, cancellationToken);
        var viewer = await viewers.Current(cancellationToken);
        if (viewer is null || !CustomerAccess.Oversees(viewer))
            return (NotAllowed, policy, default, null);
        var department = CustomerAccess.ListedDepartment(viewer);
        List<Ranked> customers;
        DateTimeOffset? asOf = null;
        (DateOnly From, DateOnly To) period;
        if (from is null && to is null)
        {
            asOf = await db.Set<CustomerGrade>().MaxAsync(g => (DateTimeOffset?)g.ComputedAt, cancellationToken);
            var day = asOf is { } at ? DateOnly.FromDateTime(clock.ToLocal(at).DateTime) : clock.Today;
            period = (policy.PeriodStart(day), day);
            customers = await Read("""
                SELECT g."CustomerId", g."Orders", g."Amount", g."Profit"
                FROM "CustomerGrades" g JOIN "Customers" c ON c."Id" = g."CustomerId"
                WHERE g."Orders" > 0 AND c."Status" = 'Active' {0}
                """, department, _ => { }, cancellationToken);
        }
        else
        {
            period = (from ?? DateOnly.MinValue, to ?? clock.Today);
            if (period.From > period.To)
                return (Range, policy, period, null);
            customers = await Aggregate(policy, period.From, period.To, department, cancellationToken);
        }
        var ranked = customers.Select(c => c with { Cost = c.Orders * policy.CostPerOrder })
            .OrderByDescending(c => c.Profit).ThenBy(c => c.Id).ToList();
        return (ranked, policy, period, asOf);
    }

    private Task<List<Ranked>> Aggregate(GradingPolicy policy, DateOnly from, DateOnly to, Guid? department, CancellationToken cancellationToken)
    {
        var values = new SqlValues(db.Database.IsSqlite());
        return Read($$"""
            SELECT o."CustomerId", SUM(CASE WHEN o."Amount" > 0 THEN 1 ELSE 0 END), SUM(o."Amount"), SUM({{values.Profit("o")}})
            FROM "Orders" o JOIN "Customers" c ON c."Id" = o."CustomerId"
            WHERE o."OrderedAt" >= @from AND o."OrderedAt" <= @to AND c."Status" = 'Active' {0}
            GROUP BY o."CustomerId"
            """, department, command =>
            {
                SqlValues.Parameter(command, "@from", values.Date(from));
                SqlValues.Parameter(command, "@to", values.Date(to));
                SqlValues.Parameter(command, "@margin", policy.DefaultMargin);
            }, cancellationToken);
    }

    /// <summary>Customers' order count, amount and profit by hand-written SQL ({0} takes the department's condition): a million rows through EF take seconds more.</summary>
    private async Task<List<Ranked>> Read(string sql, Guid? department, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        var values = new SqlValues(db.Database.IsSqlite());
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = string.Format(CultureInfo.InvariantCulture, sql, department is null ? "" : "AND c.\"DepartmentId\" = @department");
            bind(command);
            if (department is { } id)
                SqlValues.Parameter(command, "@department", values.Sqlite ? id.ToString().ToUpperInvariant() : id);
            var customers = new List<Ranked>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                customers.Add(new Ranked(reader.GetGuid(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), values.Money(reader, 2), values.Money(reader, 3), 0m));
            return customers;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
