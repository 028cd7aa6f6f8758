using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>What the caller does with inspections, for the menu and the pages' buttons: plans, reads the pass rates, has inspections to carry out or findings to fix.</summary>
public sealed record InspectionWorkView(bool Plans, bool OpensDesk, bool ReadsPassRates, bool Inspects, bool OwnsFindings)
{
    public bool SeesInspections => OpensDesk || Inspects;

    public bool SeesFindings => OpensDesk || Inspects || OwnsFindings;
}

/// <summary>
/// CAPA-8: whether the 专项检查 and 整改跟踪 entries are the caller's — by role (<see cref="InspectionAccess.OpensDesk"/>) or by
/// their work: an inspector of a plan or an inspection, the owner of a finding not yet closed (two indexed lookups).
/// </summary>
public sealed class InspectionWork(GuanxiDbContext db, InspectionDesk desk)
{
    public async Task<Result<InspectionWorkView>> Handle(CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var opens = InspectionAccess.OpensDesk(viewer);
        var inspects = !opens && (await db.Set<InspectionPlan>().AnyAsync(p => p.InspectorId == viewer.UserId, cancellationToken)
            || await db.Set<Inspection>().AnyAsync(i => i.InspectorId == viewer.UserId, cancellationToken));
        var owns = !opens && !inspects && await db.Set<Finding>().AnyAsync(f => f.OwnerId == viewer.UserId && f.Status != FindingStatus.Closed, cancellationToken);
        return new InspectionWorkView(InspectionAccess.Plans(viewer), opens, InspectionAccess.ReadsPassRates(viewer), inspects, owns);
    }
}
