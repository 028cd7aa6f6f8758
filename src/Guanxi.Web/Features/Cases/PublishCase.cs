using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Cases;

/// <summary>
/// SVC-7: the customer-service manager publishes a draft for all staff to read (403 for anyone else; 409 when it is
/// already published). An If-Match, when sent, must name the version read.
/// </summary>
public sealed class PublishCase(GuanxiDbContext db, CustomerViewers viewers, CaseViews views, TimeProvider time)
{
    public async Task<Result<CaseView>> Handle(Guid id, Guid? version, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var found = await db.Set<ServiceCase>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null || !CaseAccess.CanSee(viewer, found))
            return CaseAccess.NotFound;
        if (!CaseAccess.CanPublish(viewer))
            return CaseAccess.CannotPublish;
        if (Versions.Check(version, found.Version, required: false) is { } stale)
            return stale;
        var published = found.Publish(viewer.UserId, time.GetUtcNow());
        if (!published.Succeeded)
            return Result<CaseView>.Fail(published.Errors);
        if (await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is { } raced)
            return raced;
        return await views.Of(viewer, found, cancellationToken);
    }
}
