using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Web.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Guanxi.Web.Tests;

/// <summary>Dates and money are written the way the user's language writes them; dates in the enterprise time zone.</summary>
public sealed class FormatterTests
{
    private static readonly Formatter Format = new(new EnterpriseClock(new FakeTimeProvider(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));

    [Theory]
    [InlineData("zh-CN", "¥1,234.00", "-¥1,234.50", "2026年11月22日", "2026年11月23日 05:30")]
    [InlineData("en-US", "¥1,234.00", "-¥1,234.50", "22 Nov 2026", "23 Nov 2026 05:30")]
    public void Money_and_dates_follow_the_culture(string culture, string money, string negative, string date, string instant)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            Assert.Equal(money, Formatter.Money(1234m));
            Assert.Equal(negative, Formatter.Money(-1234.5m));
            Assert.Equal(date, Format.Date(new DateOnly(2026, 11, 22)));
            // 21:30 UTC on the 22nd is already 05:30 on the 23rd in Shanghai.
            Assert.Equal(instant, Format.DateTime(new DateTimeOffset(2026, 11, 22, 21, 30, 0, TimeSpan.Zero)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("+8613912345678", "139 1234 5678")]
    [InlineData("+8651988881234", "+8651988881234")]   // a landline: as stored
    [InlineData("139****5678", "139****5678")]         // masked
    [InlineData("+441632960000", "+441632960000")]
    public void Mobiles_are_written_in_groups_of_three_four_four(string stored, string shown) => Assert.Equal(shown, Formatter.Phone(stored));
}
