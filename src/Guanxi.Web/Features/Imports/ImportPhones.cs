using System.Text.RegularExpressions;
using Guanxi.Domain.Customers;
using Guanxi.Web.Features.Customers;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// A phone of an import row. Verified (E.164) when it is a valid number of China, the default region, or of the country
/// the row's address ends with; otherwise, when it is shaped like a phone number of somewhere (7 to 15 digits), kept as
/// written — unverified, see <see cref="CustomerPhone.IsVerified"/> — so that a foreign contact in a phone's address
/// book is not lost; otherwise (12345, "MobilePhone", or +99912345678: a full international number that is not valid,
/// which kept as written would pass for a verified one) not a phone.
/// </summary>
internal static partial class ImportPhones
{
    public static (string Number, bool Verified)? Read(string written, string? region)
    {
        if ((CustomerInput.ToE164(written) ?? (region is null ? null : CustomerInput.ToE164(written, region))) is { } e164)
            return (e164, true);
        var text = Spaces().Replace(written.Trim(), " ");
        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 7 and <= 15 && text.Length <= 40 && Shape().IsMatch(text) && !CustomerPhone.IsVerified(text) ? (text, false) : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Digits with the separators people write (+1 (415) 555-2671, 0044 20 7946 0958), and an extension.</summary>
    [GeneratedRegex(@"^\+?[0-9 ().\-]+((ext\.?|x|#|转)\s*[0-9]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();
}
