using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Tasks;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>
/// 我的任务's survey calls: the survey tasks assigned to a callback specialist (SAT-1), those to call first by their
/// window's last day. A task whose window passed takes no answer any more (SAT-2): it is overdue until its reason is
/// recorded (SAT-3), then done with — <see cref="SurveyTask.NextStep"/>, read here from the columns.
/// </summary>
public sealed class SurveyCalls(GuanxiDbContext db, EnterpriseClock clock, IEnumerable<ISurveySubjects> subjects) : IAssignedWork
{
    public const string Kind = "surveyCall";

    public async Task<AssignedWork?> Mine(Viewer viewer, TaskState? state, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(paging);
        if (!SurveyAccess.RunsSurveys(viewer))
            return null;
        var today = clock.Today;
        var pending = SurveyOutcome.Pending;
        var tasks = db.Set<SurveyTask>().AsNoTracking().Where(t => t.AssigneeId == viewer.UserId);
        var counts = await tasks.GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(t => t.Outcome == pending && (t.Due >= today || t.OverdueReason == null)),
            Overdue = g.Count(t => t.Outcome == pending && t.Due < today && t.OverdueReason == null),
            Done = g.Count(t => t.Outcome != pending || t.Due < today && t.OverdueReason != null),
        }).FirstOrDefaultAsync(cancellationToken);
        tasks = state switch
        {
            TaskState.Open => tasks.Where(t => t.Outcome == pending && (t.Due >= today || t.OverdueReason == null)),
            TaskState.Overdue => tasks.Where(t => t.Outcome == pending && t.Due < today && t.OverdueReason == null),
            TaskState.Done => tasks.Where(t => t.Outcome != pending || t.Due < today && t.OverdueReason != null),
            _ => tasks,
        };
        var total = await tasks.CountAsync(cancellationToken);
        var english = Cultures.IsEnglish;
        var rows = await (from t in tasks
                          join c in db.Set<Customer>() on t.CustomerId equals c.Id
                          let toDo = t.Outcome == pending && (t.Due >= today || t.OverdueReason == null)
                          orderby toDo descending, toDo ? t.Due : DateOnly.MinValue, t.Due descending, t.Id
                          select new
                          {
                              t.Id, t.CustomerId, c.Name, t.Kind, t.ProgramId, t.Opens, t.Due, t.Outcome, t.OverdueReason,
                              Program = db.Set<SurveyProgram>().Where(p => p.Id == t.ProgramId).Select(p => p.Name).FirstOrDefault(),
                          })
            .Skip(paging.Offset).Take(paging.Size).ToListAsync(cancellationToken);
        var about = await ListSurveyTasks.Subjects(viewer, subjects, [.. rows.Where(r => r.ProgramId != null).Select(r => r.Id)], cancellationToken);
        string What(Guid id, string? program, SurveyKind kind) =>
            (program ?? SurveyTexts.Kind(kind, english)) + (about.GetValueOrDefault(id) is { } subject ? (english ? ": " : "：") + subject.Text : "");
        var items = rows.Select(r => new AssignedWorkItem(r.Id, r.CustomerId, r.Name, What(r.Id, r.Program, r.Kind), r.Opens, r.Due,
            StateOf(r.Outcome, r.Due, r.OverdueReason is not null, today), $"/surveys/tasks/{r.Id}", r.OverdueReason)).ToList();
        return new AssignedWork(Kind, items, total, counts?.Open ?? 0, counts?.Overdue ?? 0, counts?.Done ?? 0, paging.Number, paging.Size);
    }

    /// <summary>Where a survey task stands for its assignee: what <see cref="SurveyTask.NextStep"/> says is left to do.</summary>
    public static WorkState StateOf(SurveyOutcome outcome, DateOnly due, bool explained, DateOnly today) => SurveyTask.StepOf(outcome, due, explained, today) switch
    {
        SurveyStep.Survey => WorkState.Open,
        SurveyStep.ExplainOverdue => WorkState.Overdue,
        _ => outcome == SurveyOutcome.Pending ? WorkState.Explained : WorkState.Done,
    };
}
