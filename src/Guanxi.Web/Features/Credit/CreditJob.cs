using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;
using Quartz;

namespace Guanxi.Web.Features.Credit;

/// <summary>ARC-5/7: everyone rated again after orders are written, for whoever wrote them (every night the grading job does it, Grading.RecomputeNight).</summary>
[DisallowConcurrentExecution]
public sealed class CreditJob(EvaluateCredit evaluate, ILogger<CreditJob> logger) : IJob
{
    public static readonly JobKey Key = new("credit.evaluate");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var by = context.MergedJobDataMap.ActorOr(Actor.System(ActorCause.OrdersWritten));
        var outcome = await evaluate.Handle(by, cancellationToken: cancellationToken);
        logger.LogInformation("Credit evaluation: {Customers} customers, {Changed} changed level, {Alerts} alerts", outcome.Customers, outcome.Changed, outcome.Alerts);
    }
}
