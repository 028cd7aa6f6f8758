using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;

namespace Guanxi.Web.Features.Complaints;

/// <summary>SVC-2: the customer came back about a resolved or closed complaint: open again, every step kept, a new resolution time from now.</summary>
public sealed class ReopenComplaint(ComplaintDesk desk, TimeProvider time)
{
    public Task<Result<ComplaintView>> Handle(Guid id, ReasonBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return desk.Act(id, ComplaintAction.Reopen, version, (hand, rules) =>
            Task.FromResult(hand.Complaint.Reopen(body.Reason, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow(), rules)), cancellationToken);
    }
}
