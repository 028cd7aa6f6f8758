using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Web.Data;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-2, SVC-11: a complaint or inquiry received on any channel, classified and assessed, now. Those who record complaints
/// (<see cref="ComplaintAccess.Records"/>) receive it; the rest is <see cref="ComplaintReception"/>'s, which a file's
/// complaints go through too: the customer in sight (else 404, as a missing one), a named order that customer's and in
/// sight (else 400), which gives the complaint its department and the member of staff concerned; its times from the
/// customer's tier today and the severity, counted on the enterprise's working calendar from now.
/// </summary>
public sealed class ReceiveComplaint(GuanxiDbContext db, ComplaintDesk desk, ComplaintReception reception, TimeProvider time)
{
    public async Task<Result<ReceivedComplaint>> Handle(ComplaintBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!ComplaintAccess.Records(viewer))
            return ComplaintErrors.NotRecorder;
        var received = await reception.Receive(viewer, body, Actor.Staff(viewer.UserId), time.GetUtcNow(), null, cancellationToken);
        if (!received.Succeeded)
            return Result<ReceivedComplaint>.Fail(received.Errors);
        var complaint = received.Value!;
        db.Add(complaint);
        db.AddRange(complaint.TakeNewSteps());
        await db.SaveChangesAsync(cancellationToken);
        return new ReceivedComplaint(complaint.Id, complaint.Status, complaint.Tier, desk.Local(complaint.ResponseDueAt), desk.Local(complaint.ResolutionDueAt));
    }
}
