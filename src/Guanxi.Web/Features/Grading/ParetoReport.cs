using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
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
    ParetoGroup Top20, ParetoGroup Middle60, ParetoBottom Bottom20, IReadOnlyList<ParetoPoint> Curve, GradingPolicy Policy)
{
    /// <summary>How many customers a segment's list holds (the bottom's: the candidates to let go).</summary>
    public int CountOf(ParetoSegment segment) => segment switch
    {
        ParetoSegment.Top => Top20.Count,
        ParetoSegment.Middle => Middle60.Count,
        _ => Bottom20.Count,
    };
}

/// <summary>The page's first view: the report and the first rows of one segment.</summary>
public sealed record ParetoFirstView(ParetoView View, Page<ParetoRow> Rows);

/// <summary>
/// GRD-4 二八理论 over the customers who bought in a period, ranked by profit: the profit share of the top 20%, the
/// middle 60% to keep, and the bottom 20% with the ones whose profit after the cost to serve (orders × cost per order;
/// contacts and complaints × their costs) is zero or less. Without a period it is the report of the grading period as
/// the last recompute left it (<see cref="ParetoSnapshot"/>), which answers at once at a million customers, its lists
/// paged from the recompute's figures; with one it aggregates the orders of that period. Department managers see their
/// department's customers; leadership, customer service and administrators everyone's.
/// </summary>
public sealed class ParetoReport(GuanxiDbContext db, CustomerViewers viewers, EnterpriseSettings settings, EnterpriseClock clock)
{
    public static readonly Error NotAllowed = Error.Forbidden("pareto.not_allowed", "二八分析仅供部门经理、客服部门、公司领导和系统管理员查看。", "The 80/20 report is for managers, customer service, leadership and administrators.");
    public static readonly Error Segment = new("pareto.segment", "分段只能是 top、middle 或 bottom。", "The segment must be top, middle or bottom.", "segment");
    public static readonly Error Range = Periods.Invalid;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Ranked(Guid Id, int Orders, decimal Amount, decimal Profit, decimal Cost);

    /// <summary>The report, with either the ranked customers in memory or the snapshot whose lists page from the database.</summary>
    private sealed record Ranking(ParetoView View, List<Ranked>? Customers, ParetoSnapshotContent? Snapshot, Guid? Department);

    public async Task<Result<ParetoView>> Handle(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var ranking = await Rank(from, to, cancellationToken);
        return ranking.Succeeded ? ranking.Value!.View : Result<ParetoView>.Fail([.. ranking.Errors]);
    }

    /// <summary>The report and the first rows of one segment from one ranking (the page's first view).</summary>
    public async Task<Result<ParetoFirstView>> WithRows(DateOnly? from, DateOnly? to, ParetoSegment segment, int take, CancellationToken cancellationToken = default)
    {
        var ranking = await Rank(from, to, cancellationToken);
        if (!ranking.Succeeded)
            return Result<ParetoFirstView>.Fail([.. ranking.Errors]);
        return new ParetoFirstView(ranking.Value!.View, await SegmentPage(ranking.Value, segment, 0, take, cancellationToken));
    }

    /// <summary>A page of one segment's customers as the API asks for it: segment=top|middle|bottom (default top).</summary>
    public async Task<Result<Page<ParetoRow>>> Rows(DateOnly? from, DateOnly? to, string? segment, int skip, int take, CancellationToken cancellationToken = default) =>
        ApiEnums.TryParse<ParetoSegment>(segment ?? "top", out var parsed) && parsed is { } s
            ? await Rows(from, to, s, skip, take, cancellationToken)
            : Segment;

    /// <summary>
    /// One segment's customers in rank order from <paramref name="skip"/> (for the page's lists and the export), with the
    /// segment's size as the total; for the bottom, only the candidates to let go.
    /// </summary>
    public async Task<Result<Page<ParetoRow>>> Rows(DateOnly? from, DateOnly? to, ParetoSegment segment, int skip, int take, CancellationToken cancellationToken = default)
    {
        var ranking = await Rank(from, to, cancellationToken);
        return ranking.Succeeded ? await SegmentPage(ranking.Value!, segment, skip, take, cancellationToken) : Result<Page<ParetoRow>>.Fail([.. ranking.Errors]);
    }

    private async Task<Page<ParetoRow>> SegmentPage(Ranking ranking, ParetoSegment segment, int skip, int take, CancellationToken cancellationToken) =>
        new(await SegmentRows(ranking, segment, skip, take, cancellationToken), ranking.View.CountOf(segment), skip / Math.Max(1, take) + 1, take);

    /// <summary>
    /// The snapshots a recompute leaves: from the customers it graded (with their departments), for everyone and for
    /// each department with buyers.
    /// </summary>
    public static List<ParetoSnapshot> Snapshots(IEnumerable<(Guid Id, Guid Department, int Orders, decimal Amount, decimal Profit)> graded, GradingPolicy policy, DateOnly today, DateTimeOffset now)
    {
        var ranked = graded.Where(g => g.Orders > 0).Select(g => (g.Department, Row: new Ranked(g.Id, g.Orders, g.Amount, g.Profit, g.Orders * policy.CostPerOrder))).ToList();
        Sort(ranked, r => r.Row);
        var period = (policy.PeriodStart(today), today);
        return [.. ranked.GroupBy(r => r.Department, r => r.Row).Select(d => (Scope: d.Key, Customers: d.ToList())).Prepend((Scope: Guid.Empty, Customers: ranked.ConvertAll(r => r.Row)))
            .Select(s => Snapshot(s.Scope, s.Customers))];

        ParetoSnapshot Snapshot(Guid scope, List<Ranked> customers)
        {
            var (top, bottom) = Cuts(customers.Count);
            ParetoStart? At(int index) => index < customers.Count ? new(customers[index].Profit, customers[index].Id) : null;
            var candidates = Enumerable.Range(customers.Count - bottom, bottom).Where(i => customers[i].Profit - customers[i].Cost <= 0).ToArray();
            return new ParetoSnapshot
            {
                Scope = scope, ComputedAt = now,
                Json = JsonSerializer.Serialize(new ParetoSnapshotContent(View(customers, policy, period, now), At(0), top < customers.Count - bottom ? At(top) : null), Json),
                Candidates = JsonSerializer.Serialize(new ParetoCandidates([.. candidates.Select(i => i + 1)], [.. candidates.Select(i => customers[i].Id)]), Json),
            };
        }
    }

    /// <summary>Profit descending, then the customer id (the order of the id's text, as both databases sort it).</summary>
    private static int InRankOrder(Ranked a, Ranked b) => a.Profit != b.Profit ? b.Profit.CompareTo(a.Profit) : a.Id.CompareTo(b.Id);

    /// <summary>
    /// Sorts in rank order: by the profits as doubles first (a million decimals with their ids sort several times
    /// slower), then each run of equal profits by <see cref="InRankOrder"/>.
    /// </summary>
    private static void Sort<T>(List<T> items, Func<T, Ranked> row)
    {
        var keys = items.ConvertAll(i => -(double)row(i).Profit).ToArray();
        var sorted = items.ToArray();
        Array.Sort(keys, sorted);
        var inRankOrder = Comparer<T>.Create((a, b) => InRankOrder(row(a), row(b)));
        for (var end = 0; end < sorted.Length;)
        {
            var start = end;
            while (end < sorted.Length && keys[end] == keys[start])
                end++;
            if (end - start > 1)
                Array.Sort(sorted, start, end - start, inRankOrder);
        }
        items.Clear();
        items.AddRange(sorted);
    }

    private static ParetoView View(List<Ranked> customers, GradingPolicy policy, (DateOnly From, DateOnly To) period, DateTimeOffset? asOf)
    {
        var (top, bottom) = Cuts(customers.Count);
        var (topGroup, middle, bottomGroup) = (Sum(0, top), Sum(top, customers.Count - bottom), Sum(customers.Count - bottom, customers.Count));
        var total = topGroup.Profit + middle.Profit + bottomGroup.Profit;
        var curve = new List<ParetoPoint> { new(0, 0) };
        var running = 0m;
        for (var i = 0; i < customers.Count; i++)
        {
            running += customers[i].Profit;
            var share = (i + 1) / (double)customers.Count;
            if (i == customers.Count - 1 || Math.Floor(share * 100) > Math.Floor(i / (double)customers.Count * 100))
                curve.Add(new ParetoPoint(Math.Round(share, 4), total == 0 ? 0 : Math.Round((double)(running / total), 4)));
        }
        var candidates = 0;
        for (var i = customers.Count - bottom; i < customers.Count; i++)
            candidates += customers[i].Profit - customers[i].Cost <= 0 ? 1 : 0;
        return new ParetoView(period.From, period.To, asOf, customers.Count, total, total == 0 ? 0 : (double)(topGroup.Profit / total),
            topGroup, middle, new ParetoBottom(candidates, bottomGroup.Profit, bottomGroup.Count, bottomGroup.ProfitAfterCost), curve, policy);

        ParetoGroup Sum(int from, int to)
        {
            var (profit, cost) = (0m, 0m);
            for (var i = from; i < to; i++)
                (profit, cost) = (profit + customers[i].Profit, cost + customers[i].Cost);
            return new(to - from, profit, profit - cost);
        }
    }

    private async Task<IReadOnlyList<ParetoRow>> SegmentRows(Ranking ranking, ParetoSegment segment, int skip, int take, CancellationToken cancellationToken)
    {
        if (ranking.Customers is not { } customers)
            return segment == ParetoSegment.Bottom
                ? await Candidates(ranking.Department ?? Guid.Empty, ranking.Snapshot!.View.Policy, skip, take, cancellationToken)
                : await Page(ranking.Snapshot!, ranking.Department, segment, skip, take, cancellationToken);
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

    /// <summary>
    /// A page of the top or middle segment of the snapshot, from the recompute's figures in rank order on their profit
    /// index, from where the segment starts (profit no higher than its first customer's, and of that profit, an id no
    /// lower: the condition that leads both databases down the index instead of sorting every customer).
    /// </summary>
    private Task<List<ParetoRow>> Page(ParetoSnapshotContent snapshot, Guid? department, ParetoSegment segment, int skip, int take, CancellationToken cancellationToken)
    {
        var view = snapshot.View;
        var (start, first, count) = segment == ParetoSegment.Top ? (snapshot.Top, 0, view.Top20.Count) : (snapshot.Middle, view.Top20.Count, view.Middle60.Count);
        if (take <= 0 || skip >= count)
            return Task.FromResult(new List<ParetoRow>());
        return Figures((command, values) =>
            {
                if (department is { } id)
                    SqlValues.Parameter(command, "@department", values.Id(id));
                if (start is not null)
                {
                    SqlValues.Parameter(command, "@profit", values.Money(start.Profit));
                    SqlValues.Parameter(command, "@id", values.Id(start.CustomerId));
                }
                SqlValues.Parameter(command, "@limit", Math.Min(take, count - skip));
                SqlValues.Parameter(command, "@skip", skip);
                return $"""
                    {(department is null ? "" : "AND c.\"DepartmentId\" = @department")}
                    {(start is null ? "" : "AND g.\"Profit\" <= @profit AND NOT (g.\"Profit\" = @profit AND g.\"CustomerId\" < @id)")}
                    ORDER BY g."Profit" DESC, g."CustomerId" LIMIT @limit OFFSET @skip
                    """;
            }, view.Policy, (id, index) => first + skip + index + 1, cancellationToken);
    }

    /// <summary>A page of the bottom's candidates to let go, as the snapshot ranked them, with the recompute's figures.</summary>
    private async Task<IReadOnlyList<ParetoRow>> Candidates(Guid scope, GradingPolicy policy, int skip, int take, CancellationToken cancellationToken)
    {
        var json = await db.Set<ParetoSnapshot>().AsNoTracking().Where(s => s.Scope == scope).Select(s => s.Candidates).SingleOrDefaultAsync(cancellationToken);
        var candidates = json is null ? new ParetoCandidates([], []) : JsonSerializer.Deserialize<ParetoCandidates>(json, Json)!;
        if (skip >= candidates.Ids.Length || take <= 0)
            return [];
        var ranks = Enumerable.Range(skip, Math.Min(take, candidates.Ids.Length - skip)).ToDictionary(i => candidates.Ids[i], i => candidates.Ranks[i]);
        var rows = await Figures((command, values) => $"AND {values.In(command, "g.\"CustomerId\"", ranks.Keys)}", policy, (id, _) => ranks[id], cancellationToken);
        return [.. rows.OrderBy(r => r.Rank)];
    }

    /// <summary>Customers' figures from the last recompute, with their names, tiers and owners: <paramref name="conditions"/> binds its parameters and gives the SQL after the WHERE.</summary>
    private async Task<List<ParetoRow>> Figures(Func<DbCommand, SqlValues, string> conditions, GradingPolicy policy, Func<Guid, int, int> rank, CancellationToken cancellationToken)
    {
        var values = new SqlValues(db.Database.IsSqlite());
        var rows = new List<ParetoRow>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"""
                SELECT g."CustomerId", g."Orders", g."Amount", g."Profit", c."Name", c."Tier", u."DisplayName"
                FROM "CustomerGrades" g JOIN "Customers" c ON c."Id" = g."CustomerId" LEFT JOIN "AspNetUsers" u ON u."Id" = c."OwnerId"
                WHERE g."Orders" > 0 AND c."Status" = 'Active' {conditions(command, values)}
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (id, orders, profit) = (reader.GetGuid(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), values.Money(reader, 3));
                var toServe = orders * policy.CostPerOrder;
                rows.Add(new ParetoRow(rank(id, rows.Count), id, reader.GetString(4), reader.IsDBNull(6) ? null : reader.GetString(6), Enum.Parse<Tier>(reader.GetString(5)),
                    orders, values.Money(reader, 2), profit, toServe, profit - toServe));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows;
    }

    /// <summary>20% of the customers, rounded, at each end (at least one when there are five or more).</summary>
    private static (int Top, int Bottom) Cuts(int count)
    {
        var fifth = (int)Math.Round(count * 0.2m, MidpointRounding.AwayFromZero);
        return (fifth, fifth);
    }

    private async Task<Result<Ranking>> Rank(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var policy = await settings.Get(GradingPolicy.SettingsKey, GradingPolicy.Default, cancellationToken);
        var viewer = await viewers.Current(cancellationToken);
        if (viewer is null || !CustomerAccess.Oversees(viewer))
            return NotAllowed;
        var department = CustomerAccess.ListedDepartment(viewer);
        List<Ranked> customers;
        DateTimeOffset? asOf = null;
        (DateOnly From, DateOnly To) period;
        if (from is null && to is null)
        {
            // The last recompute's snapshot, while the policy (its cost to serve) is the one it was made with; a
            // department without buyers then has none of its own.
            var scope = department ?? Guid.Empty;
            var snapshots = await db.Set<ParetoSnapshot>().AsNoTracking().Where(s => s.Scope == scope || s.Scope == Guid.Empty).ToListAsync(cancellationToken);
            var everyone = snapshots.Find(s => s.Scope == Guid.Empty);
            var content = snapshots.Find(s => s.Scope == scope) is { } own ? JsonSerializer.Deserialize<ParetoSnapshotContent>(own.Json, Json) : null;
            if (everyone is not null && (content is null ? JsonSerializer.Deserialize<ParetoSnapshotContent>(everyone.Json, Json)!.View.Policy : content.View.Policy) == policy)
            {
                var today = DateOnly.FromDateTime(clock.ToLocal(everyone.ComputedAt).DateTime);
                content ??= new(View([], policy, (policy.PeriodStart(today), today), everyone.ComputedAt), null, null);
                return new Ranking(content.View, null, content, department);
            }
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
                return Range;
            customers = await Aggregate(policy, period.From, period.To, department, cancellationToken);
        }
        var ranked = customers.ConvertAll(c => c with { Cost = c.Orders * policy.CostPerOrder });
        Sort(ranked, r => r);
        return new Ranking(View(ranked, policy, period, asOf), ranked, null, department);
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
                SqlValues.Parameter(command, "@department", values.Id(id));
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
