using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;

namespace Guanxi.Web.Features.Complaints;

/// <summary>SVC-2: the customer is back: the clock runs again and the due times are what remained, counted from now.</summary>
public sealed class ResumeComplaint(ComplaintDesk desk, TimeProvider time)
{
    public Task<Result<ComplaintView>> Handle(Guid id, Guid? version = null, CancellationToken cancellationToken = default) =>
        desk.Act(id, ComplaintAction.Resume, version, (hand, rules) =>
            Task.FromResult(hand.Complaint.Resume(Actor.Staff(hand.Viewer.UserId), time.GetUtcNow(), rules)), cancellationToken);
}
