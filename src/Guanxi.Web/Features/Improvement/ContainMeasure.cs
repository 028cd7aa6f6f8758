using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>An immediate containment action, recorded at any time while the measure is open (before the cause is known too).</summary>
public sealed class ContainMeasure(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, ContainmentBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, m) => MeasureAccess.CanAnalyse(viewer, m) ? null : MeasureErrors.NotAnalyst,
            hand => Task.FromResult(hand.Measure.Contain(body.Action, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow())), null, cancellationToken);
    }
}
