using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>
/// CAPA-4: a coordination the departments cannot settle goes to the executive VP — by the responsible or the involved
/// department's manager (or by the job, when an involved department has not confirmed in time: <see cref="CheckMeasureTimes"/>).
/// </summary>
public sealed class EscalateCoordination(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, CoordinationBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var department = body.DepartmentId;
        return await desk.Act(id, version,
            (viewer, m) => MeasureAccess.ManagesDepartment(viewer, m.DepartmentId) || department is { } d && MeasureAccess.ManagesDepartment(viewer, d) ? null : MeasureErrors.NotInvolvedManager,
            hand => Task.FromResult(department is { } d
                ? hand.Measure.EscalateCoordination(d, body.Note, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow())
                : Result<Done>.Fail(MeasureErrors.DepartmentNotFound)),
            m => desk.ToVp(m, ("协同事项上报，请协调", "A coordination needs your help"), (body.Note ?? "", body.Note ?? ""), cancellationToken),
            cancellationToken);
    }
}
