using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

public sealed record SurveyAttemptBody(string? Result, string? Note, DateTimeOffset? CallBackAt);

/// <summary>SAT-7: a call that gave no questionnaire, logged with the task (no answer, busy, wrong number, refused, call back at …).</summary>
public sealed class RecordSurveyAttempt(GuanxiDbContext db, Customers.CustomerViewers viewers, CurrentUser user, TimeProvider time)
{
    public static readonly Error ResultRequired = new("survey.attempt_result", "结果只能是 noAnswer、busy、wrongNumber、refused 或 callBack。", "result is noAnswer, busy, wrongNumber, refused or callBack.", "result");
    public static readonly Error CallBackRequired = new("survey.call_back_at", "约定回电请填写回电时间。", "Give the time to call back.", "callBackAt");

    /// <param name="version">The task's version as read (If-Match), when the caller sends one: an older one is refused.</param>
    public async Task<Result<Guid>> Handle(Guid taskId, SurveyAttemptBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.RunsSurveys(viewer))
            return SurveyErrors.NotCustomerService;
        if (await db.Set<SurveyTask>().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) is not { } task)
            return SurveyErrors.TaskNotFound;
        if (Versions.Check(version, task.Version, required: false) is { } stale)
            return stale;
        var errors = new List<Error>();
        if (!Shared.Api.ApiEnums.TryParse<AttemptResult>(body.Result, out var result) || result is null)
            errors.Add(ResultRequired);
        if (result == AttemptResult.CallBack && body.CallBackAt is null)
            errors.Add(CallBackRequired);
        if (body.Note?.Trim().Length > SurveyTask.MaxNoteLength)
            errors.Add(SurveyErrors.NoteTooLong);
        if (errors.Count > 0)
            return Result<Guid>.Fail(errors);
        var now = time.GetUtcNow();
        task.Attempt(result!.Value, body.CallBackAt, now);
        var attempt = new SurveyAttempt
        {
            Id = Guid.CreateVersion7(), TaskId = task.Id, Result = result.Value, CallBackAt = task.CallBackAt,
            Note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), At = now, ById = Actor.Staff(user.Id).Id,
        };
        db.Add(attempt);
        return await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is { } raced ? raced : attempt.Id;
    }
}
