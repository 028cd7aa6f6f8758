using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>An answer as sent: the value may be a number, text, or true/false (是/否).</summary>
public sealed record AnswerBody(string? QuestionId, JsonElement Value)
{
    public Answer ToAnswer() => new(QuestionId ?? "", Value.ValueKind switch
    {
        JsonValueKind.String => Value.GetString(),
        JsonValueKind.Number => Value.GetRawText(),
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        _ => null,
    });
}

public sealed record SurveyResponseBody(string? Method, IReadOnlyList<AnswerBody>? Answers, string? Comment, string? Invalid, string? Note);

public sealed record SurveyResponseView(Guid Id, Guid TaskId, SurveyMethod Method, SurveyOutcome Outcome, Guid? VersionId, double? ItemScore, double? OverallScore,
    int? Recommend, bool HiddenProblem, DateOnly RespondedOn, Guid? Supersedes);

/// <summary>
/// SAT-5, SAT-7, SAT-9: a questionnaire as the customer answered it (by phone, on site, by mail or through the link), or
/// an invalid one with its reason, on the questionnaire version in effect that day. Within the window a second response
/// supersedes the first; both are kept and the last counts. A task opened on request of another feature (a complaint's
/// satisfaction check) tells it, in the same save (<see cref="ISurveySubjects.Answered"/>).
/// </summary>
public sealed class RecordSurveyResponse(GuanxiDbContext db, Customers.CustomerViewers viewers, CurrentUser user, SurveyLinks links, EnterpriseSettings settings,
    EscalateSurveyProblems escalate, IEnumerable<ISurveySubjects> subjects, EnterpriseClock clock, TimeProvider time)
{
    public const string HiddenGapKey = "surveys.hiddenGap";
    public const double DefaultHiddenGap = 30;

    public static readonly Error MethodRequired = new("survey.method", "方式只能是 phone、onSite、mail 或 link。", "method is phone, onSite, mail or link.", "method");
    public static readonly Error InvalidReason = new("survey.invalid_reason", "无效原因只能是 incomplete、unreachable 或 falseArchive。", "invalid is incomplete, unreachable or falseArchive.", "invalid");

    /// <summary>Customer service records what the customer said (by phone, on site, by mail), or why the questionnaire is invalid.</summary>
    /// <param name="version">The task's version as read (If-Match), when the caller sends one: an older one is refused.</param>
    public async Task<Result<SurveyResponseView>> Handle(Guid taskId, SurveyResponseBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.RunsSurveys(viewer))
            return SurveyErrors.NotCustomerService;
        if (await db.Set<SurveyTask>().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) is not { } task)
            return SurveyErrors.TaskNotFound;
        if (Versions.Check(version, task.Version, required: false) is { } stale)
            return stale;
        return await Record(task, body, byLink: false, cancellationToken);
    }

    /// <summary>The customer answers through the SMS link, without logging in: the signed token is the caller's right, once (SAT-7).</summary>
    public async Task<Result<SurveyResponseView>> ByLink(string? token, SurveyResponseBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var read = links.Read(token);
        if (!read.Succeeded)
            return Result<SurveyResponseView>.Fail(read.Errors);
        if (await db.Set<SurveyTask>().SingleOrDefaultAsync(t => t.Id == read.Value, cancellationToken) is not { } task)
            return SurveyErrors.LinkNotFound;
        return await Record(task, body with { Method = nameof(SurveyMethod.Link), Invalid = null }, byLink: true, cancellationToken);
    }

    private async Task<Result<SurveyResponseView>> Record(SurveyTask task, SurveyResponseBody body, bool byLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!ApiEnums.TryParse<SurveyMethod>(body.Method, out var method) || method is null || (method == SurveyMethod.Link) != byLink)
            return MethodRequired;
        if (!ApiEnums.TryParse<SurveyOutcome>(body.Invalid, out var invalid) || invalid is SurveyOutcome.Pending or SurveyOutcome.Completed)
            return InvalidReason;
        var (today, now) = (clock.Today, time.GetUtcNow());
        if (task.Window.IsOverdueOn(today))
            return SurveyErrors.WindowClosed;
        var by = byLink ? Actor.System() : Actor.Staff(user.Id);   // an answer by link is the customer's, recorded by the system
        if (byLink && await db.Set<SurveyResponse>().AnyAsync(r => r.TaskId == task.Id && r.Method == SurveyMethod.Link, cancellationToken))
            return SurveyErrors.LinkUsed;

        Result<SurveyResponse> made;
        QuestionnaireVersion? version = null;
        if (invalid is { } reason)
            made = SurveyResponse.Invalid(task.Id, method.Value, reason, body.Note, by, today, now);
        else
        {
            version = await SurveyQuestionnaires.Current(db, task, today, cancellationToken) ?? throw new InvalidOperationException($"No questionnaire is in effect for task {task.Id}.");
            var gap = await settings.Get(HiddenGapKey, DefaultHiddenGap, cancellationToken);
            made = SurveyResponse.Answered(task.Id, method.Value, version, [.. (body.Answers ?? []).Select(a => a.ToAnswer())], body.Comment, gap, by, today, now);
        }
        if (!made.Succeeded)
            return Result<SurveyResponseView>.Fail(made.Errors);
        var response = made.Value!;
        var previous = task.ResponseId is { } id ? await db.Set<SurveyResponse>().SingleAsync(r => r.Id == id, cancellationToken) : null;
        var responded = task.Respond(response, today, now);
        if (!responded.Succeeded)
            return Result<SurveyResponseView>.Fail(responded.Errors);
        previous?.SupersedeWith(response);
        db.Add(response);
        if (version is not null)
            await escalate.Handle(task, response, version, previous?.Id, cancellationToken);
        foreach (var subject in subjects)
            await subject.Answered(task, response, by, cancellationToken);
        if (await db.SaveOrRacedAsync(byLink ? SurveyErrors.LinkUsed : Versions.Raced, cancellationToken) is { } raced)
            return raced;
        return new SurveyResponseView(response.Id, task.Id, response.Method, response.Outcome, response.VersionId, response.ItemScore, response.OverallScore,
            response.Recommend, response.HiddenProblem, response.RespondedOn, previous?.Id);
    }
}
