using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Features.Orders;
using Quartz;

namespace Guanxi.Web.Features.Credit;

/// <summary>ARC-5: the customers whose orders were written are rated again — inside the write, or by the job after a big one.</summary>
public sealed class RateWrittenOrders(EvaluateCredit evaluate) : IOrdersWritten
{
    public Task Written(Actor by, IReadOnlyCollection<Guid> customers, CancellationToken cancellationToken) =>
        evaluate.Handle(by, customers, cancellationToken: cancellationToken);

    public ValueTask WrittenInBulk(IScheduler scheduler, Actor by, CancellationToken cancellationToken) =>
        scheduler.TriggerJob(CreditJob.Key, ActorJobData.For(by), cancellationToken);
}
