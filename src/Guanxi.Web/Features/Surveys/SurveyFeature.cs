using Microsoft.AspNetCore.Mvc;
using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.Surveys;

/// <summary>SAT: the customer-satisfaction procedure — questionnaires under change control, survey tasks, responses.</summary>
public static class SurveyFeature
{
    public static readonly Error Filter = new("survey.filter", "status 只能是 pending、overdue、completed、incomplete、unreachable 或 falseArchive；kind 只能是 sales、afterSales 或 program。", "status is pending, overdue, completed, incomplete, unreachable or falseArchive; kind is sales, afterSales or program.", "status");

    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<GenerateSurveyTasks>();
        services.AddScoped<Customers.ICustomerMergeStep, MoveSurveyTasks>();
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
        services.AddScoped<OpenSurveyOnRequest>();   // a program task a higher feature asks for (Complaints: a resolved complaint's satisfaction check)
        services.AddScoped<RunSurveyImport>();
        services.AddScoped<Imports.IImportKind, SurveyImportKind>();
        services.AddScoped<Tasks.IAssignedWork, SurveyCalls>();   // 我的任务: a callback specialist's survey calls
        services.AddScoped<Customers.ITimelineSource, SurveyTimeline>();   // the customer's 时间线: their surveys, as the call sheets show them
        // The after-sales sample and the programs' draws take their chances from here: a test may register a seeded one.
        services.AddSingleton(Random.Shared);
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
        questionnaires.MapGet("/", async (GetQuestionnaires get, CancellationToken ct) => (await get.List(ct)).ToHttp())
            .Produces<IReadOnlyList<QuestionnaireSummary>>()
            .WithSummary("The questionnaires (sales, afterSales, opinionCard, custom) with the version in effect today.");
        questionnaires.MapGet("/{id:guid}", async (Guid id, GetQuestionnaires get, CancellationToken ct) => (await get.Get(id, ct)).ToHttp())
            .Produces<QuestionnaireDetail>()
            .WithSummary("A questionnaire: every version (questions, effective from, archived on, in use) and its change requests.");
        questionnaires.MapPost("/{id:guid}/change-requests", async (Guid id, ChangeRequestBody body, ChangeQuestionnaire change, CancellationToken ct) =>
                (await change.Request(id, body, ct)).ToHttp(made => TypedResults.Created($"/api/change-requests/{made.Id}", made)))
            .Produces<ChangeView>(StatusCodes.Status201Created)
            .WithSummary("A department requests a change {reason, draft: {questions: [{id, text, textEn, dimension, scale, required}]}}. Refused within a month of the current version taking effect, or while another change is open.");

        var changes = app.MapGroup("/api/change-requests").RequireAuthorization().WithTags("Surveys");
        changes.MapGet("/{id:guid}", async (Guid id, GetQuestionnaires get, HttpResponse response, CancellationToken ct) =>
                (await get.Change(id, ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<ChangeView>()
            .WithSummary("A change request with an ETag: status (awaitingAgreement, awaitingSignOff, signedOff, refused), who agreed, the effective date.");
        changes.MapPost("/{id:guid}/approve", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ChangeQuestionnaire change, HttpResponse response, CancellationToken ct) =>
                (await change.Approve(id, ETags.Version(ifMatch), ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<ChangeView>()
            .WithSummary("Agree as the requesting department's manager, the customer-service manager or the executive VP; the VP's approval after the other two signs off (effective next Monday); 409 when already agreed, the request is closed or another party acted at the same moment; 412 when an If-Match is sent and stale.");
        changes.MapPost("/{id:guid}/refuse", async (Guid id, ChangeDecisionBody body, [FromHeader(Name = "If-Match")] string? ifMatch, ChangeQuestionnaire change, HttpResponse response, CancellationToken ct) =>
                (await change.Refuse(id, body, ETags.Version(ifMatch), ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<ChangeView>()
            .WithSummary("Refuse an open change request {note}; 409 when it is closed or another party acted at the same moment; 412 when an If-Match is sent and stale.");

        var surveys = app.MapGroup("/api/surveys").RequireAuthorization().WithTags("Surveys");
        surveys.MapPost("/generate", async (DateOnly? date, GenerateSurveyTasks generate, CancellationToken ct) => (await generate.Now(date, ct)).ToHttp())
            .Produces<GeneratedSurveys>()
            .WithSummary("Generate the tasks whose windows are open on date (default today) now, as the daily job does: {created, excluded: [{orderId, reason, note}]}.");
        surveys.MapGet("/tasks", Tasks)
            .Produces<Page<SurveyTaskView>>()
            .WithSummary($"Survey tasks, due first (latestFirst=true: the latest window first): status=pending|overdue|completed|incomplete|unreachable|falseArchive, kind=sales|afterSales|program, assigneeId, from/to (windows overlapping), dueBy (due on or before); page (from 1) and pageSize (default 50, at most {Page<SurveyTaskView>.MaxPageSize}: a larger one is cut to it, and the answer's pageSize says so). Deprecated: skip/take, read for one more release when neither page nor pageSize is given (take at most {SurveyTaskQuery.MaxTake}).");
        surveys.MapGet("/tasks/{id:guid}", async (Guid id, GetSurveyTask get, HttpResponse response, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToHttp(detail => ETags.Tagged(response, detail.Version, detail)))
            .Produces<SurveyTaskDetail>()
            .WithSummary("A task's call sheet with an ETag (customer, phone, order, staff), attempts, script, and its responses with answers (seen by customer service; after publication also by leadership and the department's manager).");
        surveys.MapPost("/tasks/{id:guid}/link", async (Guid id, SurveyLinks links, HttpRequest request, CancellationToken ct) =>
                (await links.Issue(id, $"{request.Scheme}://{request.Host}", ct)).ToHttp())
            .Produces<SurveyLinkView>()
            .WithSummary("A signed, single-use link for the customer's phone, valid to the end of the window, with the SMS text to send.");
        surveys.MapPut("/tasks/{id:guid}/overdue-reason", async (Guid id, OverdueReasonBody body, [FromHeader(Name = "If-Match")] string? ifMatch, ExplainOverdueSurvey explain, CancellationToken ct) =>
                (await explain.Handle(id, body.Reason, ETags.Version(ifMatch), ct)).ToHttp(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Why an overdue task was not surveyed in its window {reason}, for the monthly report. If-Match (the task's ETag) is required: 428 without it, 412 when stale.");
        surveys.MapPost("/tasks/{id:guid}/attempts", async (Guid id, SurveyAttemptBody body, [FromHeader(Name = "If-Match")] string? ifMatch, RecordSurveyAttempt record, CancellationToken ct) =>
                (await record.Handle(id, body, ETags.Version(ifMatch), ct)).ToHttp(_ => TypedResults.Created($"/api/surveys/tasks/{id}")))
            .Produces(StatusCodes.Status201Created)
            .WithSummary("Log a call that gave no questionnaire: {result: noAnswer|busy|wrongNumber|refused|callBack, note, callBackAt}. An If-Match (the task's ETag) may be sent: 412 when stale; 409 when someone else recorded on the task at the same moment.");
        surveys.MapPost("/tasks/{id:guid}/responses", async (Guid id, SurveyResponseBody body, [FromHeader(Name = "If-Match")] string? ifMatch, RecordSurveyResponse record, CancellationToken ct) =>
                (await record.Handle(id, body, ETags.Version(ifMatch), ct)).ToHttp(made => TypedResults.Created($"/api/surveys/tasks/{id}", made)))
            .Produces<SurveyResponseView>(StatusCodes.Status201Created)
            .WithSummary("Record a questionnaire {method: phone|onSite|mail, answers: [{questionId, value}], comment} or an invalid one {method, invalid: incomplete|unreachable|falseArchive, note}. Within the window a second response supersedes the first. An If-Match (the task's ETag) may be sent: 412 when stale; 409 when someone else recorded on the task at the same moment.");
        surveys.MapGet("/programs", async (ListSurveyPrograms list, CancellationToken ct) => (await list.Handle(ct)).ToHttp())
            .Produces<IReadOnlyList<SurveyProgramView>>()
            .WithSummary("The survey programs with their current and last period's tasks, answers and index.");
        surveys.MapPost("/programs", async (ProgramBody body, DefineSurveyProgram define, CancellationToken ct) =>
                (await define.Handle(null, body, null, ct)).ToHttp(view => TypedResults.Created($"/api/surveys/programs/{view.Id}", view)))
            .Produces<SurveyProgramView>(StatusCodes.Status201Created)
            .WithSummary("A program {name, population: closedRepairJobs|households|churnedCustomers|keyCustomers|allCustomers|resolvedComplaints (on request: never drawn, one task per complaint asked for, windowDays in working days), rate (0.8) or count, cadence: weekly|monthly|quarterly, windowDays, questionnaireId, method: phone|visit|written|focusGroup, active}.");
        surveys.MapPut("/programs/{id:guid}", async (Guid id, ProgramBody body, [FromHeader(Name = "If-Match")] string? ifMatch, DefineSurveyProgram define, HttpResponse response, CancellationToken ct) =>
                (await define.Handle(id, body, ETags.Version(ifMatch), ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<SurveyProgramView>()
            .WithSummary("Change a program (the whole definition); it applies from its next draw. If-Match (the program's version, as listed) is required: 428 without it, 412 when stale.");
        surveys.MapPost("/programs/run", async (DateOnly? date, RunSurveyPrograms run, CancellationToken ct) => (await run.Now(date, ct)).ToHttp())
            .Produces<IReadOnlyList<ProgramRun>>()
            .WithSummary("Draw now, as the daily job does, every active program that has not drawn the period of date (default today): [{programId, name, period, population, created}].");
        surveys.MapGet("/problems", async (DateOnly? from, DateOnly? to, ListSurveyProblems list, CancellationToken ct) => (await list.Handle(from, to, ct)).ToHttp())
            .Produces<IReadOnlyList<SurveyProblemView>>()
            .WithSummary("The problems escalated from surveys (very low overall scores, a question scored low repeatedly within a week), raised between from and to (default the last 30 days).");
        MapReports(app.MapGroup("/api/reports/satisfaction").RequireAuthorization().WithTags("Surveys"));

        var link = app.MapGroup("/api/public/surveys").AllowAnonymous().RequireRateLimiting(SurveyLinks.RateLimit).WithTags("Surveys");
        link.MapGet("/{token}", async (string token, SurveyLinks links, CancellationToken ct) => (await links.Page(token, ct)).ToHttp())
            .Produces<LinkQuestionnaire>()
            .WithSummary("The questionnaire an SMS link opens (no login): a greeting and the questions; 404 when the link is forged or expired.");
        link.MapPost("/{token}", async (string token, SurveyResponseBody body, RecordSurveyResponse record, CancellationToken ct) =>
                (await record.ByLink(token, body, ct)).ToHttp(_ => TypedResults.Created()))
            .Produces(StatusCodes.Status201Created)
            .WithSummary("The customer's answers through the link {answers, comment}: once per link.");
        return app;
    }

    private static async Task<IResult> Tasks(string? status, string? kind, string? assigneeId, DateOnly? from, DateOnly? to, DateOnly? dueBy, int? page, int? pageSize,
        int? skip, int? take, bool? latestFirst, ListSurveyTasks list, CancellationToken ct)
    {
        if (!ApiEnums.TryParse<SurveyTaskStatus>(status, out var s) || !ApiEnums.TryParse<SurveyKind>(kind, out var k))
            return ResultHttp.Problem([Filter]);
        return (await list.Handle(new SurveyTaskQuery(s, k, assigneeId, from, to, dueBy, page, pageSize, skip, take, latestFirst ?? false), ct)).ToHttp();
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
            reports.MapGet($"/{name}", async (DateOnly? date, string? week, string? month, string? staffId, SatisfactionReport report, EnterpriseClock clock, CancellationToken ct) =>
                    Period(kind, date, week, month, clock.Today) is { } period ? (await report.Handle(period, staffId, ct)).ToHttp() : ResultHttp.Problem([PeriodInvalid]))
                .Produces<SatisfactionReportView>()
                .WithSummary($"{SurveyTexts.Report(kind, true)}: figures against targets and the previous period, dimensions, questions, departments, staff; cases for those who may read answers.");
            reports.MapGet($"/{name}.xlsx", async (DateOnly? date, string? week, string? month, string? staffId, ExportSatisfactionReport export, EnterpriseClock clock, CancellationToken ct) =>
                    Period(kind, date, week, month, clock.Today) is { } period
                        ? (await export.Handle(period, staffId, Cultures.IsEnglish, ct)).ToHttp(file =>
                            TypedResults.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SurveyTexts.FileName(period, Cultures.IsEnglish)))
                        : ResultHttp.Problem([PeriodInvalid]))
                .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .WithSummary($"The {SurveyTexts.Report(kind, true).ToLowerInvariant()} as .xlsx, one sheet per section.");
            reports.MapPost($"/{name}/generate", async (DateOnly? date, string? week, string? month, RunSatisfactionReport run, EnterpriseClock clock, CancellationToken ct) =>
                    Period(kind, date, week, month, clock.Today) is { } period ? (await run.Now(period, ct)).ToHttp() : ResultHttp.Problem([PeriodInvalid]))
                .Produces<ReportRunView>()
                .WithSummary("Generate the report now (customer service): the first generation is recorded, late when after the due day.");
        }
        reports.MapPost("/monthly/publish", async (string? month, RunSatisfactionReport run, EnterpriseClock clock, CancellationToken ct) =>
                Period(ReportKind.Monthly, null, null, month, clock.Today) is { } period ? (await run.Publish(period, ct)).ToHttp() : ResultHttp.Problem([PeriodInvalid]))
            .Produces<ReportRunView>()
            .WithSummary("The customer-service manager publishes a month's results to the surveyed departments (GM and VP in copy).");
    }
}
