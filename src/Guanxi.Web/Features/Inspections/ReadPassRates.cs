using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>The items checked and passed in a month (or the whole period: <c>month</c> null); <c>rate</c> in percent, null when nothing was checked.</summary>
public sealed record PassRateCell(DateOnly? Month, int Checked, int Passed)
{
    public double? Rate => Checked == 0 ? null : Math.Round(100.0 * Passed / Checked, 1);
}

/// <summary>A department's post over the months — all its items (itemId null) or one item — with the whole period's total.</summary>
public sealed record PassRateLine(Guid DepartmentId, string Department, string Post, Guid? ItemId, string? Item, IReadOnlyList<PassRateCell> Months, PassRateCell Total);

/// <summary>The pass rates of a period: its months (their first days) and a line per department and post, then one per item of it.</summary>
public sealed record PassRates(DateOnly From, DateOnly To, IReadOnlyList<DateOnly> Months, IReadOnlyList<PassRateLine> Lines);

/// <summary>
/// CAPA-8: how often the items passed — per department, post and item, per month — over the inspections carried out
/// that were due from/to (default: this month and the five before; at most 24 months). Counted in the database by
/// department, post, month and item; an item keeps one line through renames (its id), named as last inspected. Those who
/// plan read every department, a department manager theirs.
/// </summary>
public sealed class ReadPassRates(GuanxiDbContext db, InspectionDesk desk, TimeProvider time)
{
    public const int MaxMonths = 24;

    public async Task<Result<PassRates>> Handle(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!InspectionAccess.ReadsPassRates(viewer))
            return InspectionErrors.NotPassRates;
        var today = desk.Day(time.GetUtcNow());
        var (start, end) = (from, to) switch
        {
            (null, null) => (InspectionSchedule.FirstOf(today).AddMonths(-5), InspectionSchedule.FirstOf(today).AddMonths(1).AddDays(-1)),
            ({ } f, { } t) => (f, t),
            _ => (DateOnly.MinValue, DateOnly.MinValue),
        };
        if (start == DateOnly.MinValue || start > end || InspectionSchedule.FirstOf(start).AddMonths(MaxMonths) <= end)
            return InspectionErrors.Period;

        var inspections = desk.Inspections(viewer).Where(i => i.DoneAt != null && i.DueOn >= start && i.DueOn <= end);
        if (!InspectionAccess.SeesAll(viewer))
            inspections = inspections.Where(i => i.DepartmentId == viewer.DepartmentId);
        var counted = await (from i in inspections
                             join r in db.Set<InspectionResult>() on i.Id equals r.InspectionId
                             group r by new { i.DepartmentId, i.Post, i.Month, r.ItemId } into g
                             select new { g.Key.DepartmentId, g.Key.Post, g.Key.Month, g.Key.ItemId, Checked = g.Count(), Passed = g.Count(r => r.Passed), Position = g.Min(r => r.Position) })
            .ToListAsync(cancellationToken);
        var latest = await (from i in inspections
                            join r in db.Set<InspectionResult>() on i.Id equals r.InspectionId
                            orderby i.DueOn descending
                            select new { r.ItemId, r.Name }).ToListAsync(cancellationToken);
        var names = latest.GroupBy(r => r.ItemId).ToDictionary(g => g.Key, g => g.First().Name);
        var departments = await desk.DepartmentNames(counted.Select(c => c.DepartmentId), cancellationToken);
        var months = Enumerable.Range(0, 1 + (end.Year - start.Year) * 12 + end.Month - start.Month).Select(m => InspectionSchedule.FirstOf(start).AddMonths(m)).ToList();

        PassRateLine Line(Guid department, string post, Guid? itemId, IEnumerable<(DateOnly Month, int Checked, int Passed)> cells)
        {
            var byMonth = cells.GroupBy(c => c.Month).ToDictionary(g => g.Key, g => (Checked: g.Sum(c => c.Checked), Passed: g.Sum(c => c.Passed)));
            var row = months.Select(m => byMonth.TryGetValue(m, out var c) ? new PassRateCell(m, c.Checked, c.Passed) : new PassRateCell(m, 0, 0)).ToList();
            return new PassRateLine(department, departments.GetValueOrDefault(department, ""), post, itemId, itemId is { } id ? names.GetValueOrDefault(id) : null,
                row, new PassRateCell(null, row.Sum(c => c.Checked), row.Sum(c => c.Passed)));
        }

        var lines = new List<PassRateLine>();
        foreach (var post in counted.GroupBy(c => (c.DepartmentId, c.Post)).OrderBy(g => departments.GetValueOrDefault(g.Key.DepartmentId, ""), StringComparer.Ordinal).ThenBy(g => g.Key.Post, StringComparer.Ordinal))
        {
            lines.Add(Line(post.Key.DepartmentId, post.Key.Post, null, post.Select(c => (c.Month, c.Checked, c.Passed))));
            foreach (var item in post.GroupBy(c => c.ItemId).OrderBy(g => g.Min(c => c.Position)).ThenBy(g => names.GetValueOrDefault(g.Key), StringComparer.Ordinal))
                lines.Add(Line(post.Key.DepartmentId, post.Key.Post, item.Key, item.Select(c => (c.Month, c.Checked, c.Passed))));
        }
        return new PassRates(start, end, months, lines);
    }
}
