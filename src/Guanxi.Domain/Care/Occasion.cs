using System.Globalization;
using Guanxi.Domain.Calendar;

namespace Guanxi.Domain.Care;

/// <summary>What a care plan greets (SVC-5): a solar or lunar holiday, the customer's birthday, or an anniversary of theirs.</summary>
public enum Occasion
{
    NewYear,
    SpringFestival,
    LanternFestival,
    WomensDay,
    Qingming,
    LabourDay,
    DragonBoat,
    Qixi,
    MidAutumn,
    NationalDay,
    DoubleNinth,
    Birthday,

    /// <summary>The day of the customer's first purchase.</summary>
    FirstPurchaseAnniversary,

    /// <summary>The day the customer's first car (or first sale) was delivered.</summary>
    DeliveryAnniversary,

    /// <summary>The day the customer joined the archive (membership).</summary>
    MembershipAnniversary,
}

/// <summary>
/// The calendar of care (SVC-5): the date of each holiday in a year — solar ones fixed, lunar ones by
/// <see cref="ChineseLunisolarCalendar"/> (a leap month counted as .NET numbers it), 清明 by the solar term — and each
/// customer's birthday (solar, or lunar as the customer keeps it) and anniversaries.
/// </summary>
public static class CareCalendar
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static bool IsHoliday(this Occasion occasion) => occasion < Occasion.Birthday;

    public static bool IsPersonal(this Occasion occasion) => occasion >= Occasion.Birthday;

    /// <summary>The holiday's date in <paramref name="year"/> (2000–2099); null for a personal occasion.</summary>
    public static DateOnly? DateOf(Occasion occasion, int year) => occasion switch
    {
        Occasion.NewYear => new DateOnly(year, 1, 1),
        Occasion.SpringFestival => StatutoryHolidays.LunarDay(year, 1, 1),
        Occasion.LanternFestival => StatutoryHolidays.LunarDay(year, 1, 15),
        Occasion.WomensDay => new DateOnly(year, 3, 8),
        Occasion.Qingming => StatutoryHolidays.Qingming(year),
        Occasion.LabourDay => new DateOnly(year, 5, 1),
        Occasion.DragonBoat => StatutoryHolidays.LunarDay(year, 5, 5),
        Occasion.Qixi => StatutoryHolidays.LunarDay(year, 7, 7),
        Occasion.MidAutumn => StatutoryHolidays.LunarDay(year, 8, 15),
        Occasion.NationalDay => new DateOnly(year, 10, 1),
        Occasion.DoubleNinth => StatutoryHolidays.LunarDay(year, 9, 9),
        _ => null,
    };

    /// <summary>
    /// The days in <paramref name="year"/> a customer born on <paramref name="born"/> (the solar date of birth) celebrates:
    /// the same month and day (29 February on the 28th in other years), or — for a lunar birthday — the same lunar month
    /// and day: a birthday in a leap month falls in that leap month when the year has it, else in the ordinary month of
    /// the same number; a 30th in a month of 29 days falls on the 29th. A lunar date may fall twice in one solar year
    /// (a 腊月 birthday in January and again in late December), or not at all.
    /// </summary>
    public static IReadOnlyList<DateOnly> BirthdaysIn(DateOnly born, bool lunar, int year)
    {
        if (!lunar || born.ToDateTime(TimeOnly.MinValue) < Lunar.MinSupportedDateTime)
            return [AnniversaryIn(born, year)];
        var date = born.ToDateTime(TimeOnly.MinValue);
        var (lunarYear, index, day) = (Lunar.GetYear(date), Lunar.GetMonth(date), Lunar.GetDayOfMonth(date));
        var leap = Lunar.GetLeapMonth(lunarYear);
        var isLeap = leap != 0 && index == leap;
        var month = leap != 0 && index >= leap ? index - 1 : index;
        var days = new List<DateOnly>();
        foreach (var y in new[] { year - 1, year })
        {
            if (y < StatutoryHolidays.FirstYear - 1 || y > StatutoryHolidays.LastYear)
                continue;
            var yearLeap = Lunar.GetLeapMonth(y);
            var target = isLeap && yearLeap == month + 1 ? yearLeap : yearLeap != 0 && yearLeap <= month ? month + 1 : month;
            var solar = DateOnly.FromDateTime(Lunar.ToDateTime(y, target, Math.Min(day, Lunar.GetDaysInMonth(y, target)), 0, 0, 0, 0));
            if (solar.Year == year)
                days.Add(solar);
        }
        return days;
    }

    /// <summary>The same month and day in <paramref name="year"/> (29 February on the 28th in other years).</summary>
    public static DateOnly AnniversaryIn(DateOnly day, int year) =>
        new(year, day.Month, Math.Min(day.Day, DateTime.DaysInMonth(year, day.Month)));

    public static string Chinese(this Occasion occasion) => occasion switch
    {
        Occasion.NewYear => "元旦",
        Occasion.SpringFestival => "春节",
        Occasion.LanternFestival => "元宵节",
        Occasion.WomensDay => "妇女节",
        Occasion.Qingming => "清明节",
        Occasion.LabourDay => "劳动节",
        Occasion.DragonBoat => "端午节",
        Occasion.Qixi => "七夕",
        Occasion.MidAutumn => "中秋节",
        Occasion.NationalDay => "国庆节",
        Occasion.DoubleNinth => "重阳节",
        Occasion.Birthday => "生日",
        Occasion.FirstPurchaseAnniversary => "首次购买纪念日",
        Occasion.DeliveryAnniversary => "交车纪念日",
        _ => "入会纪念日",
    };

    public static string English(this Occasion occasion) => occasion switch
    {
        Occasion.NewYear => "New Year's Day",
        Occasion.SpringFestival => "Spring Festival",
        Occasion.LanternFestival => "Lantern Festival",
        Occasion.WomensDay => "Women's Day",
        Occasion.Qingming => "Qingming",
        Occasion.LabourDay => "Labour Day",
        Occasion.DragonBoat => "Dragon Boat Festival",
        Occasion.Qixi => "Qixi",
        Occasion.MidAutumn => "Mid-Autumn Festival",
        Occasion.NationalDay => "National Day",
        Occasion.DoubleNinth => "Double Ninth Festival",
        Occasion.Birthday => "Birthday",
        Occasion.FirstPurchaseAnniversary => "First purchase anniversary",
        Occasion.DeliveryAnniversary => "Delivery anniversary",
        _ => "Membership anniversary",
    };
}
