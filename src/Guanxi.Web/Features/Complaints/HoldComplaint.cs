using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;

namespace Guanxi.Web.Features.Complaints;

/// <summary>SVC-2: waiting on the customer, with the reason: the clock stops and the pause shows until it is resumed.</summary>
public sealed class HoldComplaint(ComplaintDesk desk, TimeProvider time)
{
    public Task<Result<ComplaintView>> Handle(Guid id, ReasonBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return desk.Act(id, ComplaintAction.Hold, version, (hand, rules) =>
            Task.FromResult(hand.Complaint.Hold(body.Reason, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow(), rules)), cancellationToken);
    }
}
