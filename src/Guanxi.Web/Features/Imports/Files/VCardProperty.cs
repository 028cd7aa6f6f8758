using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// One vCard property: <c>[group.]NAME[;param...]:value</c>. Parameters of 2.1 (bare <c>CELL</c>, <c>QUOTED-PRINTABLE</c>),
/// 3.0 (<c>TYPE=cell,voice</c>, repeated TYPE) and 4.0 (quoted <c>TYPE="cell,voice"</c>, <c>VALUE=uri</c>) are all read.
/// The value is kept as bytes until <see cref="Text"/> decodes it with its CHARSET.
/// </summary>
internal sealed class VCardProperty
{
    private VCardProperty(string? group, string name) => (Group, Name) = (group, name);

    public string? Group { get; }

    /// <summary>Upper case, without the group.</summary>
    public string Name { get; }

    /// <summary>TYPE values and bare parameters in upper case (CELL, VOICE, PREF, WORK…).</summary>
    public List<string> Types { get; } = [];

    public string? Encoding { get; private set; }

    public string? Charset { get; private set; }

    public string? ValueType { get; private set; }

    public string? ServiceType { get; private set; }

    public string RawValue { get; set; } = "";

    public bool IsQuotedPrintable => Encoding == "QUOTED-PRINTABLE";

    public bool IsBase64 => Encoding is "BASE64" or "B";

    public static VCardProperty? Parse(string line, out string rawValue)
    {
        rawValue = "";
        var colon = IndexOutsideQuotes(line, ':', 0);
        if (colon <= 0)
            return null;
        var parts = SplitOutsideQuotes(line[..colon], ';');
        var name = parts[0].Trim();
        var dot = name.LastIndexOf('.');
        var property = new VCardProperty(dot > 0 ? name[..dot] : null, name[(dot + 1)..].ToUpperInvariant());
        foreach (var parameter in parts.Skip(1))
            property.AddParameter(parameter.Trim());
        rawValue = line[(colon + 1)..];
        return property;
    }

    /// <summary>
    /// The value decoded (quoted-printable, then CHARSET, else UTF-8 when valid, else the file's encoding); escapes are left
    /// in. A value that is not UTF-8 in a file that gave no other hint (all ASCII but quoted-printable, as 2.1 cards of old
    /// Chinese phones are) is guessed on its own, GBK when it is too short to tell.
    /// </summary>
    public string Text(Encoding fallback)
    {
        if (!IsQuotedPrintable && RawValue.All(char.IsAscii))
            return RawValue;
        var bytes = IsQuotedPrintable ? QuotedPrintable(RawValue) : System.Text.Encoding.Latin1.GetBytes(RawValue);
        var encoding = TextEncodings.Find(Charset)
            ?? (TextEncodingSniffer.IsUtf8(bytes, complete: true) ? TextEncodings.Utf8
                : fallback is UTF8Encoding ? LegacyEncodingGuess.Of(bytes) ?? TextEncodings.Gb18030
                : fallback);
        return encoding.GetString(bytes);
    }

    private void AddParameter(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? "" : parameter[..equals].Trim().ToUpperInvariant();
        var value = (equals < 0 ? parameter : parameter[(equals + 1)..]).Trim().Trim('"');
        switch (key)
        {
            case "ENCODING":
                Encoding = value.ToUpperInvariant();
                break;
            case "CHARSET":
                Charset = value;
                break;
            case "VALUE":
                ValueType = value.ToUpperInvariant();
                break;
            case "X-SERVICE-TYPE":
                ServiceType = value;
                break;
            case "TYPE" or "":
                if (equals < 0 && value.ToUpperInvariant() is "QUOTED-PRINTABLE" or "BASE64" or "8BIT" or "7BIT")
                    Encoding = value.ToUpperInvariant();
                else
                    Types.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToUpperInvariant()));
                break;
            default:
                break;
        }
    }

    private static byte[] QuotedPrintable(string raw)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '=' && i + 2 < raw.Length && Uri.IsHexDigit(raw[i + 1]) && Uri.IsHexDigit(raw[i + 2]))
            {
                bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (raw[i] != '=')
            {
                bytes.Add((byte)raw[i]);
            }
        }
        return [.. bytes];
    }

    private static int IndexOutsideQuotes(string text, char target, int start)
    {
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '"')
                quoted = !quoted;
            else if (text[i] == target && !quoted)
                return i;
        }
        return -1;
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        int at;
        while ((at = IndexOutsideQuotes(text, separator, start)) >= 0)
        {
            parts.Add(text[start..at]);
            start = at + 1;
        }
        parts.Add(text[start..]);
        return parts;
    }
}
