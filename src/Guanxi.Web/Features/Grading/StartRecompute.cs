using Guanxi.Domain.Common;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Auth;
using Quartz;

namespace Guanxi.Web.Features.Grading;

/// <summary>
/// GRD-2 "on demand": administrators and the customer-service manager start a recompute and watch its progress. A
/// second request while one is queued or running starts nothing: a 409 naming that run (its id, to watch it).
/// </summary>
public sealed class StartRecompute(JobRuns runs, ISchedulerFactory schedulers, CurrentUser user, Customers.CustomerViewers viewers)
{
    public static readonly Error NotAllowed = Error.Forbidden("grading.recompute_not_allowed", "只有系统管理员和客服经理可以立即重算客户分级。", "Only administrators and the customer-service manager can start a recompute.");

    public static Error Running(Guid run) =>
        Error.Conflict("grading.recompute_running", "已有一次重算正在进行，请等它完成。", "A recompute is already running; wait for it to finish.")
        with { Extensions = new Dictionary<string, object?> { ["jobId"] = run } };

    public async Task<Result<Guid>> Handle(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !Domain.Grading.GradingAccess.CanRecompute(viewer))
            return NotAllowed;
        if (await runs.Pending(GradingJob.Kind, cancellationToken) is { } pending)
            return Running(pending);
        var by = Actor.Staff(user.Id);
        var run = await runs.Queue(GradingJob.Kind, by, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var data = ActorJobData.For(by);
        data["runId"] = run.Id.ToString();
        await scheduler.TriggerJob(GradingJob.Key, data, cancellationToken);
        return run.Id;
    }
}
