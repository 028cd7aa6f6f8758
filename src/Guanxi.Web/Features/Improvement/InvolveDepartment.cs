using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>CAPA-4: another department is asked to take a part of the measure; its managers are told and confirm it.</summary>
public sealed class InvolveDepartment(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, InvolveBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, m) => MeasureAccess.CanInvolve(viewer, m) ? null : MeasureErrors.NotCoordinator, async hand =>
        {
            if (body.DepartmentId is not { } department || !await desk.DepartmentExists(department, cancellationToken))
                return string.IsNullOrWhiteSpace(body.Part) ? Result<Done>.Fail(MeasureErrors.DepartmentNotFound, MeasureErrors.PartRequired) : MeasureErrors.DepartmentNotFound;
            return hand.Measure.Involve(department, body.Part, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow());
        }, m => desk.ToManagersOf(body.DepartmentId!.Value, m, ("请协同改进措施", "Your department is asked to help with a measure"), (body.Part!.Trim(), body.Part!.Trim()), cancellationToken),
        cancellationToken);
    }
}
