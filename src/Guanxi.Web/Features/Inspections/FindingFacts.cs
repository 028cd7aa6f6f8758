using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// What another feature may know of a finding (the improvement measures' source kind <c>inspectionFinding</c>): its
/// department, where it stands, a one-line description, and whether the viewer sees it (<see cref="InspectionAccess"/>).
/// </summary>
public sealed record FindingDescription(Guid Id, Guid DepartmentId, string Description, FindingStatus Status, bool InSight);

/// <summary>
/// CAPA-8 for the higher features: a finding described in one line — "专项检查 2027-03-08 · 销售部·销售顾问 · 「服务礼仪」不合格：接待时未起身问候"
/// (at most 500 characters; the date as written, for the reader's page to show) — in the viewer's sight or not, which
/// the caller decides what to do with; a finding that does not exist is not found.
/// </summary>
public sealed class FindingFacts(GuanxiDbContext db, InspectionDesk desk)
{
    public const int MaxDescriptionLength = 500;

    public async Task<Result<FindingDescription>> Describe(Guid findingId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var finding = await db.Set<Finding>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken);
        if (finding is null)
            return InspectionErrors.FindingNotFound;
        var department = (await desk.DepartmentNames([finding.DepartmentId], cancellationToken)).GetValueOrDefault(finding.DepartmentId, "");
        var text = $"专项检查 {finding.InspectionDueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} · {department}·{finding.Post} · 「{finding.ItemName}」不合格：{finding.Note}";
        return new FindingDescription(finding.Id, finding.DepartmentId, text.Length > MaxDescriptionLength ? text[..MaxDescriptionLength] : text, finding.Status,
            InspectionAccess.Sees(viewer, finding));
    }
}
