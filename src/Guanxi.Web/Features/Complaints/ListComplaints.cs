using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-2: the complaints in the caller's sight (<see cref="ComplaintAccess.Sees"/>, as one query), newest first, by status,
/// category (with its children), severity, department, and overdue — open, and past a time that was still running
/// (a complaint on hold is overdue only when it was already late when its clock stopped).
/// </summary>
public sealed class ListComplaints(GuanxiDbContext db, ComplaintDesk desk, StaffNames staffNames, TimeProvider time)
{
    public async Task<Result<Page<ComplaintRow>>> Handle(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var now = time.GetUtcNow().ToUniversalTime();   // PostgreSQL compares timestamptz with UTC instants only
        var me = viewer.UserId;
        var all = ComplaintAccess.SeesAll(viewer);
        var exempt = viewer.IsLeadership || viewer.IsCustomerService;   // never only "the member of staff concerned"
        var department = CustomerAccess.SeesAny(viewer) ? viewer.DepartmentId : Guid.Empty;
        var rows = from c in db.Set<Complaint>().AsNoTracking()
                   join customer in db.Set<Customer>() on c.CustomerId equals customer.Id
                   where c.AssigneeId == me
                         || (c.StaffId == me && !exempt
                             ? c.Status == ComplaintStatus.Resolved || c.Status == ComplaintStatus.Closed
                             : all || customer.DepartmentId == department || c.DepartmentId == department)
                   select new { c, customer.Name };
        if (query.Status is { } status)
            rows = rows.Where(x => x.c.Status == status);
        if (query.Severity is { } severity)
            rows = rows.Where(x => x.c.Severity == severity);
        if (query.DepartmentId is { } departmentId)
            rows = rows.Where(x => x.c.DepartmentId == departmentId);
        var categories = await desk.Categories(cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var codes = ComplaintCategory.WithDescendants(categories, query.Category.Trim()).ToList();
            rows = rows.Where(x => codes.Contains(x.c.Category));
        }
        if (query.Overdue)
            rows = rows.Where(x => x.c.Status != ComplaintStatus.Resolved && x.c.Status != ComplaintStatus.Closed
                && ((x.c.RespondedAt == null && x.c.ResponseDueAt < (x.c.HeldSince ?? now)) || x.c.ResolutionDueAt < (x.c.HeldSince ?? now)));
        var paging = new Paging(query.Page, query.PageSize);
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(x => x.c.ReceivedAt).ThenByDescending(x => x.c.Id).Skip(paging.Offset).Take(paging.Size).ToListAsync(cancellationToken);
        var names = await staffNames.Of(page.Select(x => x.c.AssigneeId), cancellationToken);
        var departments = await DepartmentNames.All(db, cancellationToken);
        var calendar = (await desk.Rules(cancellationToken)).Calendar;
        return new Page<ComplaintRow>([.. page.Select(x =>
        {
            var c = x.c;
            var left = c.Left(calendar, now);
            return new ComplaintRow(c.Id, c.CustomerId, x.Name, c.DepartmentId, departments.GetValueOrDefault(c.DepartmentId), c.Category, ComplaintDesk.CategoryName(categories, c.Category),
                c.Severity, c.Status, c.Tier, c.Channel, c.Touchpoint, c.Summary, names.WhoIfAny(c.AssigneeId), desk.Local(c.ReceivedAt), desk.Local(c.ResponseDueAt),
                desk.Local(c.ResolutionDueAt), desk.Local(c.RespondedAt), desk.Local(c.HeldSince), c.Pending, ComplaintDesk.Hours(left), left < TimeSpan.Zero,
                c.EscalationLevel, c.ReopenCount);
        })], total, paging.Number, paging.Size);
    }

    /// <summary>The complaints the viewer may list, as the list's own query reads them (for figures elsewhere, e.g. the 工作台).</summary>
    public static IQueryable<Complaint> InSight(GuanxiDbContext db, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var me = viewer.UserId;
        var all = ComplaintAccess.SeesAll(viewer);
        var exempt = viewer.IsLeadership || viewer.IsCustomerService;
        var department = CustomerAccess.SeesAny(viewer) ? viewer.DepartmentId : Guid.Empty;
        return from c in db.Set<Complaint>().AsNoTracking()
               join customer in db.Set<Customer>() on c.CustomerId equals customer.Id
               where c.AssigneeId == me
                     || (c.StaffId == me && !exempt
                         ? c.Status == ComplaintStatus.Resolved || c.Status == ComplaintStatus.Closed
                         : all || customer.DepartmentId == department || c.DepartmentId == department)
               select c;
    }

    /// <summary>Still open: neither resolved nor closed.</summary>
    public static IQueryable<Complaint> Open(IQueryable<Complaint> complaints) =>
        complaints.Where(c => c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed);

    /// <summary>Open and past a time that was still running at <paramref name="now"/> (UTC) — the list's overdue filter.</summary>
    public static IQueryable<Complaint> Overdue(IQueryable<Complaint> complaints, DateTimeOffset now) =>
        Open(complaints).Where(c => (c.RespondedAt == null && c.ResponseDueAt < (c.HeldSince ?? now)) || c.ResolutionDueAt < (c.HeldSince ?? now));
}
