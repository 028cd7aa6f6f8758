using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Authentication.BearerToken;
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

        app.MapGet("/api/me", async (GetMe me, CancellationToken ct) => (await me.Handle(ct)).ToHttp())
            .Produces<MeView>()
            .RequireAuthorization().WithTags("Auth").WithSummary("The caller: roles and department.");

        var users = app.MapGroup("/api/users").RequireAuthorization(Policies.ManageAccounts).WithTags("Users");
        users.MapGet("/", async (string? search, Guid? departmentId, string? role, int? page, int? pageSize, ListStaff list, CancellationToken ct) =>
            (await list.Handle(new StaffQuery(search, departmentId, role, page, pageSize), ct)).ToHttp()).Produces<Page<StaffRow>>();
        users.MapPost("/", async (CreateStaffRequest request, CreateStaff create, ListStaff list, CancellationToken ct) =>
            await (await create.Handle(request, ct)).ToHttp(async id => TypedResults.Created($"/api/users/{id}", (await list.One(id, ct)).Value)))
            .Produces<StaffRow>(StatusCodes.Status201Created);
        users.MapGet("/{id}", async (string id, HttpResponse response, ListStaff list, CancellationToken ct) =>
            (await list.One(id, ct)).ToHttp(row =>
            {
                response.Headers.ETag = $"\"{row.Version}\"";
                return TypedResults.Ok(row);
            })).Produces<StaffRow>();
        // The version read with the account comes back as If-Match (or "version" in the body); a newer one is a 412.
        users.MapPut("/{id}", async (string id, UpdateStaffRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, UpdateStaff update, CancellationToken ct) =>
            (await update.Handle(id, request with { Version = request.Version ?? ifMatch?.Trim('"') }, ct)).ToHttp(_ => TypedResults.NoContent()));
        users.MapPost("/{id}/password", async (string id, SetPasswordRequest request, SetStaffPassword set) =>
            (await set.Handle(id, request)).ToHttp(_ => TypedResults.NoContent()));

        app.MapGet("/api/audit/sign-ins", async (string? email, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, ListSignIns list, CancellationToken ct) =>
                (await list.Handle(new SignInQuery(email, from, to, page, pageSize), ct)).ToHttp())
            .Produces<Page<SignInRow>>()
            .RequireAuthorization(Policies.ViewAudit).WithTags("Audit")
            .WithSummary("Every sign-in attempt, successful or not.");

        app.MapGet("/api/roles", async (ListRoles roles, CancellationToken ct) => (await roles.Handle(ct)).ToHttp()).Produces<IReadOnlyList<RoleRow>>()
            .RequireAuthorization(Policies.ManageAccounts).WithTags("Users");

        var departments = app.MapGroup("/api/departments").WithTags("Departments");
        departments.MapGet("/", (ListDepartments list, CancellationToken ct) => list.Handle(ct)).RequireAuthorization();
        departments.MapPost("/", async (SaveDepartmentRequest request, SaveDepartment save, CancellationToken ct) =>
            (await save.Handle(null, request, ct)).ToHttp(id => TypedResults.Created($"/api/departments/{id}", new IdBody(id))))
            .Produces<IdBody>(StatusCodes.Status201Created).RequireAuthorization(Policies.ManageAccounts);
        departments.MapPut("/{id:guid}", async (Guid id, SaveDepartmentRequest request, SaveDepartment save, CancellationToken ct) =>
            (await save.Handle(id, request, ct)).ToHttp(_ => TypedResults.NoContent())).RequireAuthorization(Policies.ManageAccounts);
        departments.MapDelete("/{id:guid}", async (Guid id, DeleteDepartment delete, CancellationToken ct) =>
            (await delete.Handle(id, ct)).ToHttp(_ => TypedResults.NoContent())).RequireAuthorization(Policies.ManageAccounts);
    }
}

public sealed record IdBody(Guid Id);
