using Guanxi.Domain.Common;
using Quartz;

namespace Guanxi.Web.Features.Reviews;

/// <summary>ARC-6: every morning, opens a review cycle when the interval since the last one has passed.</summary>
[DisallowConcurrentExecution]
public sealed class ReviewJob(OpenReviewCycle open, ILogger<ReviewJob> logger) : IJob
{
    public static readonly Actor Scheduled = Actor.System(ActorCause.ReviewSchedule);
    public static readonly JobKey Key = new("reviews.open");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (await open.Handle(Scheduled, early: false, cancellationToken) is { } cycle)
            logger.LogInformation("Review cycle {Number} opened: {Reviews} reviews, {Flagged} flagged", cycle.Number, cycle.Reviews, cycle.Flagged);
    }
}
