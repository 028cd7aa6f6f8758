using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Cases;

/// <summary>
/// SVC-7, ARC-3: every change of one case, newest first — written, changed, published, a merged customer moved to the
/// survivor — with who and when, as a person reads it (<see cref="AuditText"/>: the fields by name, the linked customers
/// and the staff by name). For the customer-service manager (<see cref="CaseAccess.ReadsHistory"/>); a case out of the
/// caller's sight answers as a missing one.
/// </summary>
public sealed class CaseHistory(GuanxiDbContext db, CustomerViewers viewers, ListAudit audit)
{
    public async Task<Result<Page<AuditRow>>> Handle(Guid id, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var found = await db.Set<ServiceCase>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Status, c.AuthorId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || !CaseAccess.CanSee(viewer, found.Status, found.AuthorId))
            return CaseAccess.NotFound;
        if (!CaseAccess.ReadsHistory(viewer))
            return CaseAccess.CannotReadHistory;
        return await audit.Handle(new AuditQuery(nameof(ServiceCase), id.ToString(), Page: page, PageSize: pageSize), cancellationToken);
    }
}
