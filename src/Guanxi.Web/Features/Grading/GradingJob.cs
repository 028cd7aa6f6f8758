using Guanxi.Domain.Common;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Auth;
using Quartz;

namespace Guanxi.Web.Features.Grading;

/// <summary>
/// GRD-2: the recompute when a user asks for it (with the run they watch), and every night together with the lifecycle
/// stages and credit ratings (<see cref="RecomputeNight"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class GradingJob(RecomputeGrades recompute, RecomputeNight night, JobRuns runs, ILogger<GradingJob> logger) : IJob
{
    public const string Kind = "grading.recompute";
    /// <summary>Who runs the night: the system, for the nightly recompute.</summary>
    public static readonly Actor Nightly = JobRuns.Nightly;
    public static readonly JobKey Key = new(Kind);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        Guid? asked = data.TryGetString("runId", out var id) && Guid.TryParse(id, out var given) ? given : null;
        var runId = asked ?? (await runs.Queue(Kind, Nightly, cancellationToken)).Id;
        var by = data.ActorOr(Nightly);
        await runs.Progress(runId, JobStatus.Running, 0, cancellationToken: cancellationToken);
        try
        {
            if (asked is not null)
            {
                var outcome = await recompute.Handle(by, runs.Reporter(runId), cancellationToken: cancellationToken);
                await runs.Progress(runId, JobStatus.Succeeded, 1,
                    ($"已评定 {outcome.Customers:N0} 位客户，{outcome.Changed:N0} 位级别有变化。", $"{outcome.Customers:N0} customers graded, {outcome.Changed:N0} changed tier."), CancellationToken.None);
                return;
            }
            var (staged, rated, graded) = await night.Handle(by, runs.Reporter(runId), cancellationToken);
            await runs.Progress(runId, JobStatus.Succeeded, 1,
                ($"已评定 {graded.Customers:N0} 位客户，{graded.Changed:N0} 位级别有变化；{staged.Changed:N0} 位生命周期阶段有变化，{rated.Changed:N0} 位信用等级有变化。",
                 $"{graded.Customers:N0} customers graded, {graded.Changed:N0} changed tier; {staged.Changed:N0} changed lifecycle stage, {rated.Changed:N0} changed credit level."), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Grading recompute {RunId} failed", runId);
            await runs.Progress(runId, JobStatus.Failed, 0, asked is not null
                ? ("重算失败，未作任何更改。请稍后重试或联系系统管理员。", "The recompute failed and changed nothing. Try again later or ask an administrator.")
                : ("夜间重算失败。请查看日志或联系系统管理员。", "The nightly recompute failed. See the log or ask an administrator."), CancellationToken.None);
        }
    }
}
