using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Guesses the encoding of an uploaded text file: a BOM decides; else the first 64 KB must be valid UTF-8, or the file
/// is taken as GB18030 (a superset of GBK, which is what Excel in China saves CSV as).
/// </summary>
internal static class TextEncodingSniffer
{
    public const int SniffBytes = 64 * 1024;

    public static readonly Encoding Gb18030 = LoadGb18030();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The encoding, the bytes read so far (BOM excluded) and a stream that replays them before the rest.</summary>
    public static (Encoding Encoding, byte[] Prefix, Stream Stream) Sniff(Stream input)
    {
        var buffer = new byte[SniffBytes];
        var length = ReadUpTo(input, buffer);
        var atEnd = length < buffer.Length;
        var (encoding, bomLength) = FromBom(buffer.AsSpan(0, length));
        var prefix = buffer[bomLength..length];
        encoding ??= IsUtf8(prefix, atEnd) ? new UTF8Encoding(false) : Gb18030;
        return (encoding, prefix, new PrefixedStream(prefix, input));
    }

    /// <summary>Strict UTF-8 over raw bytes; used per value in vCards, whose CHARSET may be missing.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        try
        {
            // flush: false keeps a multi-byte sequence cut at the end of the sample pending instead of failing on it.
            StrictUtf8.GetDecoder().GetCharCount(bytes, flush: complete);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public static Encoding? ByName(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
            return null;
        try
        {
            // GB2312 and GBK files often hold characters outside those sets; GB18030 reads them all the same.
            var name = charset.Trim().ToUpperInvariant();
            return name is "GB2312" or "GBK" or "CP936" or "X-GBK" or "EUC-CN" ? Gb18030 : Encoding.GetEncoding(charset.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static (Encoding? Encoding, int BomLength) FromBom(ReadOnlySpan<byte> head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
        _ => (null, 0),
    };

    private static int ReadUpTo(Stream input, byte[] buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = input.Read(buffer, total, buffer.Length - total)) > 0)
            total += read;
        return total;
    }

    private static Encoding LoadGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
