using Quartz;

namespace Guanxi.Web.Features.Inspections;

/// <summary>CAPA-8: every night (Inspections:ScheduleCron, default 02:40), the inspections of the current and the next month.</summary>
[DisallowConcurrentExecution]
public sealed class InspectionScheduleJob(ScheduleInspections schedule, ILogger<InspectionScheduleJob> logger) : IJob
{
    public static readonly JobKey Key = new("inspections.schedule");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await schedule.Handle(cancellationToken);
        if (run.Scheduled + run.Moved + run.Cancelled > 0)
            logger.LogInformation("Inspection schedule: {Plans} active plans, {Scheduled} inspections scheduled, {Moved} moved, {Cancelled} cancelled, {Notices} notices",
                run.Plans, run.Scheduled, run.Moved, run.Cancelled, run.Notices);
    }
}
