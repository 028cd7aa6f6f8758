using System.Globalization;

namespace Guanxi.Web.Features.Messaging.Sms;

/// <summary>How Aliyun writes times and numbers: times as <c>yyyy-MM-dd HH:mm:ss</c> in China time (UTC+8, no daylight
/// saving), dates as <c>yyyyMMdd</c>, mainland mobiles as 11 digits without +86.</summary>
public static class AliyunFormats
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Time(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static DateOnly ChinaDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(China).DateTime);

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>A pushed or listed time (<c>2017-01-01 00:00:00</c>, or an old push's <c>20170101000000</c>) read as China time.</summary>
    public static DateTimeOffset? ReadTime(string? text) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyyMMddHHmmss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, China)
            : null;

    /// <summary>The number as Aliyun's PhoneNumbers wants it: a mainland number without +86, any other as country code and number.</summary>
    public static string Phone(string e164)
    {
        var number = e164.Trim();
        if (number.StartsWith("+86", StringComparison.Ordinal))
            return number[3..];
        return number.StartsWith('+') ? number[1..] : number;
    }

    /// <summary>A number as Aliyun writes it, in E.164 as the archive keeps phones: 11 digits from 1 are a mainland mobile.</summary>
    public static string E164(string phone)
    {
        var number = phone.Trim();
        if (number.StartsWith('+'))
            return number;
        return number.Length == 11 && number[0] == '1' && number.All(char.IsAsciiDigit) ? "+86" + number : "+" + number;
    }
}
