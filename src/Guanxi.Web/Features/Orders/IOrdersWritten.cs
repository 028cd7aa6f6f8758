namespace Guanxi.Web.Features.Orders;

/// <summary>
/// A feature that keeps a fact drawn from customers' orders up to date (LIF-1 the lifecycle stage, ARC-5 the credit
/// level) is told here that orders were written, so that Orders knows none of them. Each registers its own in DI;
/// <see cref="OrderWriter"/> tells them in the order they were registered.
/// </summary>
public interface IOrdersWritten
{
    /// <summary>Inside the write's transaction: these customers' orders changed (<paramref name="by"/> wrote them).</summary>
    Task Written(Domain.Common.Actor by, IReadOnlyCollection<Guid> customers, CancellationToken cancellationToken);

    /// <summary>After the commit of a write too big to judge inline: the job that judges everyone is started.</summary>
    ValueTask WrittenInBulk(Quartz.IScheduler scheduler, Domain.Common.Actor by, CancellationToken cancellationToken);
}
