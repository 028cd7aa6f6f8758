using System.Text.RegularExpressions;
using Guanxi.Web.Features.Customers;
using PhoneNumbers;

namespace Guanxi.Web.Features.Imports;

/// <summary>How an import's phone was read.</summary>
internal enum PhoneReading
{
    /// <summary>A valid number of China or of the row's country, in E.164.</summary>
    Verified,

    /// <summary>Shaped like a phone number of somewhere; kept as written.</summary>
    AsWritten,

    /// <summary>A Chinese short service number (95588, 12315, 10086) in an office or home column; kept as written.</summary>
    ShortNumber,
}

/// <summary>
/// A phone of an import row. Verified (E.164) when it is a valid number of China, the default region, or of the country
/// the row's address ends with; otherwise, when it is shaped like a phone number of somewhere (7 to 15 digits), kept as
/// written — unverified, see <see cref="Guanxi.Domain.Customers.CustomerPhone.Unverified"/> — so that a foreign contact in a phone's address
/// book is not lost; so is an organisation's short service number outside the mobile column. Otherwise (12345 as a
/// mobile, "MobilePhone") not a phone.
/// </summary>
internal static partial class ImportPhones
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static (string Number, PhoneReading Reading)? Read(string written, string? region, bool mobile)
    {
        if ((CustomerInput.ToE164(written) ?? (region is null ? null : CustomerInput.ToE164(written, region))) is { } e164)
            return (e164, PhoneReading.Verified);
        var text = Spaces().Replace(written.Trim(), " ");
        if (text.Length > 40 || !Shape().IsMatch(text))
            return null;
        var digits = text.Count(char.IsAsciiDigit);
        if (digits is >= 7 and <= 15)
            return (text, PhoneReading.AsWritten);
        return !mobile && IsChineseShortNumber(text) ? (text, PhoneReading.ShortNumber) : null;
    }

    private static bool IsChineseShortNumber(string text)
    {
        try
        {
            return ShortNumberInfo.GetInstance().IsValidShortNumberForRegion(Phones.Parse(text, "CN"), "CN");
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Digits with the separators people write (+1 (415) 555-2671, 0044 20 7946 0958), and an extension.</summary>
    [GeneratedRegex(@"^\+?[0-9 ().\-]+((ext\.?|x|#|转)\s*[0-9]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();
}
