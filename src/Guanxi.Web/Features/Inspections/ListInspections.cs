using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Inspections;

/// <summary>The list's filters: due (a day: those due by then and not done), departmentId, status scheduled|overdue|done; page, pageSize.</summary>
public sealed record InspectionQuery(DateOnly? Due = null, Guid? DepartmentId = null, string? Status = null, int? Page = null, int? PageSize = null);

/// <summary>
/// CAPA-8: the inspections in the caller's sight — all for those who plan, their department's for a manager, theirs for an
/// inspector. Not yet done first by their day (the soonest first) when asked for what is due or open; otherwise the latest day first.
/// </summary>
public sealed class ListInspections(InspectionDesk desk, InspectionViews views, TimeProvider time)
{
    public async Task<Result<Page<InspectionRow>>> Handle(InspectionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!ApiEnums.TryParse<InspectionState>(query.Status, out var state))
            return InspectionErrors.Filter;
        var today = desk.Day(time.GetUtcNow());
        var inspections = desk.Inspections(viewer);
        if (query.DepartmentId is { } department)
            inspections = inspections.Where(i => i.DepartmentId == department);
        if (query.Due is { } due)
            inspections = inspections.Where(i => i.DoneAt == null && i.DueOn <= due);
        inspections = state switch
        {
            InspectionState.Scheduled => inspections.Where(i => i.DoneAt == null && i.DueOn >= today),
            InspectionState.Overdue => inspections.Where(i => i.DoneAt == null && i.DueOn < today),
            InspectionState.Done => inspections.Where(i => i.DoneAt != null),
            _ => inspections,
        };
        var ordered = query.Due is not null || state is InspectionState.Scheduled or InspectionState.Overdue
            ? inspections.OrderBy(i => i.DueOn).ThenBy(i => i.Id)
            : inspections.OrderByDescending(i => i.DueOn).ThenByDescending(i => i.Id);
        var page = await ordered.ToPageAsync(query.Page, query.PageSize, cancellationToken);
        return new Page<InspectionRow>(await views.Rows(page.Items, today, cancellationToken), page.Total, page.PageNumber, page.PageSize);
    }
}
