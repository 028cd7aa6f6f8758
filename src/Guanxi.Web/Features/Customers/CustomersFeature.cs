using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guanxi.Web.Features.Customers;

public static class CustomersFeature
{
    public static WebApplicationBuilder AddCustomers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CustomerViewers>();
        services.AddScoped<PersonalDataLog>();
        services.AddScoped<ListPersonalDataAccess>();
        services.AddScoped<CustomerInput>();
        services.AddScoped<ListCustomers>();
        services.AddScoped<ListCustomerFilters>();
        services.AddScoped<GetCustomer>();
        services.AddScoped<CreateCustomer>();
        services.AddScoped<UpdateCustomer>();
        services.AddScoped<CustomerHistory>();
        services.AddScoped<CustomerSearch>();
        services.AddScoped<ListGroups>();
        services.AddScoped<SaveGroup>();
        services.AddScoped<DeleteGroup>();
        services.AddScoped<ChangeGroupMembers>();
        services.AddScoped<FindDuplicates>();
        services.AddScoped<ListDuplicateGroups>();
        services.AddScoped<MergeCustomers>();
        services.AddScoped<ICustomerMergeStep, MoveGroupMemberships>();
        services.AddScoped<ArchiveCustomer>();
        services.AddScoped<EraseCustomer>();
        services.AddScoped<ExportCustomers>();
        return builder;
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Archive(Guid id, bool restore, ArchiveCustomer archive, CancellationToken ct)
    {
        if (await archive.Handle(id, restore, ct) is not { } moved)
            return TypedResults.NotFound();
        if (Problems.RefusedFor(moved, CustomerWebErrors.NotAllowed))
            return Problems.Forbidden(CustomerWebErrors.NotAllowed);
        return moved.Succeeded ? TypedResults.NoContent() : Problems.Validation(moved.Errors);
    }

    public static WebApplication MapCustomers(this WebApplication app)
    {
        var customers = app.MapGroup("/api/customers").RequireAuthorization().WithTags("Customers");
        customers.MapGet("/", async Task<Results<Ok<Page<CustomerRow>>, ValidationProblem>> (string? q, Guid? groupId, string? ownerId, Guid? departmentId,
            string? type, string? status, string? tier, string? stage, string? credit, string? sort, int? page, int? pageSize, ListCustomers list, CancellationToken ct) =>
        {
            // Enum values read in any case ("archived", "Archived"), as the JSON contract writes them lower-case.
            if (!ApiEnums.TryParse<CustomerType>(type, out var t) || !ApiEnums.TryParse<CustomerStatus>(status, out var s) || !ApiEnums.TryParse<Tier>(tier, out var g)
                || !ApiEnums.TryParse<Domain.Lifecycle.LifecycleStage>(stage, out var l) || !ApiEnums.TryParse<Domain.Credit.CreditLevel>(credit, out var r))
                return Problems.Validation(CustomerWebErrors.UnknownFilter);
            return TypedResults.Ok(await list.Handle(new CustomerQuery(q, ownerId, departmentId, t, s, page, pageSize, groupId, sort, g, l, r), ct));
        })
            .WithSummary("Customers in the caller's sight (ARC-9), primary phone masked unless the caller may see it. q searches names, organisations, phones (whole or last 4+ digits) and e-mails; tier=vip|important|ordinary; stage=potential|firstPurchase|repeat|loyal|churned; credit=AAA|AA|A|B|C; sort=name|-name|createdAt|-createdAt.");

        customers.MapGet("/{id:guid}", async Task<Results<Ok<CustomerView>, NotFound, ValidationProblem, ProblemHttpResult>> (
            Guid id, bool? reveal, string? reason, HttpContext http, GetCustomer get, CancellationToken ct) =>
        {
            var (view, refused) = reveal == true ? await get.Reveal(id, reason, ct) : (await get.Handle(id, ct), null);
            if (refused == GetCustomer.RevealRefused)
                return Problems.Forbidden(refused);
            if (refused is not null)
                return Problems.Validation(refused);
            if (view is null)
                return TypedResults.NotFound();
            http.Response.Headers.ETag = $"\"{view.Version}\"";
            return TypedResults.Ok(view);
        }).WithSummary("One customer with an ETag; 404 when outside the caller's sight; ?reveal=true&reason= unmasks for a department colleague (logged), 403 for others.");

        customers.MapPost("/", async (CustomerBody body, CreateCustomer create, GetCustomer get, CancellationToken ct) =>
            await (await create.Handle(body, ct)).ToHttp(async id => TypedResults.Created($"/api/customers/{id}", await get.Handle(id, ct))))
            .Produces<CustomerView>(StatusCodes.Status201Created)
            .WithSummary("Enter a customer; 409 with the likely duplicates (same mobile, e-mail, or name + organisation) unless allowDuplicate is true — those outside the caller's sight without id, name or department.");

        customers.MapPut("/{id:guid}", async (Guid id, CustomerBody body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, UpdateCustomer update, GetCustomer get, CancellationToken ct) =>
            await (await update.Handle(id, body, ETags.Version(ifMatch), ct)).ToHttp(async version =>
            {
                http.Response.Headers.ETag = $"\"{version}\"";
                return TypedResults.Ok((await get.Handle(id, ct))!);
            }))
            .Produces<CustomerView>()
            .WithSummary("Change a customer: If-Match with the ETag read is required (428 without, 412 when stale); 409 when the change makes it a likely duplicate, unless allowDuplicate.");

        customers.MapDelete("/{id:guid}", (Guid id, ArchiveCustomer archive, CancellationToken ct) => Archive(id, restore: false, archive, ct))
            .WithSummary("Archive (soft delete, SEC-1): out of the lists, restorable.");
        customers.MapPost("/{id:guid}/restore", (Guid id, ArchiveCustomer archive, CancellationToken ct) => Archive(id, restore: true, archive, ct))
            .WithSummary("Bring an archived customer back.");
        customers.MapPost("/{id:guid}/erase", async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, EraseBody body, EraseCustomer erase, CancellationToken ct) =>
        {
            if (await erase.Handle(id, body, ct) is not { } erased)
                return TypedResults.NotFound();
            if (Problems.RefusedFor(erased, CustomerWebErrors.EraseNotAllowed))
                return Problems.Forbidden(CustomerWebErrors.EraseNotAllowed);
            return erased.Succeeded ? TypedResults.NoContent() : Problems.Validation(erased.Errors);
        }).WithSummary("PIPL erasure with a reason (customer-service manager, administrators): personal fields blanked for good, history redacted, the erasure recorded.");

        customers.MapGet("/export", async Task<Results<FileStreamHttpResult, ValidationProblem>> (string? format, string? q, Guid? groupId, string? ownerId, Guid? departmentId,
            string? type, string? status, string? tier, string? stage, string? credit, string? sort, ExportCustomers export, Guanxi.Domain.Common.EnterpriseClock clock, CancellationToken ct) =>
        {
            format = (format ?? "xlsx").ToLowerInvariant();
            if (format is not ("xlsx" or "csv") || !ApiEnums.TryParse<CustomerType>(type, out var t) || !ApiEnums.TryParse<CustomerStatus>(status, out var s)
                || !ApiEnums.TryParse<Tier>(tier, out var g) || !ApiEnums.TryParse<Domain.Lifecycle.LifecycleStage>(stage, out var l) || !ApiEnums.TryParse<Domain.Credit.CreditLevel>(credit, out var r))
                return Problems.Validation(CustomerWebErrors.ExportFormat);
            if (await export.Handle(new CustomerQuery(q, ownerId, departmentId, t, s, null, null, groupId, sort, g, l, r), format, Cultures.IsEnglish, ct) is not { } file)
                return Problems.Validation(CustomerWebErrors.NotAllowed);
            var contentType = format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return TypedResults.File(file.File, contentType, $"customers-{clock.Today:yyyyMMdd}.{format}");
        }).RequireAuthorization(Shared.Auth.Policies.ExportCustomers)
            .WithSummary("The filtered list (the list's filters: q, groupId, ownerId, departmentId, type, status, tier, stage, credit) as .xlsx or .csv (formula cells neutralised); needs the export right; logged with the filter and row count.");
        customers.MapGet("/duplicates", (int? page, int? pageSize, ListDuplicateGroups list, CancellationToken ct) => list.Handle(page, pageSize, ct))
            .WithSummary("Groups of likely duplicates among the active customers in the caller's sight (ARC-2).");
        customers.MapPost("/merge", async Task<Results<Ok<CustomerView>, NotFound, ValidationProblem, ProblemHttpResult>> (MergeBody body, MergeCustomers merge, GetCustomer get, CancellationToken ct) =>
        {
            if (await merge.Handle(body, ct) is not { } merged)
                return TypedResults.NotFound();
            if (Problems.RefusedFor(merged, CustomerWebErrors.NotAllowed))
                return Problems.Forbidden(CustomerWebErrors.NotAllowed);
            return merged.Succeeded ? TypedResults.Ok((await get.Handle(merged.Value, ct))!) : Problems.Validation(merged.Errors);
        }).WithSummary("Merge duplicates into the survivor: fields picked per customer (fields: {\"name\": id, …}), lists united, related records moved, tombstones kept, recorded in both histories.");

        customers.MapGet("/{id:guid}/history", async Task<Results<Ok<Page<Audit.AuditRow>>, NotFound>> (Guid id, int? page, int? pageSize, CustomerHistory history, CancellationToken ct) =>
                await history.Handle(id, page, pageSize, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound())
            .WithSummary("Every change of the customer: field, old, new, who, when (ARC-3).");
        app.MapGet("/api/audit/personal-data", (Guid? customerId, int? page, int? pageSize, ListPersonalDataAccess list, CancellationToken ct) =>
                list.Handle(customerId, page, pageSize, ct))
            .RequireAuthorization(Shared.Auth.Policies.ViewAudit).WithTags("Audit")
            .WithSummary("Every view of unmasked personal data, every reveal with its reason, every export (ARC-9).");
        app.MapGroups();
        return app;
    }
}
