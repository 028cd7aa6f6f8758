using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>
/// Issue 24 item 7: the effect of a measure proven from the data — the figure it names, before it was raised and in the
/// weeks after its actions were done, the change and whether it is larger than the week-to-week noise (<see cref="EffectCheck"/>),
/// for whoever sees the measure; and the figures a measure may name, for its department.
/// </summary>
public sealed class GetMeasureEffect(MeasureDesk desk, MeasureEffects effects)
{
    public async Task<Result<EffectReading>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (await desk.Load(viewer, id, tracked: false, cancellationToken) is not { } hand)
            return MeasureErrors.NotFound;
        if (hand.Measure.Metric is not { } metric)
            return MeasureErrors.NoMetric;
        return await effects.Read(metric, hand.Measure.ReportedOn, hand.Measure.ActionsDoneOn, desk.Clock.Today, cancellationToken);
    }

    public async Task<Result<IReadOnlyList<EffectChoice>>> Choices(Guid id, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (await desk.Load(viewer, id, tracked: false, cancellationToken) is not { } hand)
            return MeasureErrors.NotFound;
        return Result<IReadOnlyList<EffectChoice>>.Ok(await effects.Choices(hand.Measure.DepartmentId, cancellationToken));
    }
}
