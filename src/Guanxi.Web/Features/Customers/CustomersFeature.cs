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
        services.AddScoped<GetCustomer>();
        services.AddScoped<CreateCustomer>();
        services.AddScoped<UpdateCustomer>();
        services.AddScoped<CustomerHistory>();
        services.AddScoped<CustomerSearch>();
        services.AddScoped<ListGroups>();
        services.AddScoped<SaveGroup>();
        services.AddScoped<DeleteGroup>();
        services.AddScoped<ChangeGroupMembers>();
        return builder;
    }

    public static WebApplication MapCustomers(this WebApplication app)
    {
        var customers = app.MapGroup("/api/customers").RequireAuthorization().WithTags("Customers");
        customers.MapGet("/", ([AsParameters] CustomerQuery query, ListCustomers list, CancellationToken ct) => list.Handle(query, ct))
            .WithSummary("Customers in the caller's sight (ARC-9), primary phone masked unless the caller may see it. q searches names, organisations, phones (whole or last 4+ digits) and e-mails; sort=name|-name|createdAt|-createdAt.");

        customers.MapGet("/{id:guid}", async Task<Results<Ok<CustomerView>, NotFound, ValidationProblem, ProblemHttpResult>> (
            Guid id, bool? reveal, string? reason, HttpContext http, GetCustomer get, CancellationToken ct) =>
        {
            var (view, refused) = reveal == true ? await get.Reveal(id, reason, ct) : (await get.Handle(id, ct), null);
            if (refused == GetCustomer.RevealRefused)
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: refused.MessageFor(Cultures.IsEnglish));
            if (refused is not null)
                return Problems.Validation(refused);
            if (view is null)
                return TypedResults.NotFound();
            http.Response.Headers.ETag = $"\"{view.Version}\"";
            return TypedResults.Ok(view);
        }).WithSummary("One customer with an ETag; 404 when outside the caller's sight; ?reveal=true&reason= unmasks for a department colleague (logged), 403 for others.");

        customers.MapPost("/", async Task<Results<Created<CustomerView>, ValidationProblem>> (CustomerBody body, CreateCustomer create, GetCustomer get, CancellationToken ct) =>
        {
            var created = await create.Handle(body, ct);
            if (!created.Succeeded)
                return Problems.Validation(created.Errors);
            return TypedResults.Created($"/api/customers/{created.Value}", await get.Handle(created.Value, ct));
        });

        customers.MapPut("/{id:guid}", async Task<Results<Ok<CustomerView>, NotFound, ValidationProblem, ProblemHttpResult>> (
            Guid id, CustomerBody body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, UpdateCustomer update, GetCustomer get, CancellationToken ct) =>
        {
            var version = Guid.TryParse(ifMatch?.Trim().Trim('"'), out var v) ? v : (Guid?)null;
            var (outcome, errors, newVersion) = await update.Handle(id, body, version, ct);
            switch (outcome)
            {
                case UpdateOutcome.NotFound:
                    return TypedResults.NotFound();
                case UpdateOutcome.Invalid:
                    return Problems.Validation(errors);
                case UpdateOutcome.Forbidden or UpdateOutcome.VersionRequired or UpdateOutcome.Stale:
                    var status = outcome switch
                    {
                        UpdateOutcome.Forbidden => StatusCodes.Status403Forbidden,
                        UpdateOutcome.VersionRequired => StatusCodes.Status428PreconditionRequired,
                        _ => StatusCodes.Status412PreconditionFailed,
                    };
                    return TypedResults.Problem(statusCode: status, title: errors[0].MessageFor(Cultures.IsEnglish));
                default:
                    http.Response.Headers.ETag = $"\"{newVersion}\"";
                    return TypedResults.Ok((await get.Handle(id, ct))!);
            }
        }).WithSummary("Change a customer: If-Match with the ETag read is required (428 without, 412 when stale).");

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
