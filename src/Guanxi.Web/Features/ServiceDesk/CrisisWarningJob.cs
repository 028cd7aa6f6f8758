using Quartz;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>SVC-3: every hour (ServiceDesk:CrisisCron, default at ten past), the crisis detector over every category and department.</summary>
[DisallowConcurrentExecution]
public sealed class CrisisWarningJob(RaiseCrisisWarnings raise) : IJob
{
    public static readonly JobKey Key = new("servicedesk.crisis");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await raise.Handle(cancellationToken);
}
