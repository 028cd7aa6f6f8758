using Guanxi.Domain.Calendar;
using Guanxi.Domain.Care;
using Guanxi.Domain.Common;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Messaging;

namespace Guanxi.Web.Features.Care;

/// <summary>SVC-5: the calendar of care of a year (default this one): every occasion with its name and, for a holiday, its date.</summary>
public sealed class GetCareCalendar(CustomerViewers viewers, EnterpriseClock clock)
{
    public static readonly Error BadYear = new("care.year", "年份须在 2000 到 2099 之间。", "The year must be 2000–2099.", "year");

    public async Task<Result<IReadOnlyList<CareOccasionDay>>> Handle(int? year, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!CarePlanAccess.Reads(viewer))
            return MessagingWebErrors.NotAllowed;
        var y = year ?? clock.Today.Year;
        if (!StatutoryHolidays.Covers(y))
            return BadYear;
        return Enum.GetValues<Occasion>().Select(o => new CareOccasionDay(o, o.Chinese(), o.English(), o.IsHoliday(), CareCalendar.DateOf(o, y))).ToList();
    }
}
