using Guanxi.Domain.Tasks;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Tasks;

/// <summary>The owners' tasks (LIF-2 care calls and win-back visits, ARC-6 reviews) and "my tasks".</summary>
public static class TasksFeature
{
    public static readonly Domain.Common.Error Filter = new("task.filter", "状态只能是 open、overdue 或 done，类型只能是 careCall、winBack、review、followUpCall、followUpVisit 或 recommendation。", "state is open, overdue or done; kind is careCall, winBack, review, followUpCall, followUpVisit or recommendation.", "state");

    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListTasks>();
        builder.Services.AddScoped<CompleteTask>();
        builder.Services.AddScoped<Customers.ICustomerMergeStep, MoveTasks>();
        builder.Services.AddScoped<Customers.ITimelineSource, TaskTimeline>();   // the customer's 时间线: care calls, win-back visits
        return builder;
    }

    public static WebApplication MapTasks(this WebApplication app)
    {
        var api = app.MapGroup("/api/tasks").RequireAuthorization().WithTags("Tasks");
        api.MapGet("/", async (bool? mine, string? state, string? kind, [AsParameters] Paging paging, int? workPage, int? workPageSize, ListTasks list, CancellationToken ct) =>
        {
            if (!ApiEnums.TryParse<TaskState>(state, out var s) || !ApiEnums.TryParse<CustomerTaskKind>(kind, out var k))
                return ResultHttp.Problem([Filter]);
            return (await list.Handle(mine ?? true, s, k, paging, new Paging(workPage, workPageSize ?? ListTasks.WorkPageSize), ct)).ToHttp();
        }).Produces<TaskList>()
            .WithSummary("Tasks: mine=true (default) the caller's own; mine=false everyone's in the caller's sight (managers). state=open|overdue|done, kind=careCall|winBack|review|followUpCall|followUpVisit|recommendation; page/pageSize (skip/take deprecated). "
                + "The caller's own list without a kind also has work: the other work assigned to them, each kind with its counts (kind surveyCall: a callback specialist's survey tasks; state overdue = the window passed and no reason recorded yet), paged by workPage/workPageSize (default 1 and 20, at most 500).");
        api.MapPost("/{id:guid}/complete", async (Guid id, CompleteTaskBody body, CompleteTask complete, CancellationToken ct) =>
            (await complete.Handle(id, body, ct)).ToHttp(_ => TypedResults.NoContent())).WithSummary("Mark a task done: {outcome} (what came of it, required).");
        return app;
    }
}
