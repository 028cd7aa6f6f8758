using Quartz;

namespace Guanxi.Web.Features.Complaints;

/// <summary>SVC-2: every few minutes (Complaints:TimesCron, default every 5 minutes), the warnings and escalations due on open complaints.</summary>
[DisallowConcurrentExecution]
public sealed class ComplaintTimesJob(CheckComplaintTimes check, ILogger<ComplaintTimesJob> logger) : IJob
{
    public static readonly JobKey Key = new("complaints.times");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await check.Handle(cancellationToken);
        if (run.Complaints > 0)
            logger.LogInformation("Complaint times: {Complaints} complaints due, {Warnings} warnings, {Escalations} escalations, {Notices} notices",
                run.Complaints, run.Warnings, run.Escalations, run.Notices);
    }
}
