using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Splits a vCard file into properties. Lines are kept as bytes (one Latin-1 char per byte) because vCard 2.1 values
/// carry their own CHARSET and must be decoded per property. Handles folding (a line starting with space or tab continues
/// the previous one), 2.1 quoted-printable soft breaks (a trailing '='), and base64 blobs, whose content is skipped.
/// </summary>
internal static class VCardLines
{
    public static IEnumerable<VCardProperty> Properties(Stream input, Encoding encoding)
    {
        VCardProperty? current = null;
        var value = new StringBuilder();
        foreach (var line in Physical(input, encoding))
        {
            if (current is not null && Continues(current, value, line))
                continue;
            if (current is not null)
            {
                current.RawValue = value.ToString();
                yield return current;
                current = null;
            }
            if (line.Length == 0 || (current = VCardProperty.Parse(line, out var rawValue)) is null)
                continue;
            value.Clear();
            if (!current.IsBase64)
                value.Append(rawValue);
        }
        if (current is not null)
        {
            current.RawValue = value.ToString();
            yield return current;
        }
    }

    /// <summary>Appends <paramref name="line"/> to the property being read if it belongs to it.</summary>
    private static bool Continues(VCardProperty current, StringBuilder value, string line)
    {
        if (current.IsQuotedPrintable && value.Length > 0 && value[^1] == '=')
        {
            // Soft line break: drop the '='; a blank line (Android writes one) or the card's end ends the value all the same.
            value.Length--;
            if (line.Length == 0 || line.Trim().Equals("END:VCARD", StringComparison.OrdinalIgnoreCase))
                return false;
            value.Append(line);
            return true;
        }
        if (line.Length > 0 && line[0] is ' ' or '\t')
        {
            if (!current.IsBase64)
                value.Append(line, 1, line.Length - 1);
            return true;
        }
        // vCard 2.1 lets base64 lines go unindented until a blank line; they never hold a ':' as a property line does.
        return current.IsBase64 && line.Length > 0 && !line.Contains(':', StringComparison.Ordinal);
    }

    /// <summary>
    /// Lines split on LF with any CRs before it dropped (iPhone exports end lines with CR CR LF); a file without any LF is
    /// split on CR. UTF-16 and UTF-32 files are re-encoded to UTF-8 bytes so that the rest sees bytes as for any other file.
    /// </summary>
    private static IEnumerable<string> Physical(Stream input, Encoding encoding)
    {
        var wide = encoding is UnicodeEncoding or UTF32Encoding;
        var reader = new StreamReader(input, wide ? encoding : Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        var buffer = new char[16 * 1024];
        var line = new StringBuilder();
        char? separator = null;
        int length;
        while ((length = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            separator ??= buffer.AsSpan(0, length).Contains('\n') ? '\n' : '\r';
            for (var i = 0; i < length; i++)
            {
                if (buffer[i] != separator)
                {
                    line.Append(buffer[i]);
                    continue;
                }
                yield return Finish(line, wide);
                line.Clear();
            }
        }
        if (line.Length > 0)
            yield return Finish(line, wide);
    }

    private static string Finish(StringBuilder line, bool wide)
    {
        var text = line.ToString().TrimEnd('\r');
        return wide ? Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text)) : text;
    }
}
