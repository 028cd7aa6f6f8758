using System.Globalization;
using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>Value-level vCard rules: escapes, structured values, names, addresses and birthdays.</summary>
internal static class VCardText
{
    /// <summary>Undoes <c>\\ \, \; \n</c>, and <c>\: \"</c> that Apple and Google write; an unknown escape keeps its backslash.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
            return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }
            var next = text[++i];
            result.Append(next switch
            {
                'n' or 'N' => "\n",
                '\\' or ',' or ';' or ':' or '"' => next.ToString(),
                _ => "\\" + next,
            });
        }
        return result.ToString();
    }

    /// <summary>Components of a structured value (N, ADR, ORG), split on unescaped ';' and then unescaped.</summary>
    public static string[] Components(string text)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == ';')
            {
                parts.Add(Unescape(text[start..i]).Trim());
                start = i + 1;
            }
        }
        parts.Add(Unescape(text[start..]).Trim());
        return [.. parts];
    }

    /// <summary>N is family;given;additional;prefix;suffix. East Asian names read family first without a space.</summary>
    public static string? NameFrom(string[] n)
    {
        var family = At(n, 0);
        var given = At(n, 1);
        var name = IsEastAsian(family + given) ? family + given : $"{given} {family}";
        return Blank(name.Trim());
    }

    /// <summary>
    /// ADR is pobox;extended;street;locality;region;postal code;country. Chinese script reads region, locality, street
    /// with no separators (江苏省常州市人民路1号); others read "street, locality, region, postal code, country".
    /// The PO box is left out: RFC 6350 deprecates it and some writers leave junk there.
    /// </summary>
    public static string? AddressFrom(string[] adr)
    {
        if (IsEastAsian(string.Concat(adr)))
        {
            var parts = new[] { At(adr, 4), At(adr, 3), At(adr, 2), At(adr, 1) }
                .Select(p => p.Replace("\n", "", StringComparison.Ordinal).Trim()).Where(p => p.Length > 0).ToList();
            // Municipalities repeat region as locality (北京市;北京市); say it once.
            return Blank(string.Concat(parts.Where((p, i) => i == 0 || p != parts[i - 1])));
        }
        var western = new[] { At(adr, 1), At(adr, 2), At(adr, 3), At(adr, 4), At(adr, 5), At(adr, 6) }
            .SelectMany(p => p.Split('\n')).Select(p => p.Trim(' ', ',')).Where(p => p.Length > 0);
        return Blank(string.Join(", ", western));
    }

    /// <summary>yyyy-MM-dd from 19900501, 1990-05-01 or 1990-05-01T…; --0501 becomes --05-01; anything else is kept as written.</summary>
    public static string? Birthday(string text)
    {
        var value = text.Trim();
        var date = value.Length > 10 && value.IndexOf('T', StringComparison.Ordinal) is var t and >= 8 ? value[..t] : value;
        if (DateOnly.TryParseExact(date, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (date.Length == 6 && date.StartsWith("--", StringComparison.Ordinal) && date[2..].All(char.IsAsciiDigit))
            return $"--{date[2..4]}-{date[4..]}";
        return Blank(value);
    }

    public static bool IsBirthday(string? text) =>
        text is not null && (text.StartsWith("--", StringComparison.Ordinal) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    /// <summary>Han, kana and Hangul: names written family first without spaces, addresses largest unit first.</summary>
    public static bool IsEastAsian(string text) =>
        text.Any(c => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF');

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string At(string[] parts, int index) => index < parts.Length ? parts[index] : "";
}
