using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Features.Notifications;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// CAPA-8: the department's manager or the inspector names the finding's owner — an active member of its department — and
/// the deadline (today to a year ahead); again to hand it on or move the deadline while it is open. The owner hears of it.
/// </summary>
public sealed class AssignFindingOwner(FindingAct act, InspectionDesk desk, Notifier notifier)
{
    public Task<Result<FindingView>> Handle(Guid id, OwnerBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return act.Run(id, version, InspectionAccess.AssignsOwner, InspectionErrors.NotOwnerAssigner, async (viewer, finding, now, today) =>
        {
            if (!finding.Allows(FindingAction.AssignOwner))
                return InspectionErrors.FindingNotNow(FindingAction.AssignOwner, finding.Status);
            var errors = new List<Error>();
            var ownerId = body.OwnerId?.Trim();
            if (string.IsNullOrEmpty(ownerId))
                errors.Add(InspectionErrors.OwnerRequired);
            else if (!await desk.IsActiveStaffOf(ownerId, finding.DepartmentId, cancellationToken))
                errors.Add(InspectionErrors.OwnerUnsuited);
            if (body.DueOn is null)
                errors.Add(InspectionErrors.DeadlineRequired);
            if (errors.Count > 0)
                return Result<Done>.Fail(errors);
            var assigned = finding.AssignOwner(ownerId!, body.DueOn, Actor.Staff(viewer.UserId), now, today);
            if (assigned.Succeeded && ownerId != viewer.UserId)
                await notifier.ToStaff([new StaffNotice(ownerId!, null, $"整改任务：{finding.ItemName}", $"Finding to fix: {finding.ItemName}",
                    $"专项检查发现：{finding.Note}。请于{body.DueOn!.Value.ToString("M月d日", CultureInfo.InvariantCulture)}前整改并登记。",
                    $"Inspection found: {finding.Note}. Fix it and record the fix by {body.DueOn!.Value.ToString("d MMM", CultureInfo.GetCultureInfo("en-GB"))}.",
                    $"/findings/{finding.Id}")], cancellationToken);
            return assigned;
        }, cancellationToken);
    }
}
