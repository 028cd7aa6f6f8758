using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Web.Features.Settings;

namespace Guanxi.Web.Features.Calendar;

/// <summary>
/// The enterprise's working calendar for the features that count in working time (complaint SLAs, plan deadlines): the
/// administrator's week and periods, and for the years around now each year as entered, else the State Council's schedule
/// Guanxi ships, else the statutory holidays computed by the rules (<see cref="CalendarSettings.Around"/>). Read once per
/// scope (a request, a job's run, a page's call).
/// </summary>
public sealed class EnterpriseCalendar(EnterpriseSettings settings, EnterpriseClock clock)
{
    private CalendarSettings? read;
    private BuiltCalendar? built;

    /// <summary>The working calendar around now.</summary>
    public async Task<WorkCalendar> Current(CancellationToken cancellationToken = default) => (await Built(cancellationToken)).Calendar;

    /// <summary>The working calendar around now and which of its years only have the fallback holidays.</summary>
    public async Task<BuiltCalendar> Built(CancellationToken cancellationToken = default) =>
        built ??= (await Settings(cancellationToken)).Around(clock.Now, clock.Zone);

    /// <summary>The settings as saved, or the default week with no year entered.</summary>
    public async Task<CalendarSettings> Settings(CancellationToken cancellationToken = default) =>
        read ??= await settings.Get(CalendarSettings.SettingsKey, CalendarSettings.Default, cancellationToken);

    /// <summary>After a save in this scope, the next read takes the new settings.</summary>
    public void Forget() => (read, built) = (null, null);
}
