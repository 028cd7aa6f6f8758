using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>CAPA-5: the department's manager changes the plan with its reason; customer service and the VP are told at once.</summary>
public sealed class ChangeMeasurePlan(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, PlanChangeBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, m) => MeasureAccess.ManagesDepartment(viewer, m.DepartmentId) ? null : MeasureErrors.NotDepartmentManager, async hand =>
        {
            var read = await MeasurePlans.Read(desk, body.Actions, cancellationToken);
            var anyDone = hand.Measure.CurrentActions.Any(a => a.IsDone);
            if (MeasurePlans.Check(read, body.DueOn, desk.DayOf(time.GetUtcNow()), allowEmpty: anyDone) is { Count: > 0 } errors)
                return Result<Done>.Fail(string.IsNullOrWhiteSpace(body.Reason) ? [MeasureErrors.ReasonRequired, .. errors] : errors);
            return hand.Measure.ChangePlan(body.Reason, read.Actions, body.DueOn, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow(), desk.DayOf(time.GetUtcNow()));
        }, async m =>
        {
            var text = $"{body.Reason!.Trim()}。新计划：{MeasurePlans.Text(m)}";
            await desk.ToVpAndCustomerService(m, ("改进计划已变更", "The improvement plan changed"), (text, text), cancellationToken);
        }, cancellationToken);
    }
}
