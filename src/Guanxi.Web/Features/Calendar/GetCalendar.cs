using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Calendar;

/// <summary>A year of the working calendar (default the current one), read by every member of staff.</summary>
public sealed class GetCalendar(EnterpriseCalendar calendar, EnterpriseClock clock, CurrentUser user)
{
    public async Task<Result<CalendarView>> Handle(int? year, CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
            return Error.SignedOut;
        var wanted = year ?? clock.Today.Year;
        if (!StatutoryHolidays.Covers(wanted))
            return CalendarErrors.Year;
        return CalendarView.Of(await calendar.Settings(cancellationToken), wanted);
    }
}
