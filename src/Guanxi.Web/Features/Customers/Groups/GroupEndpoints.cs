using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Customers;

/// <summary>ARC-8 custom groups: /api/groups and their members.</summary>
public static class GroupEndpoints
{
    public static void MapGroups(this WebApplication app)
    {
        var groups = app.MapGroup("/api/groups").RequireAuthorization().WithTags("Groups");
        groups.MapGet("/", async (ListGroups list, CancellationToken ct) => (await list.Handle(ct)).ToHttp()).Produces<IReadOnlyList<GroupView>>().WithSummary("Every group with its number of active members.");
        groups.MapPost("/", async (GroupBody body, SaveGroup save, ListGroups list, CancellationToken ct) =>
            await (await save.Create(body, ct)).ToHttp(async id => TypedResults.Created($"/api/groups/{id}", (await list.Handle(ct)).Value!.Single(g => g.Id == id))))
            .Produces<GroupView>(StatusCodes.Status201Created)
            .WithSummary("Create a group; a taken name is a 400 on the name field.");
        groups.MapPut("/{id:guid}", async (Guid id, GroupBody body, SaveGroup save, ListGroups list, CancellationToken ct) =>
            await (await save.Rename(id, body, ct)).ToHttp(async _ => TypedResults.Ok((await list.Handle(ct)).Value!.Single(g => g.Id == id))))
            .Produces<GroupView>()
            .WithSummary("Rename a group (its maker and managers).");
        groups.MapDelete("/{id:guid}", async (Guid id, DeleteGroup delete, CancellationToken ct) => (await delete.Handle(id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Delete a group; each member's history records that it left.");
        groups.MapPost("/{id:guid}/members", (Guid id, GroupMembersBody body, ChangeGroupMembers change, CancellationToken ct) => Members(id, body, add: true, change, ct))
            .WithSummary("Add customers to the group: all or none, each one the caller may edit.");
        groups.MapDelete("/{id:guid}/members", (Guid id, [Microsoft.AspNetCore.Mvc.FromBody] GroupMembersBody body, ChangeGroupMembers change, CancellationToken ct) => Members(id, body, add: false, change, ct))
            .WithSummary("Remove customers from the group.");
    }

    private static async Task<IResult> Members(Guid id, GroupMembersBody body, bool add, ChangeGroupMembers change, CancellationToken ct) =>
        (await change.Handle(id, body, add, ct)).ToHttp(changed => TypedResults.Ok(new MembersChanged(changed)));
}

public sealed record MembersChanged(int Changed);
