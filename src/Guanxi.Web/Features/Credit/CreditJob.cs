using Quartz;

namespace Guanxi.Web.Features.Credit;

/// <summary>ARC-5/7: everyone rated again after orders are written (every night the grading job does it, Grading.RecomputeNight).</summary>
[DisallowConcurrentExecution]
public sealed class CreditJob(EvaluateCredit evaluate, ILogger<CreditJob> logger) : IJob
{
    public static readonly JobKey Key = new("credit.evaluate");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var outcome = await evaluate.Handle("系统（订单写入后评定）", cancellationToken: cancellationToken);
        logger.LogInformation("Credit evaluation: {Customers} customers, {Changed} changed level, {Alerts} alerts", outcome.Customers, outcome.Changed, outcome.Alerts);
    }
}
