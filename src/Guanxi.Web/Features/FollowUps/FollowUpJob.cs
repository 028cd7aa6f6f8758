using Quartz;

namespace Guanxi.Web.Features.FollowUps;

/// <summary>SVC-4: every morning, plans the follow-ups that fall due within the lead days.</summary>
[DisallowConcurrentExecution]
public sealed class FollowUpJob(PlanFollowUps plan, ILogger<FollowUpJob> logger) : IJob
{
    public static readonly JobKey Key = new("followups.plan");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await plan.Handle(cancellationToken);
        logger.LogInformation("Follow-ups planned: {Calls} calls and {Visits} visits for {Owners} owners", run.Calls, run.Visits, run.Owners);
    }
}
