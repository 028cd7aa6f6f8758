using Quartz;

namespace Guanxi.Web.Features.Stock;

/// <summary>SVC-10: every night (Stock:SlowCron, 06:15), slow stock gets its sell-through proposals.</summary>
[DisallowConcurrentExecution]
public sealed class SlowStockJob(CheckSlowStock check, ILogger<SlowStockJob> logger) : IJob
{
    public static readonly JobKey Key = new("stock.slow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await check.Handle(cancellationToken);
        if (run.Opened > 0)
            logger.LogInformation("Slow stock: {Slow} slow products, {Opened} sell-through proposals opened for {Owners} owners", run.Slow, run.Opened, run.Owners);
    }
}
