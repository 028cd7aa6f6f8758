using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Calendar;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Features.Surveys;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>A complaint as a handler works it: the caller, the complaint, what the rules know of it, its customer.</summary>
public sealed record ComplaintAtHand(Viewer Viewer, Complaint Complaint, ComplaintFacts Facts, string CustomerName, string? CustomerPhone);

/// <summary>
/// What every complaint handler shares: the rules the clock counts with (the enterprise's calendar, the complaint policy,
/// the tiers' service standards), the category tree, loading a complaint in the caller's sight, acting on it the one way
/// (caller, sight, right, version, the entity's transition, save or lose the race) and showing it.
/// </summary>
public sealed class ComplaintDesk(GuanxiDbContext db, CustomerViewers viewers, EnterpriseSettings settings, EnterpriseCalendar calendar, EnterpriseClock clock,
    StaffNames staffNames, PersonalDataLog log)
{
    public const string CategoriesKey = "complaints.categories";

    public async Task<SlaRules> Rules(CancellationToken cancellationToken) =>
        new(await calendar.Current(cancellationToken), await settings.Get(ComplaintPolicy.SettingsKey, ComplaintPolicy.Default, cancellationToken));

    public Task<IReadOnlyList<ComplaintCategory>> Categories(CancellationToken cancellationToken) =>
        settings.Get(CategoriesKey, ComplaintCategory.Defaults, cancellationToken);

    /// <summary>The tier's standard (GRD-3), as the grading settings keep it.</summary>
    public async Task<ServiceStandard> Standard(Tier tier, CancellationToken cancellationToken) =>
        (await settings.Get(Grading.GradingSettings.StandardsKey, ServiceStandard.Defaults, cancellationToken)).FirstOrDefault(s => s.Tier == tier)
        ?? ServiceStandard.Defaults.Single(s => s.Tier == tier);

    public Task<Viewer?> Caller(CancellationToken cancellationToken) => viewers.Current(cancellationToken);

    /// <summary>The complaint, in the caller's sight, tracked when it is to change; null when missing or out of sight (both a 404).</summary>
    public async Task<ComplaintAtHand?> Load(Viewer viewer, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var complaints = tracked ? db.Set<Complaint>() : db.Set<Complaint>().AsNoTracking();
        var row = await (from c in complaints
                         join customer in db.Set<Customer>() on c.CustomerId equals customer.Id
                         where c.Id == id
                         select new { c, customer.Name, customer.OwnerId, customer.DepartmentId, customer.Phones }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var facts = new ComplaintFacts(row.DepartmentId, row.OwnerId, row.c.DepartmentId, row.c.StaffId, row.c.AssigneeId, row.c.Status);
        return ComplaintAccess.Sees(viewer, facts) ? new ComplaintAtHand(viewer, row.c, facts, row.Name, row.Phones.Select(p => p.Number).FirstOrDefault()) : null;
    }

    /// <summary>
    /// A person's action on a complaint: in sight (else 404), theirs to take (else 403), the version they read when they
    /// send one (else 412), allowed in the complaint's state (else 409), saved unless someone else acted first (409).
    /// </summary>
    public async Task<Result<ComplaintView>> Act(Guid id, ComplaintAction action, Guid? version, Func<ComplaintAtHand, SlaRules, Task<Result<Done>>> act, CancellationToken cancellationToken)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (await Load(viewer, id, tracked: true, cancellationToken) is not { } hand)
            return ComplaintErrors.NotFound;
        var allowed = action == ComplaintAction.Assign ? ComplaintAccess.Dispatches(viewer, hand.Facts) : ComplaintAccess.Handles(viewer, hand.Facts);
        if (!allowed)
            return action == ComplaintAction.Assign ? ComplaintErrors.NotDispatcher : ComplaintErrors.NotHandler;
        if (Versions.Check(version, hand.Complaint.Version, required: false) is { } stale)
            return stale;
        var rules = await Rules(cancellationToken);
        var done = await act(hand, rules);
        if (!done.Succeeded)
            return Result<ComplaintView>.Fail(done.Errors);
        db.AddRange(hand.Complaint.TakeNewSteps());
        if (await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is { } raced)
            return raced;
        var facts = hand.Facts with { AssigneeId = hand.Complaint.AssigneeId, Status = hand.Complaint.Status };
        return await View(hand with { Facts = facts }, rules, cancellationToken);
    }

    /// <summary>The complaint with its steps as the caller reads it: the customer masked by their sight, names as today, the actions they may take.</summary>
    public async Task<ComplaintView> View(ComplaintAtHand hand, SlaRules rules, CancellationToken cancellationToken)
    {
        var (viewer, c) = (hand.Viewer, hand.Complaint);
        var english = Cultures.IsEnglish;
        var steps = (await db.Set<ComplaintStep>().AsNoTracking().Where(s => s.ComplaintId == c.Id).ToListAsync(cancellationToken))
            .OrderBy(s => s.At).ThenBy(s => s.Kind).ThenBy(s => s.Level).ToList();
        var task = c.CheckTaskId is { } taskId ? await db.Set<SurveyTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) : null;
        var names = await staffNames.Of([c.StaffId, c.AssigneeId, c.ReceivedById, task?.AssigneeId, .. steps.Select(s => s.ById), .. steps.Select(s => s.AssigneeId)], cancellationToken);
        var department = (await DepartmentNames.All(db, cancellationToken)).GetValueOrDefault(c.DepartmentId);
        var orderNo = c.OrderId is { } order ? await db.Set<Order>().Where(o => o.Id == order).Select(o => o.ExternalNo).SingleOrDefaultAsync(cancellationToken) : null;
        var category = CategoryName(await Categories(cancellationToken), c.Category);
        var sight = ComplaintAccess.CustomerShown(viewer, hand.Facts);
        var phone = hand.CustomerPhone is null ? null : sight == CustomerSight.Full ? hand.CustomerPhone : PersonalDataMask.Phone(hand.CustomerPhone);
        if (sight == CustomerSight.Full && phone is not null)
            await log.RecordAsync(PersonalDataAccessKind.View, c.CustomerId, 1, $"complaint {c.Id}", cancellationToken);
        var now = clock.Now;
        var cal = rules.Calendar;
        var left = c.Left(cal, now);
        return new ComplaintView(
            c.Id, c.CustomerId, hand.CustomerName, phone, c.DepartmentId, department, c.StaffId, names.WhoIfAny(c.StaffId),
            c.OrderId, orderNo, c.Tier, c.Channel, c.Category, category, c.Severity, c.Touchpoint,
            c.Summary, c.Details, c.Status, c.AssigneeId, names.WhoIfAny(c.AssigneeId), c.ReceivedById, names.Who(c.ReceivedById), Local(c.ReceivedAt),
            Local(c.ResponseDueAt), Local(c.ResolutionDueAt), Local(c.RespondedAt), Local(c.ResolvedAt), Local(c.ClosedAt),
            Local(c.HeldSince), Hours(c.PausedAt(cal, now))!.Value, c.Pending, Hours(left), left < TimeSpan.Zero,
            c.ResponseMissed(cal, now), c.ResolutionMissed(cal, now), c.EscalationLevel,
            c.Resolution, c.NeedsImprovement, c.CustomerSatisfied, c.ReopenCount, c.Version,
            ComplaintAccess.Actions(viewer, hand.Facts, c),
            [.. steps.Select(s => new ComplaintStepView(s.Kind, ComplaintTexts.Step(s.Kind, english), s.ById, names.Who(s.ById), Local(s.At), s.Note, s.AssigneeId,
                names.WhoIfAny(s.AssigneeId), s.Level, s.Target, s.Satisfied))],
            task is null ? null : await Check(c, task, steps, names, english, cancellationToken));
    }

    /// <summary>
    /// The satisfaction check as the complaint shows it to whoever sees the complaint: the request (its step), the task as
    /// the survey engine knows it, and the response that counts with its answers on the questionnaire version it was given on.
    /// </summary>
    private async Task<SatisfactionCheckView> Check(Complaint c, SurveyTask task, List<ComplaintStep> steps, ActorNames names, bool english, CancellationToken cancellationToken)
    {
        var asked = steps.LastOrDefault(s => s.Kind == ComplaintStepKind.CheckAsked);
        var (askedAt, askedBy) = (asked?.At ?? task.CreatedAt, asked?.ById ?? Actor.SystemId);
        var response = task.ResponseId is { } r ? await db.Set<SurveyResponse>().AsNoTracking().SingleAsync(x => x.Id == r, cancellationToken) : null;
        var version = response?.VersionId is { } v ? await db.Set<QuestionnaireVersion>().AsNoTracking().SingleAsync(x => x.Id == v, cancellationToken) : null;
        var status = ListSurveyTasks.StatusOf(task, clock.Today);
        var overall = version?.Questions.FirstOrDefault(q => q.Dimension == Dimension.Overall) is { } question
            && response!.Answers.FirstOrDefault(a => a.QuestionId == question.Id)?.Value is { } given
            ? question.Scale switch { AnswerScale.OneToFive => $"{given}/5", AnswerScale.OneToTen or AnswerScale.ZeroToTen => $"{given}/10", _ => given }
            : null;
        string Text(string id) => version?.Questions.FirstOrDefault(q => q.Id == id) is { } q ? (english ? q.TextEn ?? q.Text : q.Text) : id;
        var completed = response?.Outcome == SurveyOutcome.Completed;
        return new SatisfactionCheckView(task.Id, Local(askedAt), askedBy, names.Who(askedBy), asked?.Note, status, CheckStatus(status, english), task.Due,
            task.AssigneeId, names.WhoIfAny(task.AssigneeId), task.Attempts, response?.RespondedOn, response is null ? null : ComplaintCheck.Verdict(response),
            overall, response?.OverallScore is { } score ? Math.Round(score, 1) : null, completed ? ComplaintCheck.Solved(response!.Answers) : null,
            [.. (response?.Answers ?? []).Select(a => new AnsweredQuestion(a.QuestionId, Text(a.QuestionId), a.Value))],
            completed ? response!.Comment : null, completed ? null : response?.Note);
    }

    /// <summary>The check's survey task as a complaint's reader says it.</summary>
    public static string CheckStatus(SurveyTaskStatus status, bool english) => status switch
    {
        SurveyTaskStatus.Pending => english ? "Waiting for the call" : "待回访",
        SurveyTaskStatus.Overdue => english ? "Not called in time" : "逾期未回访",
        SurveyTaskStatus.Completed => english ? "Answered" : "已回访",
        SurveyTaskStatus.Incomplete => SurveyTexts.Outcome(SurveyOutcome.Incomplete, english),
        SurveyTaskStatus.Unreachable => SurveyTexts.Outcome(SurveyOutcome.Unreachable, english),
        _ => SurveyTexts.Outcome(SurveyOutcome.FalseArchive, english),
    };

    public static string CategoryName(IReadOnlyList<ComplaintCategory> tree, string code) => tree.FirstOrDefault(t => t.Code == code)?.Name ?? code;

    /// <summary>Working hours to one decimal.</summary>
    public static double? Hours(TimeSpan? span) => span is { } s ? Math.Round(s.TotalHours, 1) : null;

    public DateTimeOffset Local(DateTimeOffset instant) => clock.ToLocal(instant);

    public DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? clock.ToLocal(i) : null;
}
