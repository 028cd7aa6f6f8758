using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>
/// CAPA-3: the responsible department's plan — actions, each with an active member of staff who answers for it and a day,
/// and the measure's deadline — reported at once to customer service and the VP; each owner is told. A plan after its
/// last day is marked late.
/// </summary>
public sealed class PlanMeasure(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, PlanBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, m) => MeasureAccess.ManagesDepartment(viewer, m.DepartmentId) ? null : MeasureErrors.NotDepartmentManager, async hand =>
        {
            var read = await MeasurePlans.Read(desk, body.Actions, cancellationToken);
            if (MeasurePlans.Check(read, body.DueOn, desk.DayOf(time.GetUtcNow()), allowEmpty: false) is { Count: > 0 } errors)
                return Result<Done>.Fail(errors);
            return hand.Measure.Plan(read.Actions, body.DueOn, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow(), desk.DayOf(time.GetUtcNow()));
        }, async m =>
        {
            var plan = MeasurePlans.Text(m);
            await desk.ToVpAndCustomerService(m, ("改进计划已制定", "The improvement plan is set"), (plan, plan), cancellationToken);
            await desk.ToStaff(m.CurrentActions.Where(a => !a.IsDone).Select(a => a.OwnerId), m, ("您有一项改进行动", "An improvement action is yours"), (plan, plan), cancellationToken);
        }, cancellationToken);
    }
}
