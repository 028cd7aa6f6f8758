using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>
/// CAPA-7: the executive VP proposes a penalty for a measure not carried out in time or without visible effect — the rule of
/// the company's reward and penalty scheme, the person (optional) and the department, a note; kept on their records.
/// </summary>
public sealed class ProposePenalty(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, PenaltyBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, _) => MeasureAccess.IsVp(viewer) ? null : MeasureErrors.NotVp, async hand =>
        {
            var errors = new List<Error>();
            if (body.DepartmentId is not { } department || !await desk.DepartmentExists(department, cancellationToken))
                errors.Add(MeasureErrors.DepartmentNotFound);
            if (!string.IsNullOrWhiteSpace(body.StaffId) && !(await desk.ActiveStaff([body.StaffId], cancellationToken)).Contains(body.StaffId))
                errors.Add(MeasureErrors.StaffNotFound);
            if (errors.Count > 0)
                return Result<Done>.Fail(errors);
            var proposed = hand.Measure.ProposePenalty(body.StaffId, body.DepartmentId!.Value, body.Rule, body.Note, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow(), desk.DayOf(time.GetUtcNow()));
            return proposed.Succeeded ? Result<Done>.Ok(default) : Result<Done>.Fail(proposed.Errors);
        }, async m =>
        {
            var text = $"{body.Rule!.Trim()}{(string.IsNullOrWhiteSpace(body.Note) ? "" : "：" + body.Note.Trim())}";
            await desk.ToManagersOf(body.DepartmentId!.Value, m, ("执行副总经理提出处罚意见", "The executive VP proposed a penalty"), (text, text), cancellationToken);
            if (!string.IsNullOrWhiteSpace(body.StaffId))
                await desk.ToStaff([body.StaffId], m, ("执行副总经理提出处罚意见", "The executive VP proposed a penalty"), (text, text), cancellationToken);
        }, cancellationToken);
    }
}
