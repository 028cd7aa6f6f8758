using System.Globalization;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Calendar;

/// <summary>
/// The administrator saves the week, the periods of a working day and one year's holidays and make-up workdays (the year
/// is then entered and replaces the shipped schedule or the fallback). The change is in the history (the settings are audited).
/// </summary>
public sealed class SaveCalendar(GuanxiDbContext db, EnterpriseSettings settings, EnterpriseCalendar calendar, EnterpriseClock clock, CurrentUser user)
{
    public static readonly Error NotAllowed = Error.Forbidden("calendar.not_allowed", "只有系统管理员可以修改工作日历。", "Only administrators can change the working calendar.");

    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    public async Task<Result<CalendarView>> Handle(int? year, CalendarBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!user.IsAuthenticated)
            return Error.SignedOut;
        if (!user.Holds(SettingsAccess.CanChange))
            return NotAllowed;
        var wanted = year ?? clock.Today.Year;
        if (!StatutoryHolidays.Covers(wanted))
            return CalendarErrors.Year;

        var errors = new List<Error>(CalendarSettings.ValidateWorkdays(body.Workdays));
        var periods = body.Periods.Select((p, i) => (Time(p.Start, $"periods[{i}].start", errors), Time(p.End, $"periods[{i}].end", errors)) is ({ } start, { } end)
            ? new WorkPeriod(start, end) : null).ToList();
        errors.AddRange(CalendarSettings.ValidatePeriods(periods));
        var entered = new CalendarYear(wanted, Named(body.Holidays), Named(body.MakeUpDays));
        errors.AddRange(entered.Validate([.. body.Workdays]));
        if (errors.Count > 0)
            return Result<CalendarView>.Fail(errors);

        var saved = (await calendar.Settings(cancellationToken)).With(body.Workdays, [.. periods.OfType<WorkPeriod>()], entered);
        await settings.Stage(CalendarSettings.SettingsKey, saved, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        calendar.Forget();
        return CalendarView.Of(saved, wanted);
    }

    private static TimeOnly? Time(string text, string field, List<Error> errors)
    {
        if (TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        errors.Add(CalendarErrors.Time.At(field));
        return null;
    }

    /// <summary>Names trimmed; a blank name is no name.</summary>
    private static CalendarDay[] Named(IReadOnlyList<CalendarDay> days) =>
        [.. days.Select(d => d with { Name = string.IsNullOrWhiteSpace(d.Name) ? null : d.Name.Trim() })];
}
