using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Guanxi.Web.Features.Grading;

/// <summary>The ways GRD-5 splits the customers: structure (industry, region, size, product), tier, loyalty, quality.</summary>
public enum StructureDimension
{
    Industry,
    Province,
    City,
    Size,
    Product,
    Tier,
    Stage,
    Orders,
    Potential,
}

/// <summary>One part of a dimension: its key (null: not recorded; "other": the smaller values together), label, customers and their share, amount and profit of the period.</summary>
public sealed record StructureRow(string? Key, string Label, int Count, double Share, decimal Amount, decimal Profit);

/// <summary>A dimension's parts; <see cref="Known"/> customers have it recorded.</summary>
public sealed record StructureGroup(StructureDimension Dimension, int Known, IReadOnlyList<StructureRow> Rows);

/// <param name="AsOf">When the figures come from the last grading recompute (no period chosen), its time; null when counted from the orders now.</param>
public sealed record StructureView(DateOnly From, DateOnly To, DateTimeOffset? AsOf, int Customers, decimal Amount, decimal Profit, IReadOnlyList<StructureGroup> Dimensions);

/// <summary>
/// GRD-5 客户质量: the composition of the active customers in the caller's sight by industry, province and city (of the
/// first address), size, product (the vehicle model, or else the first item, of the latest sale), tier, lifecycle stage,
/// orders in the period and the owner's potential assessment, each part with its count, share, and the amount and
/// profit of the period. Every customer is in exactly one part of each dimension, so each dimension adds up to the
/// same totals. Without a period the figures are the grading period's (default the last 12 months) as of the last
/// recompute, as the 80/20 report reads them, which answers at a million customers without summing ten million
/// orders; with one (or before any recompute) the orders of that period are summed. Counted in the database, grouped
/// nine ways, never by loading the customers. Department managers see their department; leadership, customer service
/// and administrators everyone (as the churn report).
/// </summary>
public sealed class StructureReport(GuanxiDbContext db, CustomerViewers viewers, EnterpriseSettings settings, EnterpriseClock clock, IStringLocalizer<SharedResource> L)
{
    /// <summary>Free-text dimensions show their biggest parts and gather the rest as "other".</summary>
    public const int TopParts = 12;

    public static readonly Error NotAllowed = Error.Forbidden("structure.not_allowed", "客户结构分析仅供部门经理、客服部门、公司领导和系统管理员查看。", "The customer structure report is for managers, customer service, leadership and administrators.");

    private static readonly string[] Bands = ["0", "1", "2", "3-5", "6+"];
    private static readonly string[] PotentialBands = ["high", "medium", "low"];

    public async Task<Result<StructureView>> Handle(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.Current(cancellationToken);
        if (viewer is null || !CustomerAccess.Oversees(viewer))
            return NotAllowed;
        var policy = await settings.Get(GradingPolicy.SettingsKey, GradingPolicy.Default, cancellationToken);
        DateTimeOffset? asOf = from is null && to is null
            ? await db.Set<CustomerGrade>().MaxAsync(g => (DateTimeOffset?)g.ComputedAt, cancellationToken)
            : null;
        var end = asOf is { } at ? DateOnly.FromDateTime(clock.ToLocal(at).DateTime) : to ?? clock.Today;
        var start = asOf is not null ? policy.PeriodStart(end) : from ?? end.AddMonths(-12).AddDays(1);
        if (start > end || end.DayNumber - start.DayNumber > 3660)
            return ParetoReport.Range;
        var parts = await StructureFacts.Read(db, policy.DefaultMargin, start, end, asOf is not null, CustomerAccess.ListedDepartment(viewer), cancellationToken);
        var tiers = parts.GetValueOrDefault(StructureDimension.Tier) ?? [];
        var total = tiers.Sum(p => p.Count);
        var dimensions = Enum.GetValues<StructureDimension>().Select(d => Group(d, parts.GetValueOrDefault(d) ?? [], total)).ToList();
        return new StructureView(start, end, asOf, total, tiers.Sum(p => p.Amount), tiers.Sum(p => p.Profit), dimensions);
    }

    private StructureGroup Group(StructureDimension dimension, List<StructurePart> parts, int total)
    {
        var known = parts.Where(p => p.Key is not null and not "unassessed").Sum(p => p.Count);
        var rows = dimension switch
        {
            StructureDimension.Tier => Fixed(parts, Enum.GetValues<Tier>().Reverse().Select(t => (t.ToString(), L[$"Tier.{t}"].Value))),
            StructureDimension.Stage => Fixed(parts, Enum.GetValues<LifecycleStage>().Select(s => (s.ToString(), L[$"Stage.{s}"].Value))),
            StructureDimension.Orders => Fixed(parts, Bands.Select(b => (b, L[$"Structure.Band.{b}"].Value))),
            StructureDimension.Potential => Fixed(parts, [.. PotentialBands.Select(b => (b, L[$"Structure.Potential.{b}"].Value)), ("unassessed", L["Structure.Potential.unassessed"].Value)]),
            _ => Free(dimension, parts),
        };
        return new StructureGroup(dimension, known, rows.Select(r => r with { Share = total == 0 ? 0 : Math.Round(r.Count / (double)total, 4) }).ToList());
    }

    /// <summary>Every value of a fixed list, in its order, zero when nobody has it; keys in the API's camel case.</summary>
    private static List<StructureRow> Fixed(List<StructurePart> parts, IEnumerable<(string Key, string Label)> values) =>
        values.Select(v => parts.FirstOrDefault(p => p.Key == v.Key) is { } p
                ? new StructureRow(Camel(v.Key), v.Label, p.Count, 0, p.Amount, p.Profit)
                : new StructureRow(Camel(v.Key), v.Label, 0, 0, 0, 0))
            .ToList();

    private List<StructureRow> Free(StructureDimension dimension, List<StructurePart> parts)
    {
        var named = parts.Where(p => p.Key is not null).OrderByDescending(p => p.Count).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var rows = named.Take(TopParts).Select(p => new StructureRow(p.Key, p.Key!, p.Count, 0, p.Amount, p.Profit)).ToList();
        var rest = named.Skip(TopParts).ToList();
        if (rest.Count > 0)
            rows.Add(new StructureRow("other", L["Structure.Other", rest.Count], rest.Sum(p => p.Count), 0, rest.Sum(p => p.Amount), rest.Sum(p => p.Profit)));
        if (parts.FirstOrDefault(p => p.Key is null) is { } unknown)
            rows.Add(new StructureRow(null, L[dimension == StructureDimension.Product ? "Structure.NoSale" : "Structure.Unknown"], unknown.Count, 0, unknown.Amount, unknown.Profit));
        return rows;
    }

    private static string Camel(string key) => char.IsUpper(key[0]) ? char.ToLowerInvariant(key[0]) + key[1..] : key;
}
