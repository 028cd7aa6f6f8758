using Guanxi.Web.Shared.Api;
using Guanxi.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guanxi.Web.Features.Customers;

public static class CustomersFeature
{
    public static WebApplicationBuilder AddCustomers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CustomerSearchInterceptor>();   // the search index kept in step on every save
        services.AddSingleton<Data.IMigrationStep, IndexOlderCustomers>();   // the search entries of an older database, at the start-up that upgrades it
        services.AddScoped<CustomerViewers>();
        services.AddScoped<PersonalDataLog>();
        services.AddScoped<ListPersonalDataAccess>();
        services.AddScoped<CustomerInput>();
        services.AddScoped<ListCustomers>();
        services.AddScoped<ListCustomerFilters>();
        services.AddScoped<GetCustomer>();
        services.AddScoped<GetCustomerNotes>();
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
        services.AddScoped<FollowUpCadence>();
        services.AddScoped<GetCustomerTimeline>();
        return builder;
    }

    public static WebApplication MapCustomers(this WebApplication app)
    {
        var customers = app.MapGroup("/api/customers").RequireAuthorization().WithTags("Customers");
        customers.MapGet("/", async ([AsParameters] CustomerFilter filter, int? page, int? pageSize, ListCustomers list, CancellationToken ct) =>
            await filter.ToQuery(page, pageSize).ToHttp(async query => (await list.Handle(query, ct)).ToHttp()))
            .Produces<Page<CustomerRow>>()
            .WithSummary("Customers in the caller's sight, primary phone masked unless the caller may see it. q searches names, organisations, phones (whole or last 4+ digits) and e-mails; tier=vip|important|ordinary; stage=potential|firstPurchase|repeat|loyal|churned; credit=AAA|AA|A|B|C|notRated (no payment history yet); contact=overdue (not contacted for longer than the tier's follow-up cadence, or never and entered longer ago); sort=name|-name|createdAt|-createdAt. Each row has lastContactAt and contactOverdue.");

        customers.MapGet("/{id:guid}", async (Guid id, bool? reveal, string? reason, HttpContext http, GetCustomer get, CancellationToken ct) =>
            (reveal == true ? await get.Reveal(id, reason, ct) : await get.Handle(id, ct)).ToHttp(view =>
            {
                http.Response.Headers.ETag = $"\"{view.Version}\"";
                return TypedResults.Ok(view);
            }))
            .Produces<CustomerView>()
            .WithSummary("One customer with an ETag; 404 when outside the caller's sight; ?reveal=true&reason= unmasks for a department colleague (logged), 403 for others.");

        customers.MapPost("/", async (CustomerBody body, CreateCustomer create, GetCustomer get, CancellationToken ct) =>
            await (await create.Handle(body, ct)).ToHttp(async id => TypedResults.Created($"/api/customers/{id}", (await get.Handle(id, ct)).Value)))
            .Produces<CustomerView>(StatusCodes.Status201Created)
            .WithSummary("Enter a customer; 409 with the likely duplicates (same mobile, e-mail, or name + organisation) unless allowDuplicate is true — those outside the caller's sight without id, name or department.");

        customers.MapPut("/{id:guid}", async (Guid id, CustomerBody body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, UpdateCustomer update, GetCustomer get, CancellationToken ct) =>
            await (await update.Handle(id, body, ETags.Version(ifMatch), ct)).ToHttp(async version =>
            {
                http.Response.Headers.ETag = $"\"{version}\"";
                return TypedResults.Ok((await get.Handle(id, ct)).Value);
            }))
            .Produces<CustomerView>()
            .WithSummary("Change a customer: If-Match with the ETag read is required (428 without, 412 when stale); 409 when the change makes it a likely duplicate, unless allowDuplicate.");

        customers.MapDelete("/{id:guid}", async (Guid id, ArchiveCustomer archive, CancellationToken ct) => (await archive.Handle(id, restore: false, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Archive (soft delete): out of the lists, restorable.");
        customers.MapPost("/{id:guid}/restore", async (Guid id, ArchiveCustomer archive, CancellationToken ct) => (await archive.Handle(id, restore: true, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Bring an archived customer back.");
        customers.MapPost("/{id:guid}/erase", async (Guid id, EraseBody body, EraseCustomer erase, CancellationToken ct) => (await erase.Handle(id, body, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("PIPL erasure with a reason (customer-service manager, administrators): personal fields blanked for good, history redacted, the erasure recorded.");

        customers.MapGet("/export", async ([AsParameters] CustomerFilter filter, string? format, ExportCustomers export, EnterpriseClock clock, CancellationToken ct) =>
        {
            format = (format ?? "xlsx").ToLowerInvariant();
            if (format is not ("xlsx" or "csv"))
                return ResultHttp.Problem([CustomerWebErrors.ExportFormat]);
            return await filter.ToQuery().ToHttp(async query => (await export.Handle(query, format, Cultures.IsEnglish, ct)).ToHttp(file =>
                TypedResults.File(file.File, format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{(Cultures.IsEnglish ? "customers" : "客户档案")}_{clock.Today:yyyyMMdd}.{format}")));
        }).WithSummary("The filtered list (the list's filters: q, groupId, ownerId, departmentId, type, status, tier, stage, credit, contact=overdue) as .xlsx or .csv (formula cells neutralised), with the last contact's day (最近联系, yyyy-MM-dd in the enterprise's zone); needs the export right (leadership, the customer-service manager, department managers); logged with the filter and row count.");
        customers.MapGet("/duplicates", async (int? page, int? pageSize, ListDuplicateGroups list, CancellationToken ct) => (await list.Handle(page, pageSize, ct)).ToHttp())
            .WithSummary("Groups of likely duplicates among the active customers in the caller's sight.");
        customers.MapPost("/merge", async (MergeBody body, MergeCustomers merge, GetCustomer get, CancellationToken ct) =>
            await (await merge.Handle(body, ct)).ToHttp(async survivor => (await get.Handle(survivor, ct)).ToHttp()))
            .Produces<CustomerView>()
            .WithSummary("Merge duplicates into the survivor: fields picked per customer (fields: {\"name\": id, …}), lists united, related records moved, tombstones kept, recorded in both histories.");

        customers.MapGet("/{id:guid}/timeline", async (Guid id, string? kind, [AsParameters] Paging paging, GetCustomerTimeline timeline, CancellationToken ct) =>
                (await timeline.Handle(id, kind, paging, ct)).ToHttp())
            .Produces<Page<TimelineItem>>()
            .WithSummary("The customer's 时间线 (timeline): their contacts, orders, surveys, tasks and reviews (complaints and care messages as they come) the caller may see, newest first: items [{kind, at, title, summary, link, id, by, byId, allDay}], total. kind=contact|order|survey|complaint|task|review|care (several separated by commas); page/pageSize.");

        customers.MapGet("/{id:guid}/history", async (Guid id, int? page, int? pageSize, CustomerHistory history, CancellationToken ct) =>
                (await history.Handle(id, page, pageSize, ct)).ToHttp())
            .Produces<Page<Audit.AuditRow>>()
            .WithSummary("Every change of the customer: field, old, new, who, when.");
        app.MapGet("/api/audit/personal-data", async (Guid? customerId, int? page, int? pageSize, ListPersonalDataAccess list, CancellationToken ct) =>
                (await list.Handle(customerId, page, pageSize, ct)).ToHttp())
            .Produces<Page<PersonalDataAccessRow>>()
            .RequireAuthorization(Shared.Auth.Policies.ViewAudit).WithTags("Audit")
            .WithSummary("Every view of unmasked personal data, every reveal with its reason, every export.");
        app.MapGroups();
        return app;
    }
}
