using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-2: resolved, with how; both times stop. Marked as needing an improvement measure, the complaint is recorded as a
/// problem for improvement (once per complaint), as escalated survey results are (issue 23 item 8, CAPA-1).
/// </summary>
public sealed class ResolveComplaint(GuanxiDbContext db, ComplaintDesk desk, EnterpriseClock clock, TimeProvider time)
{
    public Task<Result<ComplaintView>> Handle(Guid id, ResolveBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return desk.Act(id, ComplaintAction.Resolve, version, async (hand, rules) =>
        {
            var complaint = hand.Complaint;
            var now = time.GetUtcNow().ToUniversalTime();
            var resolved = complaint.Resolve(body.Resolution, body.Note, body.NeedsImprovement, Actor.Staff(hand.Viewer.UserId), now, rules);
            if (resolved.Succeeded && body.NeedsImprovement
                && !await db.Set<ServiceProblem>().AnyAsync(p => p.Kind == ServiceProblemKind.Complaint && p.SourceId == complaint.Id, cancellationToken))
                db.Add(ServiceProblem.Of(complaint, ComplaintDesk.CategoryName(await desk.Categories(cancellationToken), complaint.Category), DateOnly.FromDateTime(clock.ToLocal(now).DateTime), now));
            return resolved;
        }, cancellationToken);
    }
}
