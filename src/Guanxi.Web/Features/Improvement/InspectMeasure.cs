using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>CAPA-6: customer service or the executive VP inspect the measure at any time: what they saw and how far along it is.</summary>
public sealed class InspectMeasure(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, InspectionBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, _) => MeasureAccess.CanInspect(viewer) ? null : MeasureErrors.NotInspector, hand =>
        {
            var inspected = hand.Measure.Inspect(body.Note, body.Progress, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow());
            return Task.FromResult(inspected.Succeeded ? Result<Done>.Ok(default) : Result<Done>.Fail(inspected.Errors));
        }, null, cancellationToken);
    }
}
