using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Inspections;

/// <summary>The findings' filters: status open|fixed|closed, departmentId, overdue=true (open after the deadline); page, pageSize.</summary>
public sealed record FindingQuery(string? Status = null, Guid? DepartmentId = null, bool Overdue = false, int? Page = null, int? PageSize = null);

/// <summary>
/// CAPA-8: the findings in the caller's sight — all for those who plan, their department's for a manager, those they
/// inspected for an inspector, those they own for an owner — the newest first.
/// </summary>
public sealed class ListFindings(InspectionDesk desk, FindingViews views, TimeProvider time)
{
    public async Task<Result<Page<FindingRow>>> Handle(FindingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!ApiEnums.TryParse<FindingStatus>(query.Status, out var status))
            return InspectionErrors.FindingFilter;
        var today = desk.Day(time.GetUtcNow());
        var findings = desk.Findings(viewer);
        if (status is { } s)
            findings = findings.Where(f => f.Status == s);
        if (query.DepartmentId is { } department)
            findings = findings.Where(f => f.DepartmentId == department);
        if (query.Overdue)
            findings = findings.Where(f => f.Status == FindingStatus.Open && f.DueOn < today);
        var page = await findings.OrderByDescending(f => f.RaisedAt).ThenByDescending(f => f.Id).ToPageAsync(query.Page, query.PageSize, cancellationToken);
        return new Page<FindingRow>(await views.Rows(page.Items, today, cancellationToken), page.Total, page.PageNumber, page.PageSize);
    }
}
