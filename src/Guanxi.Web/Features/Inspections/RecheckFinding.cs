using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Features.Notifications;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// CAPA-8: the inspector (or one of those who plan) re-checks a fixed finding {passed, note}: passed closes it; failed
/// opens it again with what was found, and its owner hears of it to fix it again.
/// </summary>
public sealed class RecheckFinding(FindingAct act, Notifier notifier)
{
    public Task<Result<FindingView>> Handle(Guid id, RecheckBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return act.Run(id, version, InspectionAccess.Rechecks, InspectionErrors.NotRechecker, async (viewer, finding, now, _) =>
        {
            var checkedIt = finding.Recheck(body.Passed, body.Note, Actor.Staff(viewer.UserId), now);
            if (checkedIt.Succeeded && finding.Status == FindingStatus.Open && finding.OwnerId is { } owner && owner != viewer.UserId)
                await notifier.ToStaff([new StaffNotice(owner, null, $"复查不合格：{finding.ItemName}", $"Re-check failed: {finding.ItemName}",
                    $"复查发现：{finding.Steps[^1].Note}。请再次整改。", $"The re-check found: {finding.Steps[^1].Note}. Fix it again.", $"/findings/{finding.Id}")], cancellationToken);
            return checkedIt;
        }, cancellationToken);
    }
}
