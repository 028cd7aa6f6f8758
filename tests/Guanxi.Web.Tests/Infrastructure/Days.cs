using System.Globalization;

namespace Guanxi.Web.Tests.Infrastructure;

/// <summary>The enterprise's days as the tests write them: today in Shanghai, dates as the API writes them.</summary>
public static class Days
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Shanghai).DateTime);

    public static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
