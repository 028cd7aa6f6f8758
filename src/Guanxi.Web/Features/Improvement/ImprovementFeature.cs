using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Mvc;
using Quartz;

namespace Guanxi.Web.Features.Improvement;

/// <summary>
/// CAPA-1…7: improvement measures 《部门改进措施跟踪单》 — raised from the problems the CRM finds (escalated survey results,
/// complaints needing a measure, crisis warnings, inspection findings) or by hand, taken from the VP's opinion through the
/// department's plan to the joint acceptance, with coordination, changes, inspections and penalties.
/// </summary>
public static class ImprovementFeature
{
    public static WebApplicationBuilder AddImprovement(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<MeasureSources>();
        services.AddScoped<MeasureDesk>();
        services.AddScoped<RaiseMeasure>();
        services.AddScoped<ListMeasures>();
        services.AddScoped<GetMeasure>();
        services.AddScoped<GiveOpinion>();
        services.AddScoped<SignMeasure>();
        services.AddScoped<AnalyseMeasure>();
        services.AddScoped<ContainMeasure>();
        services.AddScoped<PlanMeasure>();
        services.AddScoped<ChangeMeasurePlan>();
        services.AddScoped<CorrectMeasureDeadline>();
        services.AddScoped<InvolveDepartment>();
        services.AddScoped<ConfirmInvolvement>();
        services.AddScoped<EscalateCoordination>();
        services.AddScoped<InspectMeasure>();
        services.AddScoped<CompleteMeasureAction>();
        services.AddScoped<AcceptMeasure>();
        services.AddScoped<ProposePenalty>();
        services.AddScoped<ReopenMeasure>();
        services.AddScoped<SetMeasureMetric>();
        services.AddScoped<ImprovementSettings>();
        services.AddScoped<ListMeasureOwners>();
        services.AddScoped<ListPenalties>();
        services.AddScoped<MeasurePhotos>();
        services.AddScoped<MeasureEffects>();
        services.AddScoped<GetMeasureEffect>();
        services.AddScoped<CheckMeasureTimes>();
        services.AddScoped<ImprovementReport>();
        services.AddScoped<ExportImprovementReport>();
        return builder;
    }

    /// <summary>Late plans and unconfirmed coordinations are checked every hour (Improvement:TimesCron).</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<MeasureTimesJob>(j => j.WithIdentity(MeasureTimesJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(MeasureTimesJob.Key).WithIdentity("improvement.times")
            .WithCronSchedule(configuration.GetValue("Improvement:TimesCron", "0 7 * * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapImprovement(this WebApplication app)
    {
        var settings = app.MapGroup("/api/settings/improvement").RequireAuthorization().WithTags("Improvement");
        settings.MapGet("/", async (ImprovementSettings s, CancellationToken ct) => (await s.Get(ct)).ToHttp())
            .Produces<ImprovementSettingsView>()
            .WithSummary("The improvement settings {planWorkingDays: the working days a department has for its plan after signing (default 3), coordinationWorkingDays: for an involved department to confirm its part before it goes to the VP (default 3), canEdit}.");
        settings.MapPut("/", async (ImprovementPolicy policy, ImprovementSettings s, CancellationToken ct) => (await s.Save(policy, ct)).ToHttp())
            .Produces<ImprovementSettingsView>()
            .WithSummary("Set the improvement settings {planWorkingDays, coordinationWorkingDays} (1–30 each; administrators and the executive VP).");

        var api = app.MapGroup("/api/measures").RequireAuthorization().WithTags("Improvement");
        api.MapPost("/", async (RaiseMeasureBody body, RaiseMeasure raise, CancellationToken ct) =>
                (await raise.Handle(body, ct)).ToHttp(made => TypedResults.Created($"/api/measures/{made.Id}", made)))
            .Produces<MeasureView>(StatusCodes.Status201Created)
            .WithSummary("Report a problem to the executive VP as an improvement measure {source: {kind: surveyProblem|complaint|crisisWarning|inspectionFinding|manual, id (none for manual)}, title, description, departmentId (default the problem's)} — customer-service manager and leadership. A complaint must have been resolved as needing a measure; one measure per problem (409 with measureId). The problem's figure becomes the measure's figure to watch.");
        api.MapGet("/", List)
            .Produces<MeasureRegister>()
            .WithSummary($"The register of measures in the caller's sight (VP, customer-service manager and general manager: all; a department manager: the department's and those it is involved in; others: those with an action of theirs), overdue first: status=reported|opinionGiven|signed|planned|inProgress|awaitingAcceptance|closed|reopened, departmentId, overdue=true (the plan or the deadline passed), source, causeCategory; page, pageSize (at most {Page<MeasureRow>.MaxPageSize}); with counts {{open, dueThisWeek, overdue, awaitingAcceptance, closed}}.");
        api.MapGet("/penalties", async (Guid? departmentId, string? staffId, [AsParameters] Paging paging, ListPenalties list, CancellationToken ct) =>
                (await list.Handle(departmentId, staffId, paging, ct)).ToHttp())
            .Produces<Page<PenaltyRow>>()
            .WithSummary("The penalty proposals on record, newest first (departmentId, staffId; page, pageSize) — for the staff assessment: the VP, the general manager and the customer-service manager read all, a department manager the department's, anyone their own.");
        api.MapGet("/report", async (string? month, ImprovementReport report, CancellationToken ct) => (await report.Handle(month, ct)).ToHttp())
            .Produces<MeasureReportView>()
            .WithSummary($"The monthly improvement report (改进报告) of month=yyyy-MM (default last month; not after this month): per responsible department and in total — raised (bySource), plans due in the month set on time / late / still missing, closed in the month (by the deadline or late; with a figure to watch; at the first round or after a reopening), not-accepted signatures, reopenings and penalties proposed in the month, open and overdue at the month's end (asOf: today in the current month); and months: the last {ImprovementReport.ChartMonths} months' raised, closed and overdue at each end. Every department's for the VP, the general manager and the customer-service manager; a department manager's own (departmentId); 403 for others; 400 for a month that is not yyyy-MM.");
        api.MapGet("/report.xlsx", async (string? month, ExportImprovementReport export, CancellationToken ct) =>
                (await export.Handle(month, Cultures.IsEnglish, ct)).ToHttp(file => TypedResults.File(file.Content,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Name)))
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("The monthly improvement report as .xlsx: an overview, the departments (with the total) and the 12 months, one sheet each (the same rights and month rules).");
        api.MapGet("/{id:guid}", async (Guid id, GetMeasure get, HttpResponse response, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<MeasureView>()
            .WithSummary("A measure with an ETag and every step: the source (its words only for customer service and leadership), opinion, signature, analysis, plan and actions, involvements, acceptances, penalties, the figure to watch, the steps (kind, by, at, note) and what the caller may do (can).");
        Action<OpinionBody>(api, "opinion", "The executive VP's opinion and the responsible department {opinion, departmentId}; its managers are told to sign.",
            (id, body, v, sp, ct) => sp.GetRequiredService<GiveOpinion>().Handle(id, body, v, ct));
        api.MapPost("/{id:guid}/sign", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, SignMeasure sign, HttpResponse response, CancellationToken ct) =>
                (await sign.Handle(id, ETags.Version(ifMatch), ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<MeasureView>()
            .WithSummary("The responsible department's manager signs for the measure (no body); the plan is then due on the N-th working day after (planDueOn). " + Rules);
        Action<AnalysisBody>(api, "analysis", "The cause analysis {causes: the 5 whys (1–5 lines), causeCategory: people|machine|material|method|environment|measurement|other (人、机、料、法、环、测), suggestion}: required before a plan (again after a reopening).",
            (id, body, v, sp, ct) => sp.GetRequiredService<AnalyseMeasure>().Handle(id, body, v, ct));
        Action<ContainmentBody>(api, "containment", "An immediate containment action {action}, at any time while open.",
            (id, body, v, sp, ct) => sp.GetRequiredService<ContainMeasure>().Handle(id, body, v, ct));
        Action<PlanBody>(api, "plan", "The department's plan {actions: [{title, ownerId (an active member of staff), dueOn}], dueOn (the measure's deadline; no action after it)} after signing and the analysis; reported to customer service and the VP; late when after planDueOn.",
            (id, body, v, sp, ct) => sp.GetRequiredService<PlanMeasure>().Handle(id, body, v, ct));
        Action<PlanChangeBody>(api, "plan-change", "A change of plan {reason, actions (replacing those not yet done), dueOn}; customer service and the VP are told at once; a round of acceptance already begun starts again.",
            (id, body, v, sp, ct) => sp.GetRequiredService<ChangeMeasurePlan>().Handle(id, body, v, ct));
        Action<DeadlineBody>(api, "deadline", "The executive VP corrects the deadline {dueOn, reason} (recorded; no open action may fall after it).",
            (id, body, v, sp, ct) => sp.GetRequiredService<CorrectMeasureDeadline>().Handle(id, body, v, ct));
        Action<InvolveBody>(api, "involvements", "Ask another department to take a part {departmentId, part} (the responsible manager, customer service, the VP).",
            (id, body, v, sp, ct) => sp.GetRequiredService<InvolveDepartment>().Handle(id, body, v, ct));
        Action<CoordinationBody>(api, "involvements/confirm", "The involved department's manager confirms its part {departmentId, note}.",
            (id, body, v, sp, ct) => sp.GetRequiredService<ConfirmInvolvement>().Handle(id, body, v, ct));
        Action<CoordinationBody>(api, "involvements/escalate", "A coordination the departments cannot settle goes to the executive VP {departmentId, note} (the responsible or the involved manager; the hourly job does it when a part stays unconfirmed).",
            (id, body, v, sp, ct) => sp.GetRequiredService<EscalateCoordination>().Handle(id, body, v, ct));
        Action<InspectionBody>(api, "inspections", "Customer service or the VP inspect at any time {note, progress (0–100)}.",
            (id, body, v, sp, ct) => sp.GetRequiredService<InspectMeasure>().Handle(id, body, v, ct));
        api.MapGet("/{id:guid}/effect", async (Guid id, GetMeasureEffect get, CancellationToken ct) => (await get.Handle(id, ct)).ToHttp())
            .Produces<EffectReading>()
            .WithSummary("The measure's effect from the data: {metric {kind, key, departmentId, name, unit}, before {from, to, value, n, weeks}, after (null while its actions are not done), change, direction improved|worsened|unchanged, significant, pValue, status measured|notEnoughData|actionsNotDone, verdict, method} — before: the 12 weeks up to its raising; after: the whole weeks from the day its last action was done (at most 12); significant: Welch's t on the weekly figures, p < 0.05 (complaint counts at least as noisy as Poisson counts). 409 when the measure names no figure.");
        api.MapGet("/{id:guid}/effect/choices", async (Guid id, GetMeasureEffect get, CancellationToken ct) => (await get.Choices(id, ct)).ToHttp())
            .Produces<IReadOnlyList<EffectChoice>>()
            .WithSummary("The figures the measure may name for its department [{kind, key, name}]: the survey questions and dimensions, the touchpoints, the complaint categories.");
        api.MapPost("/{id:guid}/inspections/{stepId:guid}/photos", async (Guid id, Guid stepId, IFormFile? file, MeasurePhotos photos, CancellationToken ct) =>
            {
                if (file is null)
                    return ResultHttp.Problem([Attachments.AttachmentStore.Empty]);
                await using var stream = file.OpenReadStream();
                return (await photos.Add(id, stepId, file.FileName, file.ContentType, stream, ct)).ToHttp(photo => TypedResults.Created(photo.Url, photo));
            }).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(6 * 1024 * 1024))
            .Produces<MeasurePhotoView>(StatusCodes.Status201Created)
            .WithSummary("A photo of what an inspection saw (multipart/form-data, one file: JPEG, PNG, WebP or HEIC told by its bytes, at most 5 MB, at most 20 an inspection); by the inspection's author while the measure is open. 201 with {id, stepId, fileName, size, url}.");
        api.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, MeasurePhotos photos, CancellationToken ct) =>
                (await photos.Open(id, photoId, ct)).ToHttp(photo => TypedResults.File(photo.Bytes, photo.ContentType, photo.FileName)))
            .Produces(StatusCodes.Status200OK, null, "image/jpeg", "image/png", "image/webp", "image/heic")
            .WithSummary("A photo of one of the measure's inspections, for those who see the measure (404 otherwise).");
        api.MapPost("/{id:guid}/actions/{actionId:guid}/done", async (Guid id, Guid actionId, ActionDoneBody? body, [FromHeader(Name = "If-Match")] string? ifMatch,
                CompleteMeasureAction complete, HttpResponse response, CancellationToken ct) =>
                (await complete.Handle(id, actionId, body ?? new ActionDoneBody(null), ETags.Version(ifMatch), ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<MeasureView>()
            .WithSummary("An action is done {note} (its owner or the department's manager); when the last one is, the measure awaits acceptance. " + Rules);
        Action<AcceptanceBody>(api, "acceptance", "The caller signs for their party (executive VP, customer-service manager, the responsible department's manager) {accepted: true|false, note (required when false)}: open once every action is done or at the deadline; closed only when all three accept.",
            (id, body, v, sp, ct) => sp.GetRequiredService<AcceptMeasure>().Handle(id, body, v, ct));
        Action<PenaltyBody>(api, "penalty", "The executive VP proposes a penalty {staffId (optional), departmentId, rule, note}: only for a measure whose plan or deadline was missed or whose result a party did not accept.",
            (id, body, v, sp, ct) => sp.GetRequiredService<ProposePenalty>().Handle(id, body, v, ct));
        Action<ReasonBody>(api, "reopen", "The executive VP reopens the root-cause work {reason}: a new round — a new analysis, plan and acceptance.",
            (id, body, v, sp, ct) => sp.GetRequiredService<ReopenMeasure>().Handle(id, body, v, ct));
        Action<MetricBody>(api, "metric", "The figure the measure should move {kind: questionScore|dimensionScore|complaintCount|touchpointSatisfaction, key, departmentId (default the measure's)}.",
            (id, body, v, sp, ct) => sp.GetRequiredService<SetMeasureMetric>().Handle(id, body, v, ct));
        return app;
    }

    private const string Rules = "Answers the measure with its new ETag: 404 out of sight, 403 when the step is not the caller's, 409 when the measure's state does not allow it or someone else acted at the same moment, 412 when an If-Match is stale.";

    private static void Action<TBody>(RouteGroupBuilder api, string name, string summary, Func<Guid, TBody, Guid?, IServiceProvider, CancellationToken, Task<Result<MeasureView>>> act) =>
        api.MapVersionedAction(name, view => view.Version, act).WithSummary(summary + " " + Rules);

    private static async Task<IResult> List(string? status, Guid? departmentId, bool? overdue, string? source, string? causeCategory, int? page, int? pageSize,
        ListMeasures list, CancellationToken ct)
    {
        if (!ApiEnums.TryParse<MeasureStatus>(status, out var s) || !ApiEnums.TryParse<MeasureSourceKind>(source, out var k) || !ApiEnums.TryParse<CauseCategory>(causeCategory, out var c))
            return ResultHttp.Problem([MeasureErrors.Filter]);
        return (await list.Handle(new MeasureQuery(s, departmentId, overdue ?? false, k, c, new Paging(page, pageSize)), ct)).ToHttp();
    }
}
