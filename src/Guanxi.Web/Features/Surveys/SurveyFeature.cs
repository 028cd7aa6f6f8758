using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;

namespace Guanxi.Web.Features.Surveys;

/// <summary>SAT: the customer-satisfaction procedure — questionnaires under change control, survey tasks, responses.</summary>
public static class SurveyFeature
{
    public static readonly Error NotCustomerService = new("survey.not_customer_service", "只有客服部可以进行满意度调查。", "Only customer service runs satisfaction surveys.");
    public static readonly Error GenerateNotAllowed = new("survey.generate_not_allowed", "只有客服经理和系统管理员可以立即生成调查任务。", "Only the customer-service manager and administrators generate tasks now.");
    public static readonly Error Filter = new("survey.filter", "status 只能是 pending、overdue、completed、incomplete、unreachable 或 falseArchive；kind 只能是 sales 或 afterSales。", "status is pending, overdue, completed, incomplete, unreachable or falseArchive; kind is sales or afterSales.", "status");

    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<GenerateSurveyTasks>();
        services.AddScoped<ListSurveyTasks>();
        services.AddScoped<RecordSurveyAttempt>();
        services.AddScoped<RecordSurveyResponse>();
        services.AddScoped<GetQuestionnaires>();
        services.AddScoped<ChangeQuestionnaire>();
        return builder;
    }

    /// <summary>Every morning at 05:30 (setting Surveys:DailyCron) the day's tasks are generated.</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<SurveyJob>(j => j.WithIdentity(SurveyJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(SurveyJob.Key).WithIdentity("surveys.daily")
            .WithCronSchedule(configuration.GetValue("Surveys:DailyCron", "0 30 5 * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapSurveys(this WebApplication app)
    {
        var questionnaires = app.MapGroup("/api/questionnaires").RequireAuthorization().WithTags("Surveys");
        questionnaires.MapGet("/", async (GetQuestionnaires get, CancellationToken ct) => TypedResults.Ok(await get.List(ct)))
            .WithSummary("The questionnaires (sales, afterSales, opinionCard, custom) with the version in effect today.");
        questionnaires.MapGet("/{id:guid}", async Task<Results<Ok<QuestionnaireDetail>, NotFound>> (Guid id, GetQuestionnaires get, CancellationToken ct) =>
            await get.Get(id, ct) is { } q ? TypedResults.Ok(q) : TypedResults.NotFound())
            .WithSummary("A questionnaire: every version (questions, effective from, archived on, in use) and its change requests.");
        questionnaires.MapPost("/{id:guid}/change-requests", async Task<Results<Created<ChangeView>, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, ChangeRequestBody body, ChangeQuestionnaire change, CancellationToken ct) =>
        {
            if (await change.Request(id, body, ct) is not { } made)
                return TypedResults.NotFound();
            if (Problems.RefusedFor(made, ChangeQuestionnaire.RequestNotAllowed))
                return Problems.Forbidden(ChangeQuestionnaire.RequestNotAllowed);
            return made.Succeeded ? TypedResults.Created($"/api/change-requests/{made.Value!.Id}", made.Value) : Problems.Validation(made.Errors);
        }).WithSummary("SAT-8: a department requests a change {reason, draft: {questions: [{id, text, textEn, dimension, scale, required}]}}. Refused within a month of the current version taking effect, or while another change is open.");

        var changes = app.MapGroup("/api/change-requests").RequireAuthorization().WithTags("Surveys");
        changes.MapGet("/{id:guid}", async Task<Results<Ok<ChangeView>, NotFound>> (Guid id, GetQuestionnaires get, CancellationToken ct) =>
            await get.Change(id, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound())
            .WithSummary("A change request: status (awaitingAgreement, awaitingSignOff, signedOff, refused), who agreed, the effective date.");
        changes.MapPost("/{id:guid}/approve", async Task<Results<Ok<ChangeView>, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, ChangeQuestionnaire change, CancellationToken ct) =>
            Decided(await change.Approve(id, ct)))
            .WithSummary("Agree as the requesting department's manager, the customer-service manager or the executive VP; the VP's approval after the other two signs off (effective next Monday).");
        changes.MapPost("/{id:guid}/refuse", async Task<Results<Ok<ChangeView>, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, ChangeDecisionBody body, ChangeQuestionnaire change, CancellationToken ct) =>
            Decided(await change.Refuse(id, body, ct)))
            .WithSummary("Refuse an open change request {note}.");

        var surveys = app.MapGroup("/api/surveys").RequireAuthorization().WithTags("Surveys");
        surveys.MapPost("/generate", async Task<Results<Ok<GeneratedSurveys>, ProblemHttpResult>> (DateOnly? date, GenerateSurveyTasks generate, EnterpriseClock clock, CurrentUser user, CancellationToken ct) =>
        {
            if (!SurveyAccess.Generates(user))
                return Problems.Forbidden(GenerateNotAllowed);
            return TypedResults.Ok(await generate.Handle(date ?? clock.Today, ct));
        }).WithSummary("SAT-1…4: generate the tasks whose windows are open on date (default today) now, as the daily job does: {created, excluded: [{orderId, reason, note}]}.");
        surveys.MapGet("/tasks", async Task<Results<Ok<SurveyTaskList>, ValidationProblem, ProblemHttpResult>> (string? status, string? kind, string? assigneeId, DateOnly? from, DateOnly? to, int? skip, int? take,
            ListSurveyTasks list, CurrentUser user, CancellationToken ct) =>
        {
            if (!SurveyAccess.SeesTasks(user))
                return Problems.Forbidden(NotCustomerService);
            if (!ApiEnums.TryParse<SurveyTaskStatus>(status, out var s) || !ApiEnums.TryParse<SurveyKind>(kind, out var k))
                return Problems.Validation(Filter);
            return TypedResults.Ok(await list.Handle(s, k, assigneeId, from, to, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, 500), ct));
        }).WithSummary("Survey tasks: status=pending|overdue|completed|incomplete|unreachable|falseArchive, kind=sales|afterSales, assigneeId, from/to (windows overlapping).");
        surveys.MapPost("/tasks/{id:guid}/attempts", async Task<Results<Created, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, SurveyAttemptBody body, RecordSurveyAttempt record, CancellationToken ct) =>
        {
            if (await record.Handle(id, body, ct) is not { } made)
                return TypedResults.NotFound();
            if (Problems.RefusedFor(made, NotCustomerService))
                return Problems.Forbidden(NotCustomerService);
            return made.Succeeded ? TypedResults.Created($"/api/surveys/tasks/{id}") : Problems.Validation(made.Errors);
        }).WithSummary("Log a call that gave no questionnaire: {result: noAnswer|busy|wrongNumber|refused|callBack, note, callBackAt}.");
        surveys.MapPost("/tasks/{id:guid}/responses", async Task<Results<Created<SurveyResponseView>, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, SurveyResponseBody body, RecordSurveyResponse record, CancellationToken ct) =>
        {
            if (await record.Handle(id, body, byLink: false, ct) is not { } made)
                return TypedResults.NotFound();
            if (Problems.RefusedFor(made, NotCustomerService))
                return Problems.Forbidden(NotCustomerService);
            return made.Succeeded ? TypedResults.Created($"/api/surveys/tasks/{id}", made.Value) : Problems.Validation(made.Errors);
        }).WithSummary("Record a questionnaire {method: phone|onSite|mail, answers: [{questionId, value}], comment} or an invalid one {method, invalid: incomplete|unreachable|falseArchive, note}. Within the window a second response supersedes the first.");
        return app;
    }

    private static Results<Ok<ChangeView>, NotFound, ValidationProblem, ProblemHttpResult> Decided(Result<ChangeView>? decided)
    {
        if (decided is not { } d)
            return TypedResults.NotFound();
        if (Problems.RefusedFor(d, SurveyErrors.NotAParty))
            return Problems.Forbidden(SurveyErrors.NotAParty);
        return d.Succeeded ? TypedResults.Ok(d.Value!) : Problems.Validation(d.Errors);
    }
}
