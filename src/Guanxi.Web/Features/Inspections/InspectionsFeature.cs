using Guanxi.Domain.Common;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Mvc;
using Quartz;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// CAPA-8 专项检查 (001 篇6): plans per department and post with the checklist the enterprise edits, inspections scheduled
/// by a nightly job on the working calendar and carried out on a tablet (each item pass or fail, a note, photos), a
/// finding for every failed item followed to closure (owner, deadline, fix, re-check), and the pass rates over time.
/// </summary>
public static class InspectionsFeature
{
    /// <summary>A photo is at most 5 MB; a request bigger than this is refused before it is read (413).</summary>
    public const long MaxPhotoRequestBytes = 16L * 1024 * 1024;

    public static WebApplicationBuilder AddInspections(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<InspectionDesk>();
        services.AddScoped<InspectionScheduler>();
        services.AddScoped<ScheduleInspections>();
        services.AddScoped<PlanRules>();
        services.AddScoped<PlanViews>();
        services.AddScoped<ListPlans>();
        services.AddScoped<GetPlan>();
        services.AddScoped<CreatePlan>();
        services.AddScoped<UpdatePlan>();
        services.AddScoped<InspectionChoices>();
        services.AddScoped<InspectionViews>();
        services.AddScoped<ListInspections>();
        services.AddScoped<GetInspection>();
        services.AddScoped<RecordResults>();
        services.AddScoped<AddInspectionPhoto>();
        services.AddScoped<OpenInspectionPhoto>();
        services.AddScoped<ReadPassRates>();
        services.AddScoped<FindingViews>();
        services.AddScoped<FindingAct>();
        services.AddScoped<ListFindings>();
        services.AddScoped<GetFinding>();
        services.AddScoped<AssignFindingOwner>();
        services.AddScoped<FixFinding>();
        services.AddScoped<RecheckFinding>();
        services.AddScoped<InspectionWork>();
        services.AddScoped<FindingFacts>();   // for the improvement measures: a finding as their source
        return builder;
    }

    /// <summary>The inspections of the current and the next month, every night (Inspections:ScheduleCron, default 02:40).</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<InspectionScheduleJob>(j => j.WithIdentity(InspectionScheduleJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(InspectionScheduleJob.Key).WithIdentity("inspections.schedule")
            .WithCronSchedule(configuration.GetValue("Inspections:ScheduleCron", "0 40 2 * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapInspections(this WebApplication app)
    {
        var api = app.MapGroup("/api/inspections").RequireAuthorization().WithTags("Inspections");
        api.MapGet("/plans", async (ListPlans list, CancellationToken ct) => (await list.Handle(ct)).ToHttp())
            .Produces<IReadOnlyList<PlanView>>()
            .WithSummary("The inspection plans in the caller's sight (all for the executive VP, the general manager and the customer-service manager; a department manager's department's; an inspector's own): department, post, perMonth, items [{id, name}], inspector, active, startsOn (the first day it owes inspections).");
        api.MapGet("/plans/choices", async (InspectionChoices choices, CancellationToken ct) => (await choices.ForPlans(ct)).ToHttp())
            .Produces<PlanChoices>()
            .WithSummary("What a plan is made from: the departments [{id, name}] and the active staff [{id, name, departmentId, department}] (those who plan; 403 for others).");
        api.MapGet("/plans/{id:guid}", async (Guid id, GetPlan get, HttpResponse response, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<PlanView>()
            .WithSummary("One plan with an ETag (404 out of sight).");
        api.MapPost("/plans", async (PlanBody body, CreatePlan create, HttpResponse response, CancellationToken ct) =>
                (await create.Handle(body, ct)).ToHttp(view =>
                {
                    response.Headers.ETag = $"\"{view.Version}\"";
                    return TypedResults.Created($"/api/inspections/plans/{view.Id}", view);
                }))
            .Produces<PlanView>(StatusCodes.Status201Created)
            .WithSummary($"Make a plan (the executive VP, the general manager, the customer-service manager; 403 for others): {{departmentId, post (≤ {Domain.Inspections.InspectionPlan.MaxPostLength}, e.g. 销售顾问), perMonth (1–8, default 2), items [{{name (≤ 50)}}] (1–50, none twice), inspectorId (an active member of staff), active (default true)}}. One plan per department and post (409 with planId). Its inspections of this month (from today) and the next are scheduled at once, spread over the months' working days, and the inspector is notified.");
        api.MapPut("/plans/{id:guid}", async (Guid id, PlanBody body, [FromHeader(Name = "If-Match")] string? ifMatch, UpdatePlan update, HttpResponse response, CancellationToken ct) =>
                (await update.Handle(id, body, ETags.Version(ifMatch), ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<PlanView>()
            .WithSummary("Change a plan (those who plan): the same body as POST; an item given with its id keeps it (renamed or not), one without an id is new, one left out leaves the checklist (the results keep it). If-Match with the ETag read is required (428 without, 412 when stale). Inspections not yet carried out follow the plan (post, checklist, inspector, their day); those from today on it no longer owes (switched off, fewer a month) are cancelled.");
        api.MapGet("/", async (DateOnly? due, Guid? departmentId, string? status, [AsParameters] Paging paging, ListInspections list, CancellationToken ct) =>
                (await list.Handle(new InspectionQuery(due, departmentId, status, paging.Page, paging.PageSize), ct)).ToHttp())
            .Produces<Page<InspectionRow>>()
            .WithSummary($"The inspections in the caller's sight. due=YYYY-MM-DD: those due up to that day and not yet done (the soonest first); departmentId; status=scheduled|overdue|done (overdue: its day passed undone); page (from 1), pageSize (default 50, at most {Page<InspectionRow>.MaxPageSize}). Each row: department, post, dueOn, inspector, state, doneAt, items, passed, failed.");
        api.MapGet("/pass-rates", async (DateOnly? from, DateOnly? to, ReadPassRates rates, CancellationToken ct) => (await rates.Handle(from, to, ct)).ToHttp())
            .Produces<PassRates>()
            .WithSummary("Pass rates of the inspections carried out that were due from/to (both or neither: default this month and the five before; at most 24 months): months, and lines per department and post (itemId null: all its items) and per item, each with a cell per month and the total {month, checked, passed, rate (percent, null when nothing was checked)}. Leadership and the customer-service manager read every department, a department manager theirs; 403 for others.");
        api.MapGet("/{id:guid}", async (Guid id, GetInspection get, HttpResponse response, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<InspectionView>()
            .WithSummary("One inspection with an ETag: department, post, dueOn, inspector, state, each item {itemId, name, result, note, findingId, photos [{id, fileName, url, …}]}, canCarryOut (404 out of sight).");
        api.MapPost("/{id:guid}/results", async (Guid id, ResultsBody body, RecordResults record, HttpResponse response, CancellationToken ct) =>
                (await record.Handle(id, body, ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<InspectionView>()
            .WithSummary($"The inspector carries the inspection out: {{items: [{{itemId, result: pass|fail, note}}]}} — every item of its checklist exactly once, a failed item with a note saying what was found (≤ {Domain.Inspections.Inspection.MaxNoteLength}); each error on its line (items[2].note), nothing recorded. Each failed item raises a finding in the same transaction, and the department's managers are notified. Only its inspector (403 for others in sight, 404 out of sight); once: a second submission is a 409.");
        api.MapPost("/{id:guid}/items/{itemId:guid}/photos", async (Guid id, Guid itemId, IFormFile? file, AddInspectionPhoto add, CancellationToken ct) =>
            {
                if (file is null)
                    return ResultHttp.Problem([Attachments.AttachmentStore.Empty]);
                await using var stream = file.OpenReadStream();
                return (await add.Handle(id, itemId, file.FileName, file.ContentType, stream, ct)).ToHttp(photo => TypedResults.Created(photo.Url, photo));
            }).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxPhotoRequestBytes))
            .Produces<PhotoView>(StatusCodes.Status201Created)
            .WithSummary("Add a photo to an item while carrying the inspection out: multipart/form-data with one file (JPEG, PNG, WebP or HEIC — told by its bytes, not its name — at most 5 MB; at most 20 an item). 201 with {id, fileName, contentType, size, url}. Only its inspector (403), the item on its checklist (404), not after the results (409).");
        api.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, OpenInspectionPhoto open, CancellationToken ct) =>
                (await open.Handle(id, photoId, ct)).ToHttp(photo => TypedResults.File(photo.Bytes, photo.ContentType, photo.FileName)))
            .Produces(StatusCodes.Status200OK, null, "image/jpeg", "image/png", "image/webp", "image/heic")
            .WithSummary("A photo of the inspection, for those who see the inspection or the finding its item raised (404 otherwise).");

        var findings = app.MapGroup("/api/findings").RequireAuthorization().WithTags("Inspections");
        findings.MapGet("/", async (string? status, Guid? departmentId, bool? overdue, [AsParameters] Paging paging, ListFindings list, CancellationToken ct) =>
                (await list.Handle(new FindingQuery(status, departmentId, overdue ?? false, paging.Page, paging.PageSize), ct)).ToHttp())
            .Produces<Page<FindingRow>>()
            .WithSummary("The findings of the inspections in the caller's sight (all for those who plan; a department manager's department's; an inspector's; an owner's), newest first: status=open|fixed|closed, departmentId, overdue=true (open after its deadline); page, pageSize.");
        findings.MapGet("/{id:guid}", async (Guid id, GetFinding get, HttpResponse response, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<FindingView>()
            .WithSummary("One finding with an ETag: where, what was found, status, owner, dueOn, overdue, fix, steps (kind raised|ownerAssigned|fixed|recheckFailed|recheckPassed, byId, by, at, note), the item's photos, and the actions the caller may take (assignOwner, fix, recheck). 404 out of sight.");
        findings.MapGet("/{id:guid}/owners", async (Guid id, InspectionChoices choices, CancellationToken ct) => (await choices.OwnersOf(id, ct)).ToHttp())
            .Produces<IReadOnlyList<StaffChoice>>()
            .WithSummary("Whom the finding's owner may be: the active staff of its department [{id, name, departmentId, department}] (for those who name owners; 403 for others).");
        MapAction(findings, "owner", "Name the owner and deadline {ownerId (an active member of the finding's department), dueOn (today to a year ahead)}: the department's manager or the inspector; while open. The owner is notified.",
            async (Guid id, OwnerBody body, Guid? version, IServiceProvider sp, CancellationToken ct) => await sp.GetRequiredService<AssignFindingOwner>().Handle(id, body, version, ct));
        MapAction(findings, "fix", "The owner records the fix {note}: open → fixed, waiting for its re-check; the inspector is notified.",
            async (Guid id, FixBody body, Guid? version, IServiceProvider sp, CancellationToken ct) => await sp.GetRequiredService<FixFinding>().Handle(id, body, version, ct));
        MapAction(findings, "recheck", "Re-check a fixed finding {passed: true|false, note (required when it failed)}: passed closes it, failed opens it again with the note (the owner is notified). The inspector, the executive VP, the general manager or the customer-service manager.",
            async (Guid id, RecheckBody body, Guid? version, IServiceProvider sp, CancellationToken ct) => await sp.GetRequiredService<RecheckFinding>().Handle(id, body, version, ct));
        return app;
    }

    private const string ActionRules = "Answers the finding with its new ETag; 403 for others in sight, 404 out of sight; 409 when its state does not allow it or someone else acted at the same moment; an If-Match (the finding's ETag) may be sent: 412 when stale.";

    private static void MapAction<TBody>(RouteGroupBuilder api, string name, string summary, Func<Guid, TBody, Guid?, IServiceProvider, CancellationToken, Task<Result<FindingView>>> act) =>
        api.MapVersionedAction(name, view => view.Version, act).WithSummary(summary + " " + ActionRules);
}
