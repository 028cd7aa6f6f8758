using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;

namespace Guanxi.Web.Features.Calendar;

/// <summary>
/// The enterprise's working calendar for the features that count in working time (complaint SLAs, plan deadlines).
/// Today the default week (Monday to Friday, 08:30–12:00 and 13:30–17:30); the administrator's calendar with the State
/// Council holiday schedules replaces it behind this same call.
/// </summary>
public sealed class EnterpriseCalendar(EnterpriseClock clock)
{
    public Task<WorkCalendar> Current(CancellationToken cancellationToken = default) =>
        Task.FromResult(new WorkCalendar(WorkCalendar.DefaultWorkdays, WorkCalendar.DefaultPeriods, [], [], clock.Zone));
}
