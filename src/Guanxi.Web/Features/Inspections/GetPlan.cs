using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>CAPA-8: one plan, for those who see it (404 for others, as if missing).</summary>
public sealed class GetPlan(InspectionDesk desk, PlanViews views)
{
    public async Task<Result<PlanView>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var plan = await desk.Plans(viewer).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
            return InspectionErrors.PlanNotFound;
        return await views.Of(viewer, plan, cancellationToken);
    }
}
