using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>CAPA-8: one finding with its steps and photos, for those who see it (404 for others, as if missing).</summary>
public sealed class GetFinding(InspectionDesk desk, FindingViews views, TimeProvider time)
{
    public async Task<Result<FindingView>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var finding = await desk.Findings(viewer).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (finding is null)
            return InspectionErrors.FindingNotFound;
        return await views.Of(viewer, finding, desk.Day(time.GetUtcNow()), cancellationToken);
    }
}
