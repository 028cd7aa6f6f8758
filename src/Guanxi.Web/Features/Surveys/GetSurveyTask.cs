using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>A call that gave no questionnaire: <see cref="By"/> names who called as today; <see cref="ById"/> is their id.</summary>
public sealed record AttemptView(AttemptResult Result, string ResultText, DateTimeOffset? CallBackAt, string? Note, DateTimeOffset At, string By, string ById);

public sealed record ResponseDetail(Guid Id, SurveyMethod Method, string MethodText, SurveyOutcome Outcome, string OutcomeText, DateOnly RespondedOn, string? RecordedBy,
    int? VersionNumber, IReadOnlyList<AnsweredQuestion> Answers, string? Comment, string? Note, double? ItemScore, double? OverallScore, int? Recommend,
    bool HiddenProblem, bool Counts, string? RecordedById);

public sealed record AnsweredQuestion(string QuestionId, string Question, string? Value);

/// <summary>What the call needs (SAT-1: nobody retypes it): the customer, the order, the staff who served, and the script.</summary>
public sealed record SurveyTaskDetail(SurveyTaskView Task, string? Program, string? Phone, string? OrderNo, DateOnly DeliveredOn, string? Model, string? Plate,
    IReadOnlyList<string> Items, string? Department, string? Staff, IReadOnlyList<AttemptView> Attempts, QuestionnaireVersionView? Script,
    IReadOnlyList<ResponseDetail>? Responses, Guid Version);

/// <summary>
/// A survey task as the callback specialist works it: the call sheet and the questionnaire as a phone script, with the
/// attempts so far. Its answers (SAT-6) show to customer service, and — once the month of the answer is published — to
/// leadership and the manager of the task's department; to nobody else. Opening a call sheet logs the unmasked view (ARC-9).
/// </summary>
public sealed class GetSurveyTask(GuanxiDbContext db, CustomerViewers viewers, PersonalDataLog log, EnterpriseClock clock, StaffNames staffNames, IEnumerable<ISurveySubjects> subjects)
{
    public async Task<Result<SurveyTaskDetail>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.OpensCallSheets(viewer))
            return SurveyErrors.NotCustomerService;
        var row = await (from t in db.Set<SurveyTask>().AsNoTracking()
                         join c in db.Set<Customer>() on t.CustomerId equals c.Id
                         join o in db.Set<Order>() on t.OrderId equals o.Id into os
                         from o in os.DefaultIfEmpty()
                         where t.Id == id
                         select new { t, c, o }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || !SurveyAccess.OpensCallSheet(viewer, row.t.DepartmentId))
            return SurveyErrors.TaskNotFound;
        var runs = SurveyAccess.RunsSurveys(viewer);
        var (task, customer, order) = (row.t, row.c, row.o);
        var english = Cultures.IsEnglish;
        var today = clock.Today;

        var department = (await DepartmentNames.All(db, cancellationToken)).GetValueOrDefault(task.DepartmentId);
        var attempts = await db.Set<SurveyAttempt>().AsNoTracking().Where(a => a.TaskId == id).OrderBy(a => a.At)
            .Select(a => new { a.Result, a.CallBackAt, a.Note, a.At, a.ById, a.ByText }).ToListAsync(cancellationToken);
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.RespondedAt).ToListAsync(cancellationToken);
        var names = await staffNames.Of([task.StaffId, task.AssigneeId, .. attempts.Select(a => a.ById), .. responses.Select(r => r.RecordedById)], cancellationToken);
        var subject = task.ProgramId is null ? null : (await ListSurveyTasks.Subjects(viewer, subjects, [task.Id], cancellationToken)).GetValueOrDefault(task.Id);
        var view = new SurveyTaskView(task.Id, task.CustomerId, customer.Name, task.OrderId, task.Kind, task.DeliveredOn, task.Opens, task.Due,
            ListSurveyTasks.StatusOf(task, today), task.AssigneeId, names.WhoIfAny(task.AssigneeId), task.Attempts, task.CallBackAt, task.OverdueReason, task.ProgramId, task.NextStep(today),
            subject?.Text, subject?.Link);
        var phone = customer.Phones.Select(p => p.Number).FirstOrDefault();
        if (runs && phone is not null)
            await log.RecordAsync(PersonalDataAccessKind.View, customer.Id, 1, $"survey call sheet {task.Id}", cancellationToken);

        var published = await PublishedMonths(responses.Select(r => r.RespondedOn), cancellationToken);
        var readable = responses.Where(r => SurveyAccess.ReadsAnswers(viewer, published.Contains(Month(r.RespondedOn)))).ToList();
        var versions = await VersionsOf(readable.Select(r => r.VersionId).OfType<Guid>().Append(Guid.Empty).ToList(), cancellationToken);
        var program = task.ProgramId is { } p ? await db.Set<SurveyProgram>().Where(x => x.Id == p).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        return new SurveyTaskDetail(view, program, runs ? phone : phone is null ? null : PersonalDataMask.Phone(phone), order?.ExternalNo, task.DeliveredOn, order?.VehicleModel, order?.VehiclePlate,
            [.. (order?.Items ?? []).Select(i => i.Name).Distinct().Take(20)], department, names.WhoIfAny(task.StaffId),
            [.. attempts.Select(a => new AttemptView(a.Result, SurveyTexts.Attempt(a.Result, english), a.CallBackAt, a.Note, a.At, names.Who(a.ById, text: a.ByText), a.ById))],
            runs ? await Script(task, today, cancellationToken) : null,
            runs || readable.Count > 0 ? [.. readable.Select(r => Detail(r, versions, names, english))] : null, task.Version);
    }

    private static string Month(DateOnly day) => ReportPeriod.Month(new DateOnly(day.Year, day.Month, 1)).Key;

    private async Task<HashSet<string>> PublishedMonths(IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        var months = days.Select(Month).Distinct().ToList();
        return [.. await db.Set<SatisfactionReportRun>().Where(r => r.Kind == ReportKind.Monthly && months.Contains(r.Period) && r.PublishedAt != null)
            .Select(r => r.Period).ToListAsync(cancellationToken)];
    }

    private Task<Dictionary<Guid, QuestionnaireVersion>> VersionsOf(List<Guid> ids, CancellationToken cancellationToken) =>
        db.Set<QuestionnaireVersion>().AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);

    private static ResponseDetail Detail(SurveyResponse r, Dictionary<Guid, QuestionnaireVersion> versions, ActorNames names, bool english)
    {
        var version = r.VersionId is { } v ? versions[v] : null;
        return new ResponseDetail(r.Id, r.Method, SurveyTexts.Method(r.Method, english), r.Outcome, SurveyTexts.Outcome(r.Outcome, english), r.RespondedOn, names.Who(r.RecordedById, r.RecordedByCause, r.RecordedByText), version?.Number,
            [.. r.Answers.Select(a => new AnsweredQuestion(a.QuestionId, version?.Questions.FirstOrDefault(q => q.Id == a.QuestionId) is { } q ? (english ? q.TextEn ?? q.Text : q.Text) : a.QuestionId, a.Value))],
            r.Comment, r.Note, r.ItemScore, r.OverallScore, r.Recommend, r.HiddenProblem, r.SupersededBy is null, r.RecordedById);
    }

    /// <summary>The questionnaire in effect today for the task's kind, read out as a phone script.</summary>
    private async Task<QuestionnaireVersionView?> Script(SurveyTask task, DateOnly today, CancellationToken cancellationToken) =>
        await SurveyQuestionnaires.Current(db, task, today, cancellationToken) is { } version
            ? new QuestionnaireVersionView(version.Id, version.Number, version.EffectiveFrom, null, true, false, version.Questions)
            : null;
}
