using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>Issue 24 item 7: the executive VP reopens the root-cause work when the effect is not verified; the department's managers are told.</summary>
public sealed class ReopenMeasure(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, ReasonBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, _) => MeasureAccess.IsVp(viewer) ? null : MeasureErrors.NotVp,
            hand => Task.FromResult(hand.Measure.Reopen(body.Reason, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow())),
            m => desk.ToManagersOf(m.DepartmentId, m, ("改进措施重新打开，请重新分析原因", "The measure was reopened: analyse the cause again"), (body.Reason!.Trim(), body.Reason!.Trim()), cancellationToken),
            cancellationToken);
    }
}
