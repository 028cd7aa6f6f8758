using Guanxi.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace Guanxi.Domain.Tests;

/// <summary>Business dates are taken in the enterprise time zone (default Asia/Shanghai), not the server's.</summary>
public sealed class EnterpriseClockTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone);

    [Fact]
    public void Today_is_the_enterprise_date_when_UTC_is_still_yesterday()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 17, 30, 0, TimeSpan.Zero));   // 01:30 on the 22nd in Shanghai
        var clock = new EnterpriseClock(time, Shanghai);
        Assert.Equal(new DateOnly(2026, 11, 22), clock.Today);
        Assert.Equal(TimeSpan.FromHours(8), clock.Now.Offset);
    }

    [Fact]
    public void A_business_day_starts_at_local_midnight()
    {
        var clock = new EnterpriseClock(new FakeTimeProvider(), Shanghai);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 16, 0, 0, TimeSpan.Zero), clock.StartOf(new DateOnly(2026, 11, 22)).ToUniversalTime());
    }
}
