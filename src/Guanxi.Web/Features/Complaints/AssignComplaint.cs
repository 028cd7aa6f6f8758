using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

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
}
