using Guanxi.Domain.Complaints;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Mvc;
using Quartz;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-2, SVC-8, SVC-11: inquiries and complaints — received on any channel, classified in the enterprise's category tree,
/// assessed for severity, handled within the customer's tier's times on the working calendar (paused while waiting on the
/// customer), warned before a time runs out and escalated in four levels when it is missed; problems for improvement.
/// </summary>
public static class ComplaintsFeature
{
    public static WebApplicationBuilder AddComplaints(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ComplaintDesk>();
        services.AddScoped<ICustomerMergeStep, MoveComplaints>();
        services.AddScoped<ICustomerErasureStep, EraseComplaintDetails>();
        services.AddScoped<ComplaintCategories>();
        services.AddScoped<ComplaintRules>();
        services.AddScoped<ComplaintReception>();
        services.AddScoped<ReceiveComplaint>();
        services.AddScoped<RunComplaintImport>();
        services.AddScoped<Imports.IImportKind, ComplaintImportKind>();   // kind=complaints: complaints received elsewhere, through the import pipeline
        services.AddScoped<ListComplaints>();
        services.AddScoped<GetComplaint>();
        services.AddScoped<AssignComplaint>();
        services.AddScoped<RespondToComplaint>();
        services.AddScoped<HoldComplaint>();
        services.AddScoped<ResumeComplaint>();
        services.AddScoped<ResolveComplaint>();
        services.AddScoped<CloseComplaint>();
        services.AddScoped<ReopenComplaint>();
        services.AddScoped<RequestSatisfactionCheck>();
        services.AddScoped<Surveys.ISurveySubjects, ComplaintChecks>();   // the satisfaction checks' survey tasks: what they are about, their answers
        services.AddScoped<CheckComplaintTimes>();
        services.AddScoped<ListServiceProblems>();
        services.AddScoped<Customers.ITimelineSource, ComplaintTimeline>();   // the customer's 时间线: their complaints
        return builder;
    }

    /// <summary>The warnings and escalations are checked every 5 minutes (Complaints:TimesCron).</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<ComplaintTimesJob>(j => j.WithIdentity(ComplaintTimesJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(ComplaintTimesJob.Key).WithIdentity("complaints.times")
            .WithCronSchedule(configuration.GetValue("Complaints:TimesCron", "0 0/5 * * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapComplaints(this WebApplication app)
    {
        var api = app.MapGroup("/api/complaints").RequireAuthorization().WithTags("Complaints");
        api.MapGet("/categories", async (ComplaintCategories categories, CancellationToken ct) => (await categories.Get(ct)).ToHttp())
            .Produces<IReadOnlyList<ComplaintCategory>>()
            .WithSummary("The enterprise's complaint categories [{code, name, parentCode}]: code is what a complaint carries; a child names its parent's code.");
        api.MapPut("/categories", async (IReadOnlyList<ComplaintCategory> tree, ComplaintCategories categories, CancellationToken ct) => (await categories.Save(tree, ct)).ToHttp())
            .Produces<IReadOnlyList<ComplaintCategory>>()
            .WithSummary("Replace the category tree [{code, name, parentCode}] (administrators and the customer-service manager). Codes are letters, digits, - and _, unique; a parent is a code of the tree; a category complaints carry cannot be removed (409).");
        api.MapGet("/rules", async (ComplaintRules rules, CancellationToken ct) => (await rules.Get(ct)).ToHttp())
            .Produces<ComplaintPolicy>()
            .WithSummary("The complaint time rules: the severities' factors on the tier's hours {low, medium, high, critical}, warnAt (0.75: warn at 75% of a time), escalationStep (0.5: one level per further 50% after a time is missed).");
        api.MapPut("/rules", async (ComplaintPolicy policy, ComplaintRules rules, CancellationToken ct) => (await rules.Save(policy, ct)).ToHttp())
            .Produces<ComplaintPolicy>()
            .WithSummary("Set the complaint time rules (administrators and the customer-service manager); complaints received from then on count with them.");
        api.MapGet("/problems", async (DateOnly? from, DateOnly? to, [AsParameters] Paging paging, ListServiceProblems list, CancellationToken ct) => (await list.Handle(from, to, paging, ct)).ToHttp())
            .Produces<Page<ServiceProblemView>>()
            .WithSummary("The problems for improvement (kind complaint — resolved with needsImprovement — or crisisWarning), newest first, raised from/to; for the customer-service manager and leadership.");
        api.MapPost("/", async (ComplaintBody body, ReceiveComplaint receive, CancellationToken ct) =>
                (await receive.Handle(body, ct)).ToHttp(made => TypedResults.Created($"/api/complaints/{made.Id}", made)))
            .Produces<ReceivedComplaint>(StatusCodes.Status201Created)
            .WithSummary("Record a complaint or inquiry {customerId, channel: phone|email|sms|wechat|chat|visit|letter, category (a code), severity: low|medium|high|critical, touchpoint: preSale|sale|delivery|afterSale, summary, details, orderId}. The customer must be in the caller's sight (404), the order the customer's (400). Answers {id, status, tier, responseDueAt, resolutionDueAt}: the customer's tier's times, shortened by severity, counted in working time.");
        api.MapGet("/", List)
            .Produces<Page<ComplaintRow>>()
            .WithSummary($"The complaints in the caller's sight, newest first: status=new|assigned|responded|onHold|resolved|closed, category (a code, with its children), severity, overdue=true (open and past a running time), departmentId (the complaint's); page (from 1) and pageSize (default 50, at most {Page<ComplaintRow>.MaxPageSize}).");
        api.MapGet("/{id:guid}", async (Guid id, GetComplaint get, HttpResponse response, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<ComplaintView>()
            .WithSummary("A complaint with an ETag: its times (due, paused, hours left, missed), its steps (kind, byId, by, at, note, assignee, level) and the actions the caller may take.");
        api.MapGet("/{id:guid}/assignees", async (Guid id, AssignComplaint assign, CancellationToken ct) => (await assign.Candidates(id, ct)).ToHttp())
            .Produces<IReadOnlyList<StaffChoice>>()
            .WithSummary("Whom the caller may assign the complaint to [{id, name, department}]: active staff who serve customers and see this one.");
        MapAction(api, "assign", "Assign to a member of staff {staffId} (the department's manager, the customer-service manager, the duty manager).",
            async (Guid id, AssignBody body, Guid? version, IServiceProvider sp, CancellationToken ct) => await sp.GetRequiredService<AssignComplaint>().Handle(id, body, version, ct));
        MapAction(api, "respond", "The first answer to the customer {note}: the response time stops.",
            async (Guid id, NoteBody body, Guid? version, IServiceProvider sp, CancellationToken ct) => await sp.GetRequiredService<RespondToComplaint>().Handle(id, body, version, ct));
        MapAction(api, "hold", "Wait on the customer {reason}: the clock pauses.",
            async (Guid id, ReasonBody body, Guid? version, IServiceProvider sp, CancellationToken ct) => await sp.GetRequiredService<HoldComplaint>().Handle(id, body, version, ct));
        api.MapPost("/{id:guid}/resume", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ResumeComplaint resume, HttpResponse response, CancellationToken ct) =>
                (await resume.Handle(id, ETags.Version(ifMatch), ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<ComplaintView>()
            .WithSummary("The customer is back: the clock runs again, the due times being what remained. " + ActionRules);
        MapAction(api, "resolve", "Resolved {resolution, note, needsImprovement}: both times stop; needsImprovement records a problem for improvement.",
            async (Guid id, ResolveBody body, Guid? version, IServiceProvider sp, CancellationToken ct) => await sp.GetRequiredService<ResolveComplaint>().Handle(id, body, version, ct));
        MapAction(api, "close", "Confirmed with the customer and closed {customerSatisfied: true|false|null (not reached), note}.",
            async (Guid id, CloseBody body, Guid? version, IServiceProvider sp, CancellationToken ct) => await sp.GetRequiredService<CloseComplaint>().Handle(id, body, version, ct));
        MapAction(api, "reopen", "The customer came back {reason}: open again, every step kept, a new resolution time from now.",
            async (Guid id, ReasonBody body, Guid? version, IServiceProvider sp, CancellationToken ct) => await sp.GetRequiredService<ReopenComplaint>().Handle(id, body, version, ct));
        api.MapPost("/{id:guid}/satisfaction-check", async (Guid id, CheckBody body, [FromHeader(Name = "If-Match")] string? ifMatch, RequestSatisfactionCheck check, HttpResponse response, CancellationToken ct) =>
                (await check.Handle(id, body, ETags.Version(ifMatch), ct)).ToHttp(view =>
                {
                    response.Headers.ETag = $"\"{view.Version}\"";
                    return TypedResults.Created($"/api/surveys/tasks/{view.Check!.TaskId}", view);
                }))
            .Produces<ComplaintView>(StatusCodes.Status201Created)
            .WithSummary("Ask the customer of a resolved or closed complaint, through the survey engine, whether it was handled to their satisfaction {note (optional, for the callback specialist)}: one survey task in the complaint checks' program (the callback specialists' queue, the 投诉处理回访 questionnaire, due on its last working day). 201 with the complaint and its check (Location: the survey task); 409 with taskId when a check was already asked, 409 while the complaint is open, 409 when the program is switched off. " + ActionRules);
        return app;
    }

    private const string ActionRules = "Answers the complaint with its new ETag. The assignee, the department's manager, the customer-service manager and the duty manager act (403 for others in sight, 404 out of sight); 409 when its state does not allow it or someone else acted at the same moment; an If-Match (the complaint's ETag) may be sent: 412 when stale.";

    private static void MapAction<TBody>(RouteGroupBuilder api, string name, string summary, Func<Guid, TBody, Guid?, IServiceProvider, CancellationToken, Task<Domain.Common.Result<ComplaintView>>> act) =>
        api.MapVersionedAction(name, view => view.Version, act).WithSummary(summary + " " + ActionRules);

    private static async Task<IResult> List(string? status, string? category, string? severity, bool? overdue, Guid? departmentId, int? page, int? pageSize,
        ListComplaints list, CancellationToken ct)
    {
        if (!ApiEnums.TryParse<ComplaintStatus>(status, out var s) || !ApiEnums.TryParse<ComplaintSeverity>(severity, out var v))
            return ResultHttp.Problem([ComplaintErrors.Filter]);
        return (await list.Handle(new ComplaintQuery(s, category, v, overdue ?? false, departmentId, page, pageSize), ct)).ToHttp();
    }
}
