using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-2: a resolved (or closed) complaint asks the customer, through the survey engine, whether it was handled to their
/// satisfaction — one survey task in the complaint checks' program (<see cref="ProgramPopulation.ResolvedComplaints"/>),
/// for the callback specialists' queue, due on the program's last working day, saved with the complaint's step in one go.
/// Who may ask is who handles the complaint (<see cref="ComplaintAccess.Handles"/>). Once per complaint: a second request,
/// or the same one sent twice at once, answers 409 naming the task asked before (<c>taskId</c>).
/// </summary>
public sealed class RequestSatisfactionCheck(GuanxiDbContext db, ComplaintDesk desk, OpenSurveyOnRequest surveys, EnterpriseClock clock, TimeProvider time)
{
    public async Task<Result<ComplaintView>> Handle(Guid id, CheckBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var done = await desk.Act(id, ComplaintAction.CheckSatisfaction, version, async (hand, rules) =>
        {
            var complaint = hand.Complaint;
            if (complaint.SatisfactionCheckRefused(body.Note) is { } refused)
                return refused;
            var resolvedOn = DateOnly.FromDateTime(clock.ToLocal(complaint.ResolvedAt ?? time.GetUtcNow()).DateTime);
            var task = await surveys.Handle(ProgramPopulation.ResolvedComplaints,
                new SurveyRequest(complaint.CustomerId, complaint.DepartmentId, complaint.StaffId, resolvedOn), rules.Calendar, cancellationToken);
            if (!task.Succeeded)
                return Result<Done>.Fail(task.Errors);
            return complaint.AskSatisfactionCheck(task.Value!.Id, body.Note, Actor.Staff(hand.Viewer.UserId), time.GetUtcNow());
        }, cancellationToken);
        if (done.Succeeded || done.Kind != ErrorKind.Conflict || done.Errors[0].Code != Versions.Raced.Code)
            return done;
        // Raced: the same request at the same moment won, or someone else acted — name the task when it is the check.
        db.ChangeTracker.Clear();
        return await db.Set<Complaint>().Where(c => c.Id == id).Select(c => c.CheckTaskId).SingleOrDefaultAsync(cancellationToken) is { } asked
            ? ComplaintErrors.CheckAlreadyAsked(asked)
            : done;
    }
}
