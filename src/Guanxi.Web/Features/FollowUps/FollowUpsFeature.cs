using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Features.Tasks;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.FollowUps;

/// <summary>SVC-4: follow-up plans by tier — the morning's planning, the follow-ups listed and completed, overdue ones per owner.</summary>
public static class FollowUpsFeature
{
    public static readonly Domain.Common.Error Filter = new("followups.filter", "status 只能是 open、overdue 或 done。", "status is open, overdue or done.", "status");

    public static WebApplicationBuilder AddFollowUps(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlanFollowUps>();
        builder.Services.AddScoped<ListFollowUps>();
        builder.Services.AddScoped<CompleteFollowUp>();
        builder.Services.AddScoped<FollowUpOwners>();
        return builder;
    }

    /// <summary>The plan runs at 05:30 (FollowUps:PlanCron), after the night's grading has set the tiers.</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<FollowUpJob>(j => j.WithIdentity(FollowUpJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(FollowUpJob.Key).WithIdentity("followups.daily")
            .WithCronSchedule(configuration.GetValue("FollowUps:PlanCron", "0 30 5 * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapFollowUps(this WebApplication app)
    {
        var api = app.MapGroup("/api/followups").RequireAuthorization().WithTags("Follow-ups");
        api.MapGet("/", async (bool? mine, string? status, DateOnly? dueBy, [AsParameters] Paging paging, ListFollowUps list, CancellationToken ct) =>
        {
            if (!ApiEnums.TryParse<TaskState>(status, out var s))
                return ResultHttp.Problem([Filter]);
            return (await list.Handle(mine ?? true, s, dueBy, paging, ct)).ToHttp();
        }).Produces<FollowUpList>()
            .WithSummary("Follow-ups (care calls after a first purchase, the tier's follow-up calls and visits): mine=true (default) the caller's own, mine=false everyone's in the caller's sight; status=open|overdue|done; dueBy=YYYY-MM-DD; page/pageSize.");
        api.MapPost("/{id:guid}/complete", async (Guid id, CompleteFollowUpBody body, CompleteFollowUp complete, CancellationToken ct) =>
                (await complete.Handle(id, body, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Complete a follow-up: {usage, needs, feedback} (one at least, each up to 1,000 characters), opportunity (true/false, or the opportunity in words), opportunityNote.");
        api.MapGet("/owners", async (FollowUpOwners owners, CancellationToken ct) => (await owners.Handle(ct)).ToHttp())
            .Produces<IReadOnlyList<OwnerFollowUps>>()
            .WithSummary("Open and overdue follow-ups per owner in the caller's sight (department managers, customer service, leadership), most overdue first.");
        return app;
    }
}
