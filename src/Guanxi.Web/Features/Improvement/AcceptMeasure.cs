using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>
/// CAPA-6: at the deadline (or once every action is done) the executive VP, customer service and the department each sign
/// accepted or not, with a note; the caller signs for the party they are (<see cref="MeasureAccess.PartyFor"/>). Only when all
/// three accept is the measure closed; a refusal is told to the other parties.
/// </summary>
public sealed class AcceptMeasure(MeasureDesk desk, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(Guid id, AcceptanceBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await desk.Act(id, version, (viewer, m) => MeasureAccess.Parties(viewer, m).Count > 0 ? null : MeasureErrors.NotAcceptor, hand =>
        {
            if (body.Accepted is not { } accepted)
                return Task.FromResult(Result<Done>.Fail(MeasureErrors.AcceptedRequired));
            var party = MeasureAccess.PartyFor(hand.Viewer, hand.Measure)!.Value;
            return Task.FromResult(hand.Measure.Accept(party, accepted, body.Note, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow(), desk.DayOf(time.GetUtcNow())));
        }, async m =>
        {
            if (body.Accepted == true)
                return;
            var text = $"验收不通过：{body.Note!.Trim()}";
            await desk.ToVpAndCustomerService(m, ("改进措施验收未通过", "The measure was not accepted"), (text, text), cancellationToken);
            await desk.ToManagersOf(m.DepartmentId, m, ("改进措施验收未通过", "The measure was not accepted"), (text, text), cancellationToken);
        }, cancellationToken);
    }
}
