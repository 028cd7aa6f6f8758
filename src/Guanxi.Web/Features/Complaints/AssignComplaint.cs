using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>A member of staff a complaint can be given to.</summary>
public sealed record StaffChoice(string Id, string Name, string? Department);

/// <summary>
/// SVC-2: the department's manager, the customer-service manager or the duty manager gives the complaint to a member of
/// staff who serves customers and sees this one (else 400 on staffId); the assignee is told in the app.
/// </summary>
public sealed class AssignComplaint(GuanxiDbContext db, ComplaintDesk desk, Notifier notifier, TimeProvider time)
{
    public Task<Result<ComplaintView>> Handle(Guid id, AssignBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return desk.Act(id, ComplaintAction.Assign, version, async (hand, _) =>
        {
            if (string.IsNullOrWhiteSpace(body.StaffId))
                return ComplaintErrors.StaffRequired;
            var staffId = body.StaffId.Trim();
            var staff = await db.Users.AsNoTracking().Where(u => u.Id == staffId && u.IsActive).Select(u => new { u.Id, u.DepartmentId }).SingleOrDefaultAsync(cancellationToken);
            var roles = staff is null ? [] : await db.UserRoles.Where(r => r.UserId == staffId).Select(r => r.RoleId).ToListAsync(cancellationToken);
            var assignee = staff is null ? null : new Viewer(staff.Id, staff.DepartmentId, roles.Select(r => Roles.TryParse(r, out var role) ? role : (Role?)null).OfType<Role>().ToHashSet());
            if (assignee is null || !ComplaintAccess.Records(assignee) || !ComplaintAccess.Sees(assignee, hand.Facts with { AssigneeId = null }))
                return ComplaintErrors.StaffUnsuited;
            var assigned = hand.Complaint.Assign(staffId, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow());
            if (assigned.Succeeded && staffId != hand.Viewer.UserId)
                await notifier.ToStaff([new StaffNotice(staffId, hand.Complaint.CustomerId, $"新投诉分派给您：{hand.CustomerName}", $"A complaint for you: {hand.CustomerName}",
                    hand.Complaint.Summary, hand.Complaint.Summary, $"/complaints/{id}")], cancellationToken);
            return assigned;
        }, cancellationToken);
    }

    /// <summary>Whom the caller may give the complaint to: the active staff the assignment accepts, by name.</summary>
    public async Task<Result<IReadOnlyList<StaffChoice>>> Candidates(Guid id, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (await desk.Load(viewer, id, tracked: false, cancellationToken) is not { } hand)
            return ComplaintErrors.NotFound;
        if (!ComplaintAccess.Dispatches(viewer, hand.Facts))
            return ComplaintErrors.NotDispatcher;
        var staff = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.DepartmentId }).ToListAsync(cancellationToken);
        var roles = (await db.UserRoles.Select(r => new { r.UserId, r.RoleId }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => Roles.TryParse(r.RoleId, out var role) ? role : (Role?)null);
        var departments = await DepartmentNames.All(db, cancellationToken);
        var facts = hand.Facts with { AssigneeId = null };
        return Result<IReadOnlyList<StaffChoice>>.Ok([.. staff
            .Where(u => new Viewer(u.Id, u.DepartmentId, roles[u.Id].OfType<Role>().ToHashSet()) is var v && ComplaintAccess.Records(v) && ComplaintAccess.Sees(v, facts))
            .Select(u => new StaffChoice(u.Id, u.DisplayName, departments.GetValueOrDefault(u.DepartmentId)))]);
    }
}
