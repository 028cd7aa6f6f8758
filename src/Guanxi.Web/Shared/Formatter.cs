using System.Globalization;
using System.Text.RegularExpressions;
using Guanxi.Domain.Common;
using PhoneNumbers;

namespace Guanxi.Web.Shared;

/// <summary>
/// The one way each thing is written where a person reads it: dates in the enterprise time zone, money in yuan, counts,
/// phone numbers — the way the user's language writes them. Exports and the API keep raw values.
/// </summary>
public sealed partial class Formatter(EnterpriseClock clock)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private static CultureInfo Culture => CultureInfo.CurrentCulture;
    private static bool Chinese => Culture.TwoLetterISOLanguageName == "zh";

    /// <summary>2026年11月22日 / 22 Nov 2026.</summary>
    public string Date(DateOnly date) => date.ToString(Chinese ? "yyyy年M月d日" : "d MMM yyyy", Culture);

    public string Date(DateTimeOffset instant) => Date(Local(instant));

    /// <summary>
    /// A date inside a sentence: 11月1日 / 1 Nov in the current year (the enterprise's), 2025年11月1日 / 1 Nov 2025 otherwise.
    /// Never an ISO date in a sentence.
    /// </summary>
    public string DateInSentence(DateOnly date) =>
        date.Year == clock.Today.Year ? date.ToString(Chinese ? "M月d日" : "d MMM", Culture) : Date(date);

    public string DateInSentence(DateTimeOffset instant) => DateInSentence(Local(instant));

    /// <summary>2026年11月 / Nov 2026: a month (the day is left out).</summary>
    public static string Month(DateOnly month) => month.ToString(Chinese ? "yyyy年M月" : "MMM yyyy", Culture);

    /// <summary>
    /// A sentence written once and kept (a task's note, a review's cause, a stage change's reason) with its dates as
    /// yyyy-MM-dd, language-neutral: shown with each date as <see cref="DateInSentence(DateOnly)"/>.
    /// </summary>
    public string Sentence(string? text) => string.IsNullOrEmpty(text) ? text ?? "" : IsoDate().Replace(text, m =>
        DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? DateInSentence(day) : m.Value);

    [GeneratedRegex(@"(?<![0-9-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9]|-[0-9])")]
    private static partial Regex IsoDate();

    /// <summary>2026年11月22日 14:05 / 22 Nov 2026 14:05, in the enterprise time zone.</summary>
    public string DateTime(DateTimeOffset instant) =>
        clock.ToLocal(instant).ToString(Chinese ? "yyyy年M月d日 HH:mm" : "d MMM yyyy HH:mm", Culture);

    /// <summary>Today in the enterprise time zone.</summary>
    public DateOnly Today => clock.Today;

    /// <summary>The enterprise's UTC offset on a day (a time picked on a page is enterprise time).</summary>
    public TimeSpan Offset(DateTime day) => clock.Zone.GetUtcOffset(day);

    private DateOnly Local(DateTimeOffset instant) => DateOnly.FromDateTime(clock.ToLocal(instant).DateTime);

    /// <summary>A score or rate with one decimal: 87.5.</summary>
    public static string Number(double value) => value.ToString("0.0", Culture);

    /// <summary>A count with thousands separators: 1,241.</summary>
    public static string Count(long count) => count.ToString("N0", Culture);

    /// <summary>
    /// A phone number as people write it: a mainland mobile 138 1234 5678, a masked one 138 **** 1234, a mainland landline
    /// 0519 8888 1234, a number abroad in its international format (+44 20 7946 0958); anything else as stored.
    /// </summary>
    public static string Phone(string number)
    {
        if (number.Length == 14 && number.StartsWith("+861", StringComparison.Ordinal) && number.AsSpan(3).IndexOfAnyExceptInRange('0', '9') < 0)
            return $"{number[3..6]} {number[6..10]} {number[10..]}";
        if (Masked(number) is { } masked)
            return masked;
        if (!number.StartsWith('+') || number.AsSpan(1).IndexOfAnyExceptInRange('0', '9') >= 0)
            return number;
        try
        {
            var parsed = Phones.Parse(number, null);
            if (!Phones.IsValidNumber(parsed))
                return number;
            return parsed.CountryCode == 86 ? Phones.Format(parsed, PhoneNumberFormat.NATIONAL) : Phones.Format(parsed, PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return number;
        }
    }

    /// <summary>138****1234 → 138 **** 1234 (the mask keeps the first 3 and the last 4 digits).</summary>
    private static string? Masked(string number)
    {
        var stars = number.IndexOf('*', StringComparison.Ordinal);
        if (stars <= 0 || number.Length != stars + 8 || number.AsSpan(stars, 4).IndexOfAnyExcept('*') >= 0)
            return null;
        var head = number.AsSpan(0, stars);
        var tail = number.AsSpan(stars + 4);
        return head.IndexOfAnyExceptInRange('0', '9') < 0 && tail.IndexOfAnyExceptInRange('0', '9') < 0 ? $"{head} **** {tail}" : null;
    }

    /// <summary>¥1,234.00 in every language: the amounts are yuan.</summary>
    public static string Money(decimal amount) => amount.ToString("C2", Yuan());

    /// <summary>
    /// An amount at a glance, for cards and chart axes: whole yuan below 10,000 (¥9,999), above that three significant
    /// digits in the language's units — ¥12.3万, ¥2.19亿 in Chinese; ¥12.3K, ¥219M, ¥1.5B in English. Tables and
    /// exports use <see cref="Money"/>.
    /// </summary>
    public static string CompactMoney(decimal amount)
    {
        var sign = amount < 0 ? Culture.NumberFormat.NegativeSign : "";
        var size = Math.Abs(amount);
        var whole = decimal.Round(size, 0, MidpointRounding.AwayFromZero);
        if (whole < 10_000m)
            return $"{sign}¥{whole.ToString("#,##0", Culture)}";
        (decimal Value, string Unit)[] units = Chinese
            ? [(1_0000_0000m, "亿"), (1_0000m, "万")]
            : [(1_000_000_000m, "B"), (1_000_000m, "M"), (1_000m, "K")];
        for (var i = 0; i < units.Length; i++)
        {
            var (unit, name) = units[i];
            if (size < unit && i < units.Length - 1)
                continue;
            var scaled = size / unit;
            var decimals = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
            var rounded = decimal.Round(scaled, decimals, MidpointRounding.AwayFromZero);
            // 9,999.6万 rounds up to 10,000万: that is 1亿 (the next unit up, when there is one).
            if (i > 0 && rounded * unit >= units[i - 1].Value)
                (rounded, name) = (decimal.Round(size / units[i - 1].Value, 2, MidpointRounding.AwayFromZero), units[i - 1].Unit);
            return $"{sign}¥{rounded.ToString("#,##0.##", Culture)}{name}";
        }
        return Money(amount);
    }

    private static NumberFormatInfo Yuan()
    {
        var format = (NumberFormatInfo)Culture.NumberFormat.Clone();
        format.CurrencySymbol = "¥";
        format.CurrencyNegativePattern = 1;   // -¥1,234.00
        format.CurrencyPositivePattern = 0;   // ¥1,234.00
        return format;
    }
}
