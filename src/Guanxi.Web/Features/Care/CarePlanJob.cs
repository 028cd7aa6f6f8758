using Quartz;

namespace Guanxi.Web.Features.Care;

/// <summary>SVC-5: every morning (Care:PlansCron, 06:30 enterprise time) the care plans greet their day (<see cref="RunCarePlans"/>).</summary>
[DisallowConcurrentExecution]
public sealed class CarePlanJob(RunCarePlans run, ILogger<CarePlanJob> logger) : IJob
{
    public static readonly JobKey Key = new("care.plans");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var done = await run.Handle(cancellationToken);
        if (done.Plans > 0)
            logger.LogInformation("Care plans: {Plans} plans greeted, {Written} messages written ({Suppressed} suppressed), {Calls} calls asked of owners", done.Plans, done.Written, done.Suppressed, done.Calls);
    }
}
