using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>CAPA-2: the executive VP writes the opinion on the tracking sheet and names the responsible department, whose managers are told to sign for it.</summary>
public sealed class GiveOpinion(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, OpinionBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, _) => MeasureAccess.IsVp(viewer) ? null : MeasureErrors.NotVp, async hand =>
        {
            if (body.DepartmentId is not { } department || !await desk.DepartmentExists(department, cancellationToken))
            {
                var errors = new List<Error> { MeasureErrors.DepartmentNotFound };
                if (string.IsNullOrWhiteSpace(body.Opinion))
                    errors.Add(MeasureErrors.OpinionRequired);
                return Result<Done>.Fail(errors);
            }
            return hand.Measure.GiveOpinion(body.Opinion, department, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow());
        }, m => desk.ToManagersOf(m.DepartmentId, m, ("请签收改进措施", "Please sign for the improvement measure"), (m.Opinion!, m.Opinion!), cancellationToken), cancellationToken);
    }
}
