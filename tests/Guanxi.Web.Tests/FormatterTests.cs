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
    [InlineData("139****5678", "139 **** 5678")]           // masked as the API returns it: spaced on screen
    [InlineData("051****6666", "051 **** 6666")]
    [InlineData("1****", "1****")]                         // too short to have kept more
    [InlineData("+8651988881234", "0519 8888 1234")]       // a mainland landline as written at home
    [InlineData("+442079460958", "+44 20 7946 0958")]      // abroad: the international format
    [InlineData("+16502530000", "+1 650-253-0000")]
    [InlineData("0519-8888 123", "0519-8888 123")]         // not a number the library reads: as stored
    [InlineData("+4412", "+4412")]
    public void Phones_are_written_as_people_write_them(string stored, string shown) => Assert.Equal(shown, Formatter.Phone(stored));

    [Theory]
    [InlineData("zh-CN", 0, "¥0")]
    [InlineData("zh-CN", 9_999, "¥9,999")]
    [InlineData("zh-CN", 9_999.4, "¥9,999")]
    [InlineData("zh-CN", 9_999.6, "¥1万")]
    [InlineData("zh-CN", 10_000, "¥1万")]
    [InlineData("zh-CN", 123_456, "¥12.3万")]
    [InlineData("zh-CN", 1_234_567, "¥123万")]
    [InlineData("zh-CN", 12_345_678, "¥1,235万")]
    [InlineData("zh-CN", 99_996_000, "¥1亿")]
    [InlineData("zh-CN", 218_646_450, "¥2.19亿")]
    [InlineData("zh-CN", -123_456, "-¥12.3万")]
    [InlineData("zh-CN", -9_999, "-¥9,999")]
    [InlineData("en-US", 9_999, "¥9,999")]
    [InlineData("en-US", 10_000, "¥10K")]
    [InlineData("en-US", 123_456, "¥123K")]
    [InlineData("en-US", 999_999, "¥1M")]
    [InlineData("en-US", 1_234_567, "¥1.23M")]
    [InlineData("en-US", 218_646_450, "¥219M")]
    [InlineData("en-US", 1_500_000_000, "¥1.5B")]
    [InlineData("en-US", -218_646_450, "-¥219M")]
    public void Compact_money_keeps_three_digits_in_the_language_s_units(string culture, double amount, string shown) =>
        InCulture(culture, () => Assert.Equal(shown, Formatter.CompactMoney((decimal)amount)));

    [Theory]
    [InlineData("zh-CN", 0, "0")]
    [InlineData("zh-CN", 1_241, "1,241")]
    [InlineData("en-US", 1_234_567, "1,234,567")]
    [InlineData("en-US", -999, "-999")]
    public void Counts_have_thousands_separators(string culture, long count, string shown) =>
        InCulture(culture, () => Assert.Equal(shown, Formatter.Count(count)));

    [Theory]
    [InlineData("zh-CN", 2026, 11, 1, "11月1日")]
    [InlineData("zh-CN", 2025, 11, 1, "2025年11月1日")]
    [InlineData("zh-CN", 2027, 1, 5, "2027年1月5日")]
    [InlineData("en-US", 2026, 11, 1, "1 Nov")]
    [InlineData("en-US", 2025, 11, 1, "1 Nov 2025")]
    public void A_date_in_a_sentence_leaves_out_the_current_year(string culture, int year, int month, int day, string shown)
    {
        // 20:00 UTC on 31 Dec 2025 is already 2026 in Shanghai: the enterprise's year counts.
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 12, 31, 20, 0, 0, TimeSpan.Zero));
        var format = new Formatter(new EnterpriseClock(time, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        InCulture(culture, () => Assert.Equal(shown, format.DateInSentence(new DateOnly(year, month, day))));
    }

    [Theory]
    [InlineData("zh-CN", "第 3 期定期核查：自上期核查以来流失（2026-11-01），请分析原因", "第 3 期定期核查：自上期核查以来流失（11月1日），请分析原因")]
    [InlineData("zh-CN", "近 12 个月成交额 ¥1,234.00，2025-12-31 时为 ¥100.00", "近 12 个月成交额 ¥1,234.00，2025年12月31日 时为 ¥100.00")]
    [InlineData("en-US", "Churned since the last cycle (2026-11-01); analyse the cause", "Churned since the last cycle (1 Nov); analyse the cause")]
    [InlineData("zh-CN", "订单 2026-11-01-0007 与 12026-11-01", "订单 2026-11-01-0007 与 12026-11-01")]   // not a date on its own: as written
    [InlineData("zh-CN", "2026-13-01", "2026-13-01")]
    [InlineData("zh-CN", "", "")]
    public void A_kept_sentence_shows_its_iso_dates_as_a_sentence_writes_them(string culture, string stored, string shown)
    {
        var format = new Formatter(new EnterpriseClock(new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        InCulture(culture, () => Assert.Equal(shown, format.Sentence(stored)));
    }

    [Theory]
    [InlineData("zh-CN", "2026年11月")]
    [InlineData("en-US", "Nov 2026")]
    public void A_month_is_written_without_its_day(string culture, string shown) =>
        InCulture(culture, () => Assert.Equal(shown, Formatter.Month(new DateOnly(2026, 11, 23))));

    private static void InCulture(string culture, Action act)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            act();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
