using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>CAPA-4: the involved department's manager confirms its part; the responsible department's managers are told.</summary>
public sealed class ConfirmInvolvement(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, CoordinationBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var department = body.DepartmentId;
        return await desk.Act(id, version, (viewer, _) => department is { } d && MeasureAccess.ManagesDepartment(viewer, d) ? null : MeasureErrors.NotInvolvedManager,
            hand => Task.FromResult(hand.Measure.ConfirmInvolvement(department!.Value, body.Note, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow())),
            m => desk.ToManagersOf(m.DepartmentId, m, ("协同部门已确认", "An involved department confirmed its part"), (body.Note ?? "", body.Note ?? ""), cancellationToken),
            cancellationToken);
    }
}
