using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Cases;

/// <summary>
/// SVC-7: the author corrects their draft, the customer-service manager any case (a published one stays published).
/// The version read must come back (If-Match): 428 without it, 412 when someone changed the case meanwhile.
/// </summary>
public sealed class UpdateCase(GuanxiDbContext db, CustomerViewers viewers, CaseLinks links, CaseViews views, TimeProvider time)
{
    public async Task<Result<CaseView>> Handle(Guid id, CaseBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var found = await db.Set<ServiceCase>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null || !CaseAccess.CanSee(viewer, found))
            return CaseAccess.NotFound;
        if (!CaseAccess.CanEdit(viewer, found))
            return CaseAccess.CannotEdit;
        if (Versions.Check(version, found.Version, required: true) is { } stale)
            return stale;
        var content = body.ToContent();
        if (ServiceCase.Check(content) is { Count: > 0 } errors)
            return Result<CaseView>.Fail(errors);
        var linked = await links.Check(viewer, content, found.CustomerIds, found.ComplaintIds, cancellationToken);
        if (!linked.Succeeded)
            return Result<CaseView>.Fail(linked.Errors);
        var changed = found.Change(linked.Value!, viewer.UserId, time.GetUtcNow());
        if (!changed.Succeeded)
            return Result<CaseView>.Fail(changed.Errors);
        if (await db.SaveOrRacedAsync(Versions.Stale, cancellationToken) is { } raced)
            return raced;
        return await views.Of(viewer, found, cancellationToken);
    }
}
