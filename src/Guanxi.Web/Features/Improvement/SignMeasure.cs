using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>CAPA-2, CAPA-3: the responsible department's manager signs for the measure (recorded with the time); the plan is due on the N-th working day after.</summary>
public sealed class SignMeasure(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, Guid? version = null, CancellationToken cancellationToken = default)
    {
        var calendar = await desk.Calendar(cancellationToken);
        var policy = await desk.Policy(cancellationToken);
        return await desk.Act(id, version, (viewer, m) => MeasureAccess.ManagesDepartment(viewer, m.DepartmentId) ? null : MeasureErrors.NotDepartmentManager,
            hand => Task.FromResult(hand.Measure.Sign(Actor.Staff(hand.Viewer.UserId), time.GetUtcNow(), desk.DayOf(time.GetUtcNow()), calendar, policy)), null, cancellationToken);
    }
}
