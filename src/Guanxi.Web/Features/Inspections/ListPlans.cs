using Guanxi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>CAPA-8: the plans in the caller's sight — all for those who plan, their department's for a manager, theirs for an inspector — by department and post.</summary>
public sealed class ListPlans(InspectionDesk desk, PlanViews views)
{
    public async Task<Result<IReadOnlyList<PlanView>>> Handle(CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var plans = await desk.Plans(viewer).OrderBy(p => p.DepartmentId).ThenBy(p => p.Post).ToListAsync(cancellationToken);
        var shown = await views.Of(viewer, plans, cancellationToken);
        return Result<IReadOnlyList<PlanView>>.Ok([.. shown.OrderBy(p => p.Department, StringComparer.Ordinal).ThenBy(p => p.Post, StringComparer.Ordinal)]);
    }
}
