using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Improvement;

/// <summary>Issue 24 item 7: the figure the measure should move — a survey question's or dimension's score, a complaint category's count, a touchpoint's satisfaction, for a department.</summary>
public sealed class SetMeasureMetric(MeasureDesk desk, MeasureEffects effects, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, MetricBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, m) => MeasureAccess.CanAnalyse(viewer, m) ? null : MeasureErrors.NotAnalyst, async hand =>
        {
            var errors = new List<Error>();
            if (!ApiEnums.TryParse<EffectMetricKind>(body.Kind, out var kind) || kind is null)
                errors.Add(MeasureErrors.MetricKindUnknown);
            var department = body.DepartmentId ?? hand.Measure.DepartmentId;
            if (!await desk.DepartmentExists(department, cancellationToken))
                errors.Add(MeasureErrors.DepartmentNotFound);
            if (string.IsNullOrWhiteSpace(body.Key) || body.Key.Length > EffectMetric.MaxKeyLength)
                errors.Add(MeasureErrors.MetricUnknown);
            if (errors.Count > 0)
                return Result<Done>.Fail(errors);
            var metric = new EffectMetric(kind!.Value, body.Key!.Trim(), department);
            if (await effects.Check(metric, cancellationToken) is { } unknown)
                return unknown.At("key");
            return hand.Measure.SetMetric(metric, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow());
        }, null, cancellationToken);
    }
}
