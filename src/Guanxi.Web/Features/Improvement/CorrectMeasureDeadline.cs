using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>CAPA-5: the executive VP corrects an unreasonable deadline, with the reason (recorded); the department's managers are told.</summary>
public sealed class CorrectMeasureDeadline(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, DeadlineBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, _) => MeasureAccess.IsVp(viewer) ? null : MeasureErrors.NotVp,
            hand => Task.FromResult(hand.Measure.CorrectDeadline(body.DueOn, body.Reason, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow(), desk.DayOf(time.GetUtcNow()))),
            m =>
            {
                var text = $"新的完成期限 {m.DueOn:yyyy-MM-dd}：{body.Reason!.Trim()}";
                return desk.ToManagersOf(m.DepartmentId, m, ("执行副总经理修正了改进期限", "The executive VP corrected the deadline"), (text, text), cancellationToken);
            }, cancellationToken);
    }
}
