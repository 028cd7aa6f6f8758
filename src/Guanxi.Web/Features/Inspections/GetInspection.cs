using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>CAPA-8: one inspection with its checklist, results and photos, for those who see it (404 for others, as if missing).</summary>
public sealed class GetInspection(InspectionDesk desk, InspectionViews views, TimeProvider time)
{
    public async Task<Result<InspectionView>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var inspection = await desk.Inspections(viewer).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inspection is null)
            return InspectionErrors.NotFound;
        return await views.Of(viewer, inspection, desk.Day(time.GetUtcNow()), cancellationToken);
    }
}
