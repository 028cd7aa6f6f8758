using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Cases;

/// <summary>SVC-7: one case — a draft only for its author and the customer-service manager (404 for others, as if missing).</summary>
public sealed class GetCase(GuanxiDbContext db, CustomerViewers viewers, CaseViews views)
{
    public async Task<Result<CaseView>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var found = await db.Set<ServiceCase>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null || !CaseAccess.CanSee(viewer, found))
            return CaseAccess.NotFound;
        return await views.Of(viewer, found, cancellationToken);
    }
}
