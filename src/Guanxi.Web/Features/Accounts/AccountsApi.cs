using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Guanxi.Domain.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guanxi.Web.Features.Accounts;

public static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", (LoginRequest request, ApiLogin login) => login.Handle(request))
            .AllowAnonymous().WithTags("Auth")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Sign in with e-mail and password (and twoFactorCode when enabled); returns a bearer token.");

        app.MapGet("/api/me", async Task<Results<Ok<MeView>, UnauthorizedHttpResult>> (GetMe me, CancellationToken ct) =>
                await me.Handle(ct) is { } view ? TypedResults.Ok(view) : TypedResults.Unauthorized())
            .RequireAuthorization().WithTags("Auth").WithSummary("The caller: roles and department.");

        var users = app.MapGroup("/api/users").RequireAuthorization(Policies.ManageAccounts).WithTags("Users");
        users.MapGet("/", (string? search, Guid? departmentId, string? role, int? page, int? pageSize, ListStaff list, CancellationToken ct) =>
            list.Handle(new StaffQuery(search, departmentId, role, page, pageSize), ct));
        users.MapPost("/", async Task<Results<Created<StaffRow>, ValidationProblem>> (CreateStaffRequest request, CreateStaff create, ListStaff list, CancellationToken ct) =>
        {
            var result = await create.Handle(request, ct);
            if (!result.Succeeded)
                return Problems.Validation(result.Errors);
            var row = (await list.Handle(new StaffQuery(Id: result.Value), ct)).Items.Single();
            return TypedResults.Created($"/api/users/{row.Id}", row);
        });
        users.MapGet("/{id}", async Task<Results<Ok<StaffRow>, NotFound>> (string id, HttpContext http, ListStaff list, CancellationToken ct) =>
        {
            if ((await list.Handle(new StaffQuery(Id: id), ct)).Items is not [var row])
                return TypedResults.NotFound();
            http.Response.Headers.ETag = $"\"{row.Version}\"";
            return TypedResults.Ok(row);
        });
        // The version read with the account comes back as If-Match (or "version" in the body); a newer one is a 412.
        users.MapPut("/{id}", async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> (
                string id, UpdateStaffRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, UpdateStaff update, CancellationToken ct) =>
            await update.Handle(id, request with { Version = request.Version ?? ifMatch?.Trim('"') }, ct) switch
            {
                null => TypedResults.NotFound(),
                { Succeeded: false } failed when failed.Errors.Contains(StaffErrors.Changed) =>
                    TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: StaffErrors.Changed.MessageFor(Cultures.IsEnglish)),
                { Succeeded: false } failed => Problems.Validation(failed.Errors),
                _ => TypedResults.NoContent(),
            });
        users.MapPost("/{id}/password", async Task<Results<NoContent, NotFound, ValidationProblem>> (string id, SetPasswordRequest request, SetStaffPassword set) =>
            await set.Handle(id, request) switch
            {
                null => TypedResults.NotFound(),
                { Succeeded: false } failed => Problems.Validation(failed.Errors),
                _ => TypedResults.NoContent(),
            });

        app.MapGet("/api/roles", (ListRoles roles, CancellationToken ct) => roles.Handle(ct))
            .RequireAuthorization(Policies.ManageAccounts).WithTags("Users");

        var departments = app.MapGroup("/api/departments").WithTags("Departments");
        departments.MapGet("/", (ListDepartments list, CancellationToken ct) => list.Handle(ct)).RequireAuthorization();
        departments.MapPost("/", async Task<Results<Created<IdBody>, ValidationProblem>> (SaveDepartmentRequest request, SaveDepartment save, CancellationToken ct) =>
        {
            var result = (await save.Handle(null, request, ct))!.Value;
            return result.Succeeded
                ? TypedResults.Created($"/api/departments/{result.Value}", new IdBody(result.Value))
                : Problems.Validation(result.Errors);
        }).RequireAuthorization(Policies.ManageAccounts);
        departments.MapPut("/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, SaveDepartmentRequest request, SaveDepartment save, CancellationToken ct) =>
            await save.Handle(id, request, ct) switch
            {
                null => TypedResults.NotFound(),
                { Succeeded: false } failed => Problems.Validation(failed.Errors),
                _ => TypedResults.NoContent(),
            }).RequireAuthorization(Policies.ManageAccounts);
        departments.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, DeleteDepartment delete, CancellationToken ct) =>
            await delete.Handle(id, ct) switch
            {
                null => TypedResults.NotFound(),
                { Succeeded: false } failed => Problems.Validation(failed.Errors),
                _ => TypedResults.NoContent(),
            }).RequireAuthorization(Policies.ManageAccounts);
    }
}

public sealed record IdBody(Guid Id);
