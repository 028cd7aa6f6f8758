using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guanxi.Web.Features.Customers;

/// <summary>ARC-8 custom groups: /api/groups and their members.</summary>
public static class GroupEndpoints
{
    public static void MapGroups(this WebApplication app)
    {
        var groups = app.MapGroup("/api/groups").RequireAuthorization().WithTags("Groups");
        groups.MapGet("/", (ListGroups list, CancellationToken ct) => list.Handle(ct)).WithSummary("Every group with its number of active members.");
        groups.MapPost("/", async Task<Results<Created<GroupView>, ValidationProblem, ProblemHttpResult>> (GroupBody body, SaveGroup save, ListGroups list, CancellationToken ct) =>
        {
            var created = await save.Create(body, ct);
            if (Refused(created) is { } refused)
                return refused;
            if (!created.Succeeded)
                return Problems.Validation(created.Errors);
            return TypedResults.Created($"/api/groups/{created.Value}", (await list.Handle(ct)).Single(g => g.Id == created.Value));
        }).WithSummary("Create a group; a taken name is a 400 on the name field.");
        groups.MapPut("/{id:guid}", async Task<Results<Ok<GroupView>, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, GroupBody body, SaveGroup save, ListGroups list, CancellationToken ct) =>
        {
            if (await save.Rename(id, body, ct) is not { } renamed)
                return TypedResults.NotFound();
            if (Refused(renamed) is { } refused)
                return refused;
            return renamed.Succeeded ? TypedResults.Ok((await list.Handle(ct)).Single(g => g.Id == id)) : Problems.Validation(renamed.Errors);
        }).WithSummary("Rename a group (its maker and managers).");
        groups.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound, ProblemHttpResult>> (Guid id, DeleteGroup delete, CancellationToken ct) =>
        {
            if (await delete.Handle(id, ct) is not { } deleted)
                return TypedResults.NotFound();
            return Refused(deleted) is { } refused ? refused : TypedResults.NoContent();
        }).WithSummary("Delete a group; each member's history records that it left.");
        groups.MapPost("/{id:guid}/members", (Guid id, GroupMembersBody body, ChangeGroupMembers change, CancellationToken ct) => Members(id, body, add: true, change, ct))
            .WithSummary("Add customers to the group: all or none, each one the caller may edit.");
        groups.MapDelete("/{id:guid}/members", (Guid id, [Microsoft.AspNetCore.Mvc.FromBody] GroupMembersBody body, ChangeGroupMembers change, CancellationToken ct) => Members(id, body, add: false, change, ct))
            .WithSummary("Remove customers from the group.");
    }

    private static async Task<Results<Ok<MembersChanged>, NotFound, ValidationProblem>> Members(
        Guid id, GroupMembersBody body, bool add, ChangeGroupMembers change, CancellationToken ct)
    {
        if (await change.Handle(id, body, add, ct) is not { } changed)
            return TypedResults.NotFound();
        return changed.Succeeded ? TypedResults.Ok(new MembersChanged(changed.Value)) : Problems.Validation(changed.Errors);
    }

    private static ProblemHttpResult? Refused<T>(Result<T> result) =>
        Problems.RefusedFor(result, CustomerGroupErrors.NotAllowed) ? Problems.Forbidden(CustomerGroupErrors.NotAllowed) : null;
}

public sealed record MembersChanged(int Changed);
