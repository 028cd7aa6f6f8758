using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;

namespace Guanxi.Web.Features.Complaints;

/// <summary>SVC-2: confirmed with the customer — satisfied, not satisfied, or not reached (null) — and closed.</summary>
public sealed class CloseComplaint(ComplaintDesk desk, TimeProvider time)
{
    public Task<Result<ComplaintView>> Handle(Guid id, CloseBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return desk.Act(id, ComplaintAction.Close, version, (hand, _) =>
            Task.FromResult(hand.Complaint.Close(body.CustomerSatisfied, body.Note, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow())), cancellationToken);
    }
}
