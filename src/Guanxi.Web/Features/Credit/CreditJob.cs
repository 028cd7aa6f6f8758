using Quartz;

namespace Guanxi.Web.Features.Credit;

/// <summary>ARC-5/7: instalments fall overdue as days pass — every night the credit of every customer is rated again.</summary>
[DisallowConcurrentExecution]
public sealed class CreditJob(EvaluateCredit evaluate, ILogger<CreditJob> logger) : IJob
{
    public static readonly JobKey Key = new("credit.evaluate");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var outcome = await evaluate.Handle("系统（夜间评定）", cancellationToken: cancellationToken);
        logger.LogInformation("Credit evaluation: {Customers} customers, {Changed} changed level, {Alerts} alerts", outcome.Customers, outcome.Changed, outcome.Alerts);
    }
}
