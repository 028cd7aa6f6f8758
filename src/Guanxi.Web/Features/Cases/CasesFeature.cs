using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Mvc;

namespace Guanxi.Web.Features.Cases;

/// <summary>SVC-7 案例库: success and failure cases, written by anyone on the staff, published by the customer-service manager, searchable.</summary>
public static class CasesFeature
{
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CaseLinks>();
        services.AddScoped<Customers.ICustomerMergeStep, MoveCaseLinks>();
        services.AddScoped<CaseViews>();
        services.AddScoped<ListCases>();
        services.AddScoped<ListCaseTags>();
        services.AddScoped<GetCase>();
        services.AddScoped<WriteCase>();
        services.AddScoped<UpdateCase>();
        services.AddScoped<PublishCase>();
        services.AddScoped<CaseHistory>();
        return builder;
    }

    public static WebApplication MapCases(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases").RequireAuthorization().WithTags("Cases");
        cases.MapGet("/", async (string? q, string? kind, string? tag, string? status, int? page, int? pageSize, ListCases list, CancellationToken ct) =>
                (await list.Handle(new CaseQuery(q, kind, tag, status, page, pageSize), ct)).ToHttp())
            .Produces<Page<CaseRow>>()
            .WithSummary("The cases the caller reads (every published one, their own drafts; every draft for the customer-service manager), newest first. q finds any part of the title, story, lesson or tags (2 to 100 characters; Latin in any case); kind=success|failure; tag= (as written); status=draft|published; page, pageSize.");
        cases.MapGet("/tags", async (ListCaseTags tags, CancellationToken ct) => (await tags.Handle(ct)).ToHttp())
            .Produces<IReadOnlyList<CaseTag>>()
            .WithSummary("The tags in use among the cases the caller reads, with their counts, the most used first.");
        cases.MapGet("/{id:guid}", async (Guid id, HttpContext http, GetCase get, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToHttp(view => ETags.Tagged(http.Response, view.Version, view)))
            .Produces<CaseView>()
            .WithSummary("One case with an ETag: 404 for a draft of someone else (unless the caller is the customer-service manager). Each linked customer has its name and link when the caller may see it, else a masked name (王**) without id or link. canEdit, canPublish and canReadHistory say what the caller may do with it.");
        cases.MapGet("/{id:guid}/history", async (Guid id, int? page, int? pageSize, CaseHistory history, CancellationToken ct) =>
                (await history.Handle(id, page, pageSize, ct)).ToHttp())
            .Produces<Page<Audit.AuditRow>>()
            .WithSummary("Every change of the case, newest first (written, changed, published): at, userId, userName, action, field, oldValue, newValue and as read — entityName, recordName (the title), fieldName, oldText, newText (linked customers and staff by name). The customer-service manager only (403 for others; 404 for a draft out of sight); page, pageSize.");
        cases.MapPost("/", async (CaseBody body, HttpContext http, WriteCase write, CancellationToken ct) =>
                (await write.Handle(body, ct)).ToHttp(view =>
                {
                    http.Response.Headers.ETag = $"\"{view.Version}\"";
                    return TypedResults.Created($"/api/cases/{view.Id}", view);
                }))
            .Produces<CaseView>(StatusCodes.Status201Created)
            .WithSummary("Write a case (anyone on the staff), a draft: {kind: success|failure, title ≤ 100, story ≤ 10,000, lesson ≤ 2,000, tags ≤ 10 of ≤ 20 characters, customerIds ≤ 20 (each in the caller's sight, else 404 as if missing), complaintIds ≤ 20}.");
        cases.MapPut("/{id:guid}", async (Guid id, CaseBody body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, UpdateCase update, CancellationToken ct) =>
                (await update.Handle(id, body, ETags.Version(ifMatch), ct)).ToHttp(view => ETags.Tagged(http.Response, view.Version, view)))
            .Produces<CaseView>()
            .WithSummary("Change a case — the author their draft, the customer-service manager any case (403 for others): If-Match with the ETag read is required (428 without, 412 when stale). Linked customers the caller cannot see stay linked.");
        cases.MapPost("/{id:guid}/publish", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, PublishCase publish, CancellationToken ct) =>
                (await publish.Handle(id, ETags.Version(ifMatch), ct)).ToHttp(view => ETags.Tagged(http.Response, view.Version, view)))
            .Produces<CaseView>()
            .WithSummary("The customer-service manager publishes a draft for all staff (403 for others, 409 when already published); If-Match optional, 412 when stale.");
        return app;
    }
}
