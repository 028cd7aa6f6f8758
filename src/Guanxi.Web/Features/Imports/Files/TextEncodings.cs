using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// The encodings a text upload may be in, by the names the API (<c>encoding=</c>) and the import page use. Each decodes
/// with U+FFFD for bytes it cannot read, which the reader then refuses with the row (never stored).
/// </summary>
public static class TextEncodings
{
    /// <summary>What the mapping screen offers besides "auto": what exports of Chinese, Taiwanese, Japanese and European tools are in.</summary>
    public static readonly IReadOnlyList<string> Names = ["utf-8", "gbk", "big5", "shift_jis", "windows-1252"];

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    // Registered once here: GBK, Big5, Shift_JIS and Windows-1252 are not in .NET without the code-pages provider.
    public static readonly Encoding Gb18030 = CodePage("GB18030");

    public static readonly Encoding Big5 = CodePage("big5");

    public static readonly Encoding ShiftJis = CodePage("shift_jis");

    public static readonly Encoding Windows1252 = CodePage("windows-1252");

    /// <summary>
    /// The encoding of an API or CHARSET name, null for none, "auto" or one unknown. GB2312 and GBK files often hold
    /// characters outside those sets, which GB18030 (their superset) reads all the same; Latin-1 is read as Windows-1252,
    /// its superset in every printable character, as browsers do.
    /// </summary>
    public static Encoding? Find(string? name)
    {
        var key = name?.Trim().ToUpperInvariant().Replace('_', '-');
        switch (key)
        {
            case null or "" or "AUTO":
                return null;
            case "UTF-8" or "UTF8":
                return Utf8;
            case "GBK" or "GB2312" or "GB18030" or "CP936" or "X-GBK" or "EUC-CN":
                return Gb18030;
            case "BIG5" or "BIG-5" or "CP950":
                return Big5;
            case "SHIFT-JIS" or "SJIS" or "CP932" or "WINDOWS-31J":
                return ShiftJis;
            case "WINDOWS-1252" or "CP1252" or "LATIN1" or "LATIN-1" or "ISO-8859-1" or "ISO8859-1":
                return Windows1252;
            default:
                try
                {
                    return Encoding.GetEncoding(name!.Trim(), EncoderFallback.ReplacementFallback, Unreadable);
                }
                catch (ArgumentException)
                {
                    return null;
                }
        }
    }

    /// <summary>How the import page names an encoding to a user.</summary>
    public static string Label(Encoding encoding) => encoding.CodePage switch
    {
        54936 => "GBK / GB18030",
        950 => "Big5",
        932 => "Shift_JIS",
        1252 => "Windows-1252 (Latin-1)",
        1200 or 1201 => "UTF-16",
        12000 or 12001 => "UTF-32",
        _ => encoding.WebName.ToUpperInvariant(),
    };

    // Code pages would put '?' for bytes they cannot read, which looks like text; U+FFFD is what the reader looks for.
    private static DecoderFallback Unreadable => new DecoderReplacementFallback("\uFFFD");

    private static Encoding CodePage(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, Unreadable);
    }
}
