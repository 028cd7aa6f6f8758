using Guanxi.Web.Features.Jobs;
using Quartz;

namespace Guanxi.Web.Features.Grading;

/// <summary>GRD-2: the recompute, every night and when a user asks for it (then with the run they watch).</summary>
[DisallowConcurrentExecution]
public sealed class GradingJob(RecomputeGrades recompute, JobRuns runs, ILogger<GradingJob> logger) : IJob
{
    public const string Kind = "grading.recompute";
    public const string Nightly = "系统（夜间重算）";
    public static readonly JobKey Key = new(Kind);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var runId = data.TryGetString("runId", out var id) && Guid.TryParse(id, out var given) ? given : (await runs.Queue(Kind, null, Nightly, cancellationToken)).Id;
        var by = data.TryGetString("by", out var name) && name is not null ? name : Nightly;
        await runs.Progress(runId, JobStatus.Running, 0, cancellationToken: cancellationToken);
        try
        {
            var outcome = await recompute.Handle(by, runs.Reporter(runId), cancellationToken);
            await runs.Progress(runId, JobStatus.Succeeded, 1,
                ($"已评定 {outcome.Customers:N0} 位客户，{outcome.Changed:N0} 位级别有变化。", $"{outcome.Customers:N0} customers graded, {outcome.Changed:N0} changed tier."), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Grading recompute {RunId} failed", runId);
            await runs.Progress(runId, JobStatus.Failed, 0, ("重算失败，未作任何更改。请稍后重试或联系系统管理员。", "The recompute failed and changed nothing. Try again later or ask an administrator."), CancellationToken.None);
        }
    }
}
