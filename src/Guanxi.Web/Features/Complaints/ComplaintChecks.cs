using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-2: the complaints' part in their satisfaction checks, which stay the survey engine's tasks. The callback
/// specialist's queue and call sheet show the complaint's summary and link (to whoever sees the complaint, ARC-9); an answer
/// recorded on the task — by phone, or by the customer through the link — is recorded on the complaint as a step with its
/// verdict (<see cref="ComplaintCheck.Verdict"/>). An unsatisfied customer is told, in the app, to whoever asked for the
/// check and the complaint's assignee; the complaint is not reopened by itself: its handlers decide.
/// </summary>
public sealed class ComplaintChecks(GuanxiDbContext db, Notifier notifier, TimeProvider time) : ISurveySubjects
{
    public async Task<IReadOnlyDictionary<Guid, SurveySubject>> Of(Viewer viewer, IReadOnlyCollection<Guid> taskIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(taskIds);
        var ids = taskIds.Select(id => (Guid?)id).ToList();
        var rows = await (from c in db.Set<Complaint>().AsNoTracking()
                          join customer in db.Set<Customer>() on c.CustomerId equals customer.Id
                          where ids.Contains(c.CheckTaskId)
                          select new { TaskId = c.CheckTaskId!.Value, c.Id, c.Summary, customer.OwnerId, CustomerDepartmentId = customer.DepartmentId, c.DepartmentId, c.StaffId, c.AssigneeId, c.Status })
            .ToListAsync(cancellationToken);
        return rows.Where(r => ComplaintAccess.Sees(viewer, new ComplaintFacts(r.CustomerDepartmentId, r.OwnerId, r.DepartmentId, r.StaffId, r.AssigneeId, r.Status)))
            .ToDictionary(r => r.TaskId, r => new SurveySubject(r.Summary, $"/complaints/{r.Id}"));
    }

    public async Task Answered(SurveyTask task, SurveyResponse response, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(response);
        if (task.ProgramId is null || await db.Set<Complaint>().SingleOrDefaultAsync(c => c.CheckTaskId == task.Id, cancellationToken) is not { } complaint)
            return;
        var satisfied = ComplaintCheck.Verdict(response);
        complaint.RecordSatisfactionCheck(task.Id, satisfied, response.Outcome == SurveyOutcome.Completed ? response.Comment : response.Note, by, time.GetUtcNow());
        db.AddRange(complaint.TakeNewSteps());
        if (satisfied == false)
            await TellUnsatisfied(complaint, response, cancellationToken);
    }

    private async Task TellUnsatisfied(Complaint complaint, SurveyResponse response, CancellationToken cancellationToken)
    {
        var askedBy = await db.Set<ComplaintStep>().Where(s => s.ComplaintId == complaint.Id && s.Kind == ComplaintStepKind.CheckAsked)
            .OrderByDescending(s => s.At).Select(s => s.ById).FirstOrDefaultAsync(cancellationToken);
        var people = new[] { askedBy, complaint.AssigneeId }.OfType<string>().Where(id => id != Actor.SystemId).Distinct().ToList();
        var active = await db.Users.Where(u => people.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken);
        if (active.Count == 0)
            return;
        var customer = await db.Set<Customer>().Where(c => c.Id == complaint.CustomerId).Select(c => c.Name).SingleAsync(cancellationToken);
        var solved = ComplaintCheck.Solved(response.Answers) == false ? ("，问题未解决", "; the problem is not solved") : ("", "");
        var score = response.OverallScore is { } s ? s.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "—";
        var (title, titleEn) = ($"客户对投诉处理不满意：{customer}", $"Customer not satisfied with a complaint's handling: {customer}");
        var (body, bodyEn) = ($"{complaint.Summary}：满意度回访总体评分 {score}/100{solved.Item1}。请跟进，必要时重新打开投诉。",
            $"{complaint.Summary}: the satisfaction check scored {score}/100{solved.Item2}. Follow it up; reopen the complaint if need be.");
        await notifier.ToStaff([.. active.Select(user => new StaffNotice(user, complaint.CustomerId, title, titleEn, body, bodyEn, $"/complaints/{complaint.Id}"))], cancellationToken);
    }
}
