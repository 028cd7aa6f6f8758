using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// Issue 23 item 8, CAPA-1: the problems for improvement the service desk raised (complaints resolved as needing a measure,
/// crisis warnings), newest first, raised between from and to (default all), for the customer-service manager and leadership.
/// </summary>
public sealed class ListServiceProblems(GuanxiDbContext db, ComplaintDesk desk, EnterpriseClock clock)
{
    public async Task<Result<Page<ServiceProblemView>>> Handle(DateOnly? from, DateOnly? to, Paging paging, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paging);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!ComplaintAccess.ReadsProblems(viewer))
            return ComplaintErrors.NotProblems;
        var problems = db.Set<ServiceProblem>().AsNoTracking();
        if (from is { } first)
            problems = problems.Where(p => p.RaisedOn >= first);
        if (to is { } last)
            problems = problems.Where(p => p.RaisedOn <= last);
        var total = await problems.CountAsync(cancellationToken);
        var rows = await (from p in problems
                          join c in db.Set<Customer>() on p.CustomerId equals c.Id into cs
                          from c in cs.DefaultIfEmpty()
                          orderby p.RaisedAt descending, p.Id descending
                          select new { p, Customer = c == null ? null : c.Name }).Skip(paging.Offset).Take(paging.Size).ToListAsync(cancellationToken);
        var departments = await DepartmentNames.All(db, cancellationToken);
        return new Page<ServiceProblemView>([.. rows.Select(x => new ServiceProblemView(x.p.Id, x.p.Kind, x.p.SourceId, x.p.DepartmentId, departments.GetValueOrDefault(x.p.DepartmentId),
            x.p.CustomerId, x.Customer, x.p.Description, clock.ToLocal(x.p.RaisedAt)))], total, paging.Number, paging.Size);
    }
}
