using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;

namespace Guanxi.Web.Features.Cases;

/// <summary>SVC-7: a member of staff writes a case — a draft of theirs until the customer-service manager publishes it.</summary>
public sealed class WriteCase(GuanxiDbContext db, CustomerViewers viewers, CaseLinks links, CaseViews views, TimeProvider time)
{
    public async Task<Result<CaseView>> Handle(CaseBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!CaseAccess.CanWrite(viewer))
            return CaseAccess.CannotWrite;
        var content = body.ToContent();
        if (ServiceCase.Check(content) is { Count: > 0 } errors)
            return Result<CaseView>.Fail(errors);
        var linked = await links.Check(viewer, content, [], [], cancellationToken);
        if (!linked.Succeeded)
            return Result<CaseView>.Fail(linked.Errors);
        var written = ServiceCase.Write(linked.Value!, viewer.UserId, viewer.DepartmentId, time.GetUtcNow());
        if (written.Value is not { } created)
            return Result<CaseView>.Fail(written.Errors);
        db.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return await views.Of(viewer, created, cancellationToken);
    }
}
