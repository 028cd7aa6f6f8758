using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Improvement;

public sealed record MeasureQuery(MeasureStatus? Status, Guid? DepartmentId, bool Overdue, MeasureSourceKind? Source, CauseCategory? CauseCategory, Paging Paging);

/// <summary>
/// Issue 24 item 9: the 改进措施 register — the measures in the caller's sight (item 10), overdue first then by deadline,
/// filtered by status, department, source and cause category, with the counts Open / Due this week / Overdue / Awaiting
/// acceptance / Closed over the same sight and filters (status and overdue aside).
/// </summary>
public sealed class ListMeasures(GuanxiDbContext db, MeasureDesk desk)
{
    private static readonly MeasureStatus[] OpenStatuses = [.. Enum.GetValues<MeasureStatus>().Where(s => s != MeasureStatus.Closed)];

    public async Task<Result<MeasureRegister>> Handle(MeasureQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var today = desk.Clock.Today;
        var weekEnd = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7 - 1);   // this week's Sunday
        var measures = InSight(viewer);
        if (query.DepartmentId is { } department)
            measures = measures.Where(m => m.DepartmentId == department);
        if (query.Source is { } source)
            measures = measures.Where(m => m.SourceKind == source);
        if (query.CauseCategory is { } category)
            measures = measures.Where(m => m.CauseCategory == category);
        // The open measures are few beside the years of closed ones: their figures come from the status index's open values,
        // the closed ones are only counted, and a page of open measures never reads the closed.
        var open = measures.Where(m => OpenStatuses.Contains(m.Status));
        var counted = await open.GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(),
            DueThisWeek = g.Count(m => m.ActionsDoneOn == null && m.DueOn >= today && m.DueOn <= weekEnd),
            Overdue = g.Count(m => m.Status == MeasureStatus.Signed && m.PlanDueOn < today || m.ActionsDoneOn == null && m.DueOn < today),
            Awaiting = g.Count(m => m.Status == MeasureStatus.AwaitingAcceptance),
        }).SingleOrDefaultAsync(cancellationToken);
        var closed = await measures.CountAsync(m => m.Status == MeasureStatus.Closed, cancellationToken);
        var counts = counted is null ? new MeasureCounts(0, 0, 0, 0, closed) : new MeasureCounts(counted.Open, counted.DueThisWeek, counted.Overdue, counted.Awaiting, closed);
        var paging = query.Paging;
        int total;
        if (query.Status is { } status)
            (measures, total) = (measures.Where(m => m.Status == status), status == MeasureStatus.Closed ? closed : -1);
        else if (query.Overdue)
            (measures, total) = (open.Where(m => m.Status == MeasureStatus.Signed && m.PlanDueOn < today || m.ActionsDoneOn == null && m.DueOn < today), counts.Overdue);
        else
        {
            total = counts.Open + closed;
            if (paging.Offset + paging.Size <= counts.Open)
                measures = open;   // the page holds open measures only: they come first
        }
        if (total < 0)
            total = await measures.CountAsync(cancellationToken);
        var rows = await measures
            .OrderBy(m => m.Status == MeasureStatus.Closed)
            .ThenByDescending(m => m.Status == MeasureStatus.Signed && m.PlanDueOn < today || m.ActionsDoneOn == null && m.DueOn < today)
            .ThenBy(m => m.DueOn ?? m.PlanDueOn ?? DateOnly.MaxValue).ThenByDescending(m => m.ReportedAt).ThenBy(m => m.Id)
            .Skip(paging.Offset).Take(paging.Size)
            .Select(m => new
            {
                m.Id, m.Number, m.Title, m.SourceKind, m.DepartmentId, m.Status, m.ReportedOn, m.PlanDueOn, m.DueOn, m.ActionsDoneOn, m.PlanLate, m.CauseCategory, m.Version,
                Actions = m.Actions.Count(a => !a.Superseded), Done = m.Actions.Count(a => !a.Superseded && a.DoneAt != null),
            }).ToListAsync(cancellationToken);
        var names = await DepartmentNames.All(db, cancellationToken);
        var english = Cultures.IsEnglish;
        return new MeasureRegister([.. rows.Select(r => new MeasureRow(r.Id, r.Number, r.Title, r.SourceKind, MeasureTexts.Source(r.SourceKind, english), r.DepartmentId,
            names.GetValueOrDefault(r.DepartmentId), r.Status, MeasureTexts.Status(r.Status, english), r.ReportedOn, r.PlanDueOn, r.DueOn,
            r.Status != MeasureStatus.Closed && (r.Status == MeasureStatus.Signed && r.PlanDueOn < today || r.ActionsDoneOn == null && r.DueOn < today),
            r.PlanLate, r.CauseCategory, r.Actions, r.Done, r.Version))], total, paging.Number, paging.Size, counts);
    }

    /// <summary>Item 10 in SQL, as <see cref="MeasureAccess.CanSee"/> says it.</summary>
    private IQueryable<Measure> InSight(Viewer viewer)
    {
        var measures = db.Set<Measure>().AsNoTracking();
        if (MeasureAccess.SeesAll(viewer))
            return measures;
        var me = viewer.UserId;
        var owned = db.Set<MeasureAction>().Where(a => a.OwnerId == me).Select(a => a.MeasureId);
        if (viewer.Is(Role.DepartmentManager))
        {
            var mine = viewer.DepartmentId;
            var involved = db.Set<MeasureInvolvement>().Where(i => i.DepartmentId == mine).Select(i => i.MeasureId);   // each list read once, by its index
            return measures.Where(m => m.DepartmentId == mine || involved.Contains(m.Id) || owned.Contains(m.Id));
        }
        return measures.Where(m => owned.Contains(m.Id));
    }
}
