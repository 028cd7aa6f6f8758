using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;

namespace Guanxi.Web.Features.Complaints;

/// <summary>SVC-2: the first answer to the customer, with what they were told: the response time stops, the resolution time runs on.</summary>
public sealed class RespondToComplaint(ComplaintDesk desk, TimeProvider time)
{
    public Task<Result<ComplaintView>> Handle(Guid id, NoteBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return desk.Act(id, ComplaintAction.Respond, version, (hand, rules) =>
            Task.FromResult(hand.Complaint.Respond(body.Note, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow(), rules)), cancellationToken);
    }
}
