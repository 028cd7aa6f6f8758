using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;
using Quartz;

namespace Guanxi.Web.Features.Lifecycle;

/// <summary>LIF-1 for everyone after the thresholds change or orders are written (every night the grading job's night runs it, Grading.RecomputeNight).</summary>
[DisallowConcurrentExecution]
public sealed class LifecycleJob(UpdateLifecycle update, ILogger<LifecycleJob> logger) : IJob
{
    public static readonly Actor Nightly = Jobs.JobRuns.Nightly;
    public static readonly JobKey Key = new("lifecycle.update");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var by = context.MergedJobDataMap.ActorOr(Nightly);
        var outcome = await update.Handle(by, cancellationToken: cancellationToken);
        logger.LogInformation("Lifecycle update: {Customers} customers, {Changed} changed stage, {Tasks} tasks opened", outcome.Customers, outcome.Changed, outcome.Tasks);
    }
}
