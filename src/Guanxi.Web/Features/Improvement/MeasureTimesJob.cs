using Quartz;

namespace Guanxi.Web.Features.Improvement;

/// <summary>CAPA-3, CAPA-4: every hour (Improvement:TimesCron), the late plans and unconfirmed coordinations go to the executive VP.</summary>
[DisallowConcurrentExecution]
public sealed class MeasureTimesJob(CheckMeasureTimes check, ILogger<MeasureTimesJob> logger) : IJob
{
    public static readonly JobKey Key = new("improvement.times");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await check.Handle(cancellationToken);
        if (run.LatePlans + run.Escalations > 0)
            logger.LogInformation("Improvement measures: {LatePlans} late plans and {Escalations} coordinations sent to the executive VP", run.LatePlans, run.Escalations);
    }
}
