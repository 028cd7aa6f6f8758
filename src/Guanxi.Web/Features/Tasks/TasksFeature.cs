using Guanxi.Domain.Tasks;
using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guanxi.Web.Features.Tasks;

/// <summary>The owners' tasks (LIF-2 care calls and win-back visits, ARC-6 reviews) and "my tasks".</summary>
public static class TasksFeature
{
    public static readonly Domain.Common.Error Filter = new("task.filter", "状态只能是 open、overdue 或 done，类型只能是 careCall、winBack 或 review。", "state is open, overdue or done; kind is careCall, winBack or review.", "state");

    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListTasks>();
        builder.Services.AddScoped<CompleteTask>();
        return builder;
    }

    public static WebApplication MapTasks(this WebApplication app)
    {
        var api = app.MapGroup("/api/tasks").RequireAuthorization().WithTags("Tasks");
        api.MapGet("/", async Task<Results<Ok<TaskList>, ValidationProblem, UnauthorizedHttpResult>> (bool? mine, string? state, string? kind, int? skip, int? take, ListTasks list, CancellationToken ct) =>
        {
            if (!ApiEnums.TryParse<TaskState>(state, out var s) || !ApiEnums.TryParse<CustomerTaskKind>(kind, out var k))
                return Problems.Validation(Filter);
            return await list.Handle(mine ?? true, s, k, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, 500), ct) is { } tasks ? TypedResults.Ok(tasks) : TypedResults.Unauthorized();
        }).WithSummary("Tasks: mine=true (default) the caller's own; mine=false everyone's in the caller's sight (managers). state=open|overdue|done, kind=careCall|winBack|review.");
        api.MapPost("/{id:guid}/complete", async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, CompleteTaskBody body, CompleteTask complete, CancellationToken ct) =>
        {
            if (await complete.Handle(id, body, ct) is not { } done)
                return TypedResults.NotFound();
            if (Problems.RefusedFor(done, CompleteTask.NotAllowed))
                return Problems.Forbidden(CompleteTask.NotAllowed);
            return done.Succeeded ? TypedResults.NoContent() : Problems.Validation(done.Errors);
        }).WithSummary("Mark a task done: {outcome} (what came of it, required).");
        return app;
    }
}
