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
    public static readonly Error Filter = new("survey.filter", "status 只能是 pending、overdue、completed、incomplete、unreachable 或 falseArchive；kind 只能是 sales、afterSales 或 program。", "status is pending, overdue, completed, incomplete, unreachable or falseArchive; kind is sales, afterSales or program.", "status");

    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<GenerateSurveyTasks>();
        services.AddScoped<ListSurveyTasks>();
        services.AddScoped<RecordSurveyAttempt>();
        services.AddScoped<RecordSurveyResponse>();
        services.AddScoped<GetQuestionnaires>();
        services.AddScoped<ChangeQuestionnaire>();
        services.AddScoped<GetSurveyTask>();
        services.AddScoped<SatisfactionReport>();
        services.AddScoped<RunSatisfactionReport>();
        services.AddScoped<ExportSatisfactionReport>();
        services.AddScoped<SurveyLinks>();
        services.AddScoped<ExplainOverdueSurvey>();
        services.AddScoped<EscalateSurveyProblems>();
        services.AddScoped<ListSurveyProblems>();
        services.AddScoped<RunSurveyPrograms>();
        services.AddScoped<DefineSurveyProgram>();
        services.AddScoped<ListSurveyPrograms>();
        services.AddScoped<RunSurveyImport>();
        var perMinute = builder.Configuration.GetValue("Surveys:LinkRequestsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SurveyLinks.RateLimit, context => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    /// <summary>Every morning at 05:30 (setting Surveys:DailyCron) the day's tasks are generated.</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<SurveyJob>(j => j.WithIdentity(SurveyJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(SurveyJob.Key).WithIdentity("surveys.daily")
            .WithCronSchedule(configuration.GetValue("Surveys:DailyCron", "0 30 5 * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
        q.AddJob<SatisfactionReportJob>(j => j.WithIdentity(SatisfactionReportJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(SatisfactionReportJob.Key).WithIdentity("surveys.reports.daily")
            .WithCronSchedule(configuration.GetValue("Surveys:ReportCron", "0 0 18 * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
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
        surveys.MapGet("/tasks/{id:guid}", async Task<Results<Ok<SurveyTaskDetail>, NotFound, ProblemHttpResult>> (Guid id, GetSurveyTask get, CurrentUser user, CancellationToken ct) =>
        {
            if (!SurveyAccess.SeesTasks(user) && !user.IsIn(Domain.Accounts.Role.DepartmentManager))
                return Problems.Forbidden(NotCustomerService);
            return await get.Handle(id, ct) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound();
        })
            .WithSummary("A task's call sheet (customer, phone, order, staff), attempts, script, and its responses with answers (SAT-6: customer service; after publication also leadership and the department's manager).");
        surveys.MapPost("/tasks/{id:guid}/link", async Task<Results<Ok<SurveyLinkView>, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, SurveyLinks links, CurrentUser user, HttpRequest request, CancellationToken ct) =>
        {
            if (!SurveyAccess.RunsSurveys(user))
                return Problems.Forbidden(NotCustomerService);
            if (await links.Issue(id, $"{request.Scheme}://{request.Host}", ct) is not { } link)
                return TypedResults.NotFound();
            return link.Succeeded ? TypedResults.Ok(link.Value!) : Problems.Validation(link.Errors);
        }).WithSummary("SAT-7: a signed, single-use link for the customer's phone, valid to the end of the window, with the SMS text to send.");
        surveys.MapPut("/tasks/{id:guid}/overdue-reason", async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, OverdueReasonBody body, ExplainOverdueSurvey explain, CancellationToken ct) =>
        {
            if (await explain.Handle(id, body.Reason, ct) is not { } done)
                return TypedResults.NotFound();
            if (Problems.RefusedFor(done, NotCustomerService))
                return Problems.Forbidden(NotCustomerService);
            return done.Succeeded ? TypedResults.NoContent() : Problems.Validation(done.Errors);
        }).WithSummary("SAT-2/3: why an overdue task was not surveyed in its window {reason}, for the monthly report.");
        surveys.MapGet("/programs", async Task<Results<Ok<IReadOnlyList<SurveyProgramView>>, ProblemHttpResult>> (ListSurveyPrograms list, CurrentUser user, EnterpriseClock clock, CancellationToken ct) =>
            SurveyAccess.SeesTasks(user) ? TypedResults.Ok(await list.Handle(clock.Today, Cultures.IsEnglish, ct)) : Problems.Forbidden(NotCustomerService))
            .WithSummary("SAT-15/16: the survey programs with their current and last period's tasks, answers and index.");
        surveys.MapPost("/programs", async Task<Results<Created<SurveyProgramView>, ValidationProblem, ProblemHttpResult>> (ProgramBody body, DefineSurveyProgram define, ListSurveyPrograms list, EnterpriseClock clock, CancellationToken ct) =>
        {
            var made = await define.Handle(null, body, ct) ?? throw new InvalidOperationException("A new program is never missing.");
            if (Problems.RefusedFor(made, DefineSurveyProgram.NotAllowed))
                return Problems.Forbidden(DefineSurveyProgram.NotAllowed);
            if (!made.Succeeded)
                return Problems.Validation(made.Errors);
            var view = (await list.Handle(clock.Today, Cultures.IsEnglish, ct)).Single(p => p.Id == made.Value!.Id);
            return TypedResults.Created($"/api/surveys/programs/{view.Id}", view);
        }).WithSummary("SAT-15/16: a program {name, population: closedRepairJobs|households|churnedCustomers|keyCustomers|allCustomers, rate (0.8) or count, cadence: weekly|monthly|quarterly, windowDays, questionnaireId, method: phone|visit|written|focusGroup, active}.");
        surveys.MapPut("/programs/{id:guid}", async Task<Results<Ok<SurveyProgramView>, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, ProgramBody body, DefineSurveyProgram define, ListSurveyPrograms list, EnterpriseClock clock, CancellationToken ct) =>
        {
            if (await define.Handle(id, body, ct) is not { } made)
                return TypedResults.NotFound();
            if (Problems.RefusedFor(made, DefineSurveyProgram.NotAllowed))
                return Problems.Forbidden(DefineSurveyProgram.NotAllowed);
            return made.Succeeded ? TypedResults.Ok((await list.Handle(clock.Today, Cultures.IsEnglish, ct)).Single(p => p.Id == id)) : Problems.Validation(made.Errors);
        }).WithSummary("Change a program (the whole definition); it applies from its next draw.");
        surveys.MapPost("/programs/run", async Task<Results<Ok<IReadOnlyList<ProgramRun>>, ProblemHttpResult>> (DateOnly? date, RunSurveyPrograms run, CurrentUser user, EnterpriseClock clock, CancellationToken ct) =>
        {
            if (!SurveyAccess.Generates(user))
                return Problems.Forbidden(GenerateNotAllowed);
            return TypedResults.Ok(await run.Handle(date ?? clock.Today, cancellationToken: ct));
        }).WithSummary("Draw now, as the daily job does, every active program that has not drawn the period of date (default today): [{programId, name, period, population, created}].");
        surveys.MapGet("/problems", async Task<Results<Ok<IReadOnlyList<SurveyProblemView>>, ProblemHttpResult>> (DateOnly? from, DateOnly? to, ListSurveyProblems list, CurrentUser user, EnterpriseClock clock, CancellationToken ct) =>
        {
            if (!SurveyAccess.SeesTasks(user))
                return Problems.Forbidden(NotCustomerService);
            return TypedResults.Ok(await list.Handle(from ?? clock.Today.AddDays(-30), to ?? clock.Today, Cultures.IsEnglish, ct));
        }).WithSummary("SAT-11: the problems escalated from surveys (very low overall scores, a question scored low repeatedly within a week), raised between from and to (default the last 30 days).");
        surveys.MapGet("/tasks", async Task<Results<Ok<SurveyTaskList>, ValidationProblem, ProblemHttpResult>> (string? status, string? kind, string? assigneeId, DateOnly? from, DateOnly? to, DateOnly? dueBy, int? skip, int? take,
            ListSurveyTasks list, CurrentUser user, CancellationToken ct) =>
        {
            if (!SurveyAccess.SeesTasks(user))
                return Problems.Forbidden(NotCustomerService);
            if (!ApiEnums.TryParse<SurveyTaskStatus>(status, out var s) || !ApiEnums.TryParse<SurveyKind>(kind, out var k))
                return Problems.Validation(Filter);
            return TypedResults.Ok(await list.Handle(s, k, assigneeId, from, to, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, 500), dueBy, ct));
        }).WithSummary("Survey tasks: status=pending|overdue|completed|incomplete|unreachable|falseArchive, kind=sales|afterSales, assigneeId, from/to (windows overlapping), dueBy (due on or before).");
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
        MapReports(app.MapGroup("/api/reports/satisfaction").RequireAuthorization().WithTags("Surveys"));

        var link = app.MapGroup("/api/public/surveys").AllowAnonymous().RequireRateLimiting(SurveyLinks.RateLimit).WithTags("Surveys");
        link.MapGet("/{token}", async Task<Results<Ok<LinkQuestionnaire>, NotFound>> (string token, SurveyLinks links, CancellationToken ct) =>
            await links.Page(token, ct) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound())
            .WithSummary("The questionnaire an SMS link opens (no login): a greeting and the questions; 404 when the link is forged or expired.");
        link.MapPost("/{token}", async Task<Results<Created, NotFound, ValidationProblem>> (string token, SurveyResponseBody body, SurveyLinks links, RecordSurveyResponse record, CancellationToken ct) =>
        {
            if (links.Read(token) is not { } id || await record.Handle(id, body with { Method = "link", Invalid = null }, byLink: true, ct) is not { } made)
                return TypedResults.NotFound();
            return made.Succeeded ? TypedResults.Created() : Problems.Validation(made.Errors);
        }).WithSummary("The customer's answers through the link {answers, comment}: once per link.");
        return app;
    }

    /// <summary>The period a report request names: date (daily), week=2026-W47, month=2026-11 (monthly, personal); by default the latest due.</summary>
    private static ReportPeriod? Period(ReportKind kind, DateOnly? date, string? week, string? month, DateOnly today) => kind switch
    {
        ReportKind.Daily => ReportPeriod.Day(date ?? today),
        ReportKind.Weekly => week is null ? ReportPeriod.Week(today.AddDays(-((int)today.DayOfWeek + 6) % 7 - 7)) : ReportPeriod.ParseWeek(week),
        _ => month is null ? ReportPeriod.Month(new DateOnly(today.Year, today.Month, 1).AddMonths(-1), kind) : ReportPeriod.ParseMonth(month, kind),
    };

    public static readonly Error PeriodInvalid = new("survey.period", "期间格式不正确：日报用 date=2026-11-23，周报用 week=2026-W47，月报和个人报告用 month=2026-11。", "Name the period as date=2026-11-23 (daily), week=2026-W47 (weekly) or month=2026-11 (monthly, personal).", "period");

    private static void MapReports(RouteGroupBuilder reports)
    {
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            var name = kind.ToString().ToLowerInvariant();
            reports.MapGet($"/{name}", async Task<Results<Ok<SatisfactionReportView>, ValidationProblem, ProblemHttpResult>> (DateOnly? date, string? week, string? month, string? staffId,
                SatisfactionReport report, CurrentUser user, EnterpriseClock clock, CancellationToken ct) =>
            {
                if (Period(kind, date, week, month, clock.Today) is not { } period)
                    return Problems.Validation(PeriodInvalid);
                var made = await report.Handle(period, kind == ReportKind.Personal ? staffId ?? user.Id : null, ct);
                return made.Succeeded ? TypedResults.Ok(made.Value!) : Problems.Forbidden(SatisfactionReport.NotAllowed);
            }).WithSummary($"SAT-10 {SurveyTexts.Report(kind, true)}: figures against targets and the previous period, dimensions, questions, departments, staff; cases for those who may read answers.");
            reports.MapGet($"/{name}.xlsx", async Task<Results<FileStreamHttpResult, ValidationProblem, ProblemHttpResult>> (DateOnly? date, string? week, string? month, string? staffId,
                ExportSatisfactionReport export, CurrentUser user, EnterpriseClock clock, CancellationToken ct) =>
            {
                if (Period(kind, date, week, month, clock.Today) is not { } period)
                    return Problems.Validation(PeriodInvalid);
                var file = await export.Handle(period, kind == ReportKind.Personal ? staffId ?? user.Id : null, Cultures.IsEnglish, ct);
                return file.Succeeded
                    ? TypedResults.File(file.Value!, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"satisfaction-{name}-{period.Key}.xlsx")
                    : Problems.Forbidden(SatisfactionReport.NotAllowed);
            }).WithSummary($"The {SurveyTexts.Report(kind, true).ToLowerInvariant()} as .xlsx, one sheet per section.");
            reports.MapPost($"/{name}/generate", async Task<Results<Ok<SatisfactionReportRun>, ValidationProblem, ProblemHttpResult>> (DateOnly? date, string? week, string? month,
                RunSatisfactionReport run, EnterpriseClock clock, CancellationToken ct) =>
            {
                if (Period(kind, date, week, month, clock.Today) is not { } period)
                    return Problems.Validation(PeriodInvalid);
                var made = await run.Generate(period, null, ct);
                return made.Succeeded ? TypedResults.Ok(made.Value!) : Problems.Forbidden(RunSatisfactionReport.GenerateNotAllowed);
            }).WithSummary("Generate the report now (customer service): the first generation is recorded, late when after the due day.");
        }
        reports.MapPost("/monthly/publish", async Task<Results<Ok<SatisfactionReportRun>, ValidationProblem, ProblemHttpResult>> (string? month, RunSatisfactionReport run, EnterpriseClock clock, CancellationToken ct) =>
        {
            if (Period(ReportKind.Monthly, null, null, month, clock.Today) is not { } period)
                return Problems.Validation(PeriodInvalid);
            var published = await run.Publish(period, ct);
            if (Problems.RefusedFor(published, RunSatisfactionReport.PublishNotAllowed))
                return Problems.Forbidden(RunSatisfactionReport.PublishNotAllowed);
            return published.Succeeded ? TypedResults.Ok(published.Value!) : Problems.Validation(published.Errors);
        }).WithSummary("SAT-6: the customer-service manager publishes a month's results to the surveyed departments (GM and VP in copy).");
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
