using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>An action of the plan is done, by its owner or the department's manager; when the last one is, the three parties are asked to accept.</summary>
public sealed class CompleteMeasureAction(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, Guid actionId, ActionDoneBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version,
            (viewer, m) => m.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action ? MeasureErrors.ActionNotFound
                : MeasureAccess.CanCompleteAction(viewer, m, action) ? null : MeasureErrors.NotActionOwner,
            hand => Task.FromResult(hand.Measure.CompleteAction(actionId, body.Note, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow(), desk.DayOf(time.GetUtcNow()))),
            async m =>
            {
                if (m.Status != MeasureStatus.AwaitingAcceptance)
                    return;
                var text = $"改进行动已全部完成，请执行副总经理、客服部和责任部门共同验收（完成期限 {m.DueOn:yyyy-MM-dd}）。";
                await desk.ToVpAndCustomerService(m, ("改进措施待验收", "The measure awaits acceptance"), (text, "Every action is done: the VP, customer service and the department accept it together."), cancellationToken);
                await desk.ToManagersOf(m.DepartmentId, m, ("改进措施待验收", "The measure awaits acceptance"), (text, "Every action is done: the VP, customer service and the department accept it together."), cancellationToken);
            }, cancellationToken);
    }
}
