using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Features.Notifications;

namespace Guanxi.Web.Features.Inspections;

/// <summary>CAPA-8: the owner records the fix {note}; the finding waits for its re-check, and the inspector hears of it.</summary>
public sealed class FixFinding(FindingAct act, Notifier notifier)
{
    public Task<Result<FindingView>> Handle(Guid id, FixBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return act.Run(id, version, InspectionAccess.Fixes, InspectionErrors.NotOwner, async (viewer, finding, now, _) =>
        {
            var fixedIt = finding.Fix(body.Note, Actor.Staff(viewer.UserId), now);
            if (fixedIt.Succeeded && finding.InspectorId != viewer.UserId)
                await notifier.ToStaff([new StaffNotice(finding.InspectorId, null, $"待复查：{finding.ItemName}", $"To re-check: {finding.ItemName}",
                    $"整改已登记：{finding.FixNote}。请复查。", $"The fix is recorded: {finding.FixNote}. Re-check it.", $"/findings/{finding.Id}")], cancellationToken);
            return fixedIt;
        }, cancellationToken);
    }
}
