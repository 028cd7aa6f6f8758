using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Quartz;

namespace Guanxi.Web.Features.Surveys;

/// <summary>SAT-10: every evening the day's analysis; on Mondays last week's; on the 3rd last month's image analysis; on the 5th the personal analyses.</summary>
[DisallowConcurrentExecution]
public sealed class SatisfactionReportJob(RunSatisfactionReport run, EnterpriseClock clock) : IJob
{
    public static readonly Actor Scheduled = Actor.System(ActorCause.SatisfactionReport);
    public static readonly JobKey Key = new("surveys.reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        foreach (var period in Due(today))
            await run.Handle(period, Scheduled, cancellationToken);
    }

    /// <summary>The reports due on a day.</summary>
    public static IEnumerable<ReportPeriod> Due(DateOnly today)
    {
        yield return ReportPeriod.Day(today);
        if (today.DayOfWeek == DayOfWeek.Monday)
            yield return ReportPeriod.Week(today.AddDays(-7));
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (today.Day == 3)
            yield return ReportPeriod.Month(lastMonth);
        if (today.Day == 5)
            yield return ReportPeriod.Month(lastMonth, ReportKind.Personal);
    }
}
