using System.Globalization;
using Guanxi.Domain.Common;

namespace Guanxi.Web.Shared;

/// <summary>Dates in the enterprise time zone and money in yuan, written the way the user's language writes them.</summary>
public sealed class Formatter(EnterpriseClock clock)
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;
    private static bool Chinese => Culture.TwoLetterISOLanguageName == "zh";

    /// <summary>2026年11月22日 / 22 Nov 2026.</summary>
    public string Date(DateOnly date) => date.ToString(Chinese ? "yyyy年M月d日" : "d MMM yyyy", Culture);

    public string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(clock.ToLocal(instant).DateTime));

    /// <summary>2026年11月22日 14:05 / 22 Nov 2026 14:05, in the enterprise time zone.</summary>
    public string DateTime(DateTimeOffset instant) =>
        clock.ToLocal(instant).ToString(Chinese ? "yyyy年M月d日 HH:mm" : "d MMM yyyy HH:mm", Culture);

    /// <summary>Today in the enterprise time zone.</summary>
    public DateOnly Today => clock.Today;

    /// <summary>The enterprise's UTC offset on a day (a time picked on a page is enterprise time).</summary>
    public TimeSpan Offset(DateTime day) => clock.Zone.GetUtcOffset(day);

    /// <summary>A score or rate with one decimal: 87.5.</summary>
    public static string Number(double value) => value.ToString("0.0", Culture);

    /// <summary>A mainland mobile as people write it, 138 1234 5678; other numbers (landlines, abroad, masked) as stored.</summary>
    public static string Phone(string number) =>
        number.Length == 14 && number.StartsWith("+861", StringComparison.Ordinal) && number.AsSpan(3).IndexOfAnyExceptInRange('0', '9') < 0
            ? $"{number[3..6]} {number[6..10]} {number[10..]}"
            : number;

    /// <summary>¥1,234.00 in every language: the amounts are yuan.</summary>
    public static string Money(decimal amount)
    {
        var format = (NumberFormatInfo)Culture.NumberFormat.Clone();
        format.CurrencySymbol = "¥";
        format.CurrencyNegativePattern = 1;   // -¥1,234.00
        format.CurrencyPositivePattern = 0;   // ¥1,234.00
        return amount.ToString("C2", format);
    }
}
