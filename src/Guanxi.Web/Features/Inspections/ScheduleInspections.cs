using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// CAPA-8: the daily run — every active plan gets its inspections of the current and the next month on the enterprise's
/// working calendar, never twice (<see cref="InspectionScheduler"/>), and the inspectors hear of them. Two runs racing
/// meet at the schedule's unique key: the loser's run is left to the next day, which finds nothing missing.
/// </summary>
public sealed class ScheduleInspections(GuanxiDbContext db, InspectionScheduler scheduler, EnterpriseCalendar calendar, EnterpriseClock clock, TimeProvider time,
    ILogger<ScheduleInspections> logger)
{
    public async Task<ScheduleRun> Handle(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(clock.ToLocal(now).DateTime);
        var plans = await db.Set<InspectionPlan>().Where(p => p.Active).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        try
        {
            return await scheduler.Sync(plans, await calendar.Current(cancellationToken), today, now, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            logger.LogInformation(e, "Inspection schedule: another run or a plan's change scheduled the same inspections at the same moment; the next run completes it");
            return new(plans.Count, 0, 0, 0, 0);
        }
    }
}
