using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Improvement;

/// <summary>CAPA-1: the cause (the 5 whys or one free text), its category (人、机、料、法、环、测 or other) and the suggestion.</summary>
public sealed class AnalyseMeasure(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, AnalysisBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, m) => MeasureAccess.CanAnalyse(viewer, m) ? null : MeasureErrors.NotAnalyst, hand =>
        {
            if (!ApiEnums.TryParse<CauseCategory>(body.CauseCategory, out var category))
                category = null;
            return Task.FromResult(hand.Measure.Analyse(body.Causes, category, body.Suggestion, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow()));
        }, null, cancellationToken);
    }
}
