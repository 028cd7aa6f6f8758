using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Features.Orders;
using Quartz;

namespace Guanxi.Web.Features.Lifecycle;

/// <summary>LIF-1: the customers whose orders were written are judged again — inside the write, or by the job after a big one.</summary>
public sealed class JudgeWrittenOrders(UpdateLifecycle update) : IOrdersWritten
{
    public Task Written(Actor by, IReadOnlyCollection<Guid> customers, CancellationToken cancellationToken) =>
        update.Handle(by, customers, cancellationToken: cancellationToken);

    public ValueTask WrittenInBulk(IScheduler scheduler, Actor by, CancellationToken cancellationToken) =>
        scheduler.TriggerJob(LifecycleJob.Key, ActorJobData.For(by), cancellationToken);
}
