using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Decides the encoding of an uploaded text file from the whole file: a BOM (UTF-8, UTF-16, UTF-32) decides, then the
/// user's choice; else a file that is valid UTF-8 from start to end is UTF-8, and any other is guessed by
/// <see cref="LegacyEncodingGuess"/> from its lines that are not plain ASCII, wherever they are — 64 KB of ASCII rows
/// before the first Chinese name do not decide for them.
/// </summary>
internal static class TextEncodingSniffer
{
    private const int Chunk = 64 * 1024;

    /// <summary>Enough lines to tell the encodings apart; the UTF-8 check still reads the whole file.</summary>
    private const int SampleBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The encoding and the length of its BOM; leaves <paramref name="stream"/> (seekable) just after the BOM.</summary>
    public static (Encoding Encoding, int BomLength) Detect(Stream stream, Encoding? chosen)
    {
        if (!stream.CanSeek)
            throw new ArgumentException("The encoding is decided from the whole file: store the upload first.", nameof(stream));
        var start = stream.Position;
        var head = new byte[4];
        var (bom, bomLength) = FromBom(head.AsSpan(0, ReadUpTo(stream, head)));
        stream.Position = start + bomLength;
        var encoding = bom ?? chosen ?? Guess(stream);
        stream.Position = start + bomLength;
        return (encoding, bomLength);
    }

    /// <summary>Strict UTF-8 over raw bytes; used per value in vCards, whose CHARSET may be missing.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes, bool complete) => IsUtf8(StrictUtf8.GetDecoder(), bytes, complete);

    private static Encoding Guess(Stream stream)
    {
        var utf8 = StrictUtf8.GetDecoder();
        var isUtf8 = true;
        var sample = new MemoryStream();
        var buffer = new byte[Chunk];
        var kept = 0;   // the start of a line cut by the end of the last read
        while (true)
        {
            var read = stream.Read(buffer, kept, buffer.Length - kept);
            var length = kept + read;
            var atEnd = read == 0;
            // Whole lines only: LF is never part of a character in any of these encodings. A line longer than the buffer goes as it is.
            var end = atEnd ? length : buffer.AsSpan(0, length).LastIndexOf((byte)'\n') + 1;
            if (end == 0)
                end = length;
            var lines = buffer.AsSpan(0, end);
            isUtf8 = isUtf8 && IsUtf8(utf8, lines, atEnd);
            Collect(lines, sample);
            if (atEnd || (!isUtf8 && sample.Length >= SampleBytes))
                break;
            buffer.AsSpan(end, length - end).CopyTo(buffer);
            kept = length - end;
        }
        return isUtf8 ? TextEncodings.Utf8 : LegacyEncodingGuess.Of(sample.GetBuffer().AsSpan(0, (int)sample.Length)) ?? throw ImportFileException.UnknownEncoding();
    }

    /// <summary>Adds the lines that hold a byte above 0x7F to the sample, until it is full.</summary>
    private static void Collect(ReadOnlySpan<byte> lines, MemoryStream sample)
    {
        while (sample.Length < SampleBytes && lines.IndexOfAnyInRange((byte)0x80, (byte)0xFF) is var at and >= 0)
        {
            var start = lines[..at].LastIndexOf((byte)'\n') + 1;
            var end = lines[at..].IndexOf((byte)'\n') is var lf and >= 0 ? at + lf + 1 : lines.Length;
            sample.Write(lines[start..end]);
            lines = lines[end..];
        }
    }

    private static bool IsUtf8(Decoder decoder, ReadOnlySpan<byte> bytes, bool complete)
    {
        try
        {
            // flush: false keeps a multi-byte sequence cut at the end of the chunk pending instead of failing on it.
            decoder.GetCharCount(bytes, flush: complete);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    // UTF-32 LE before UTF-16 LE: its BOM starts with UTF-16's.
    private static (Encoding? Encoding, int BomLength) FromBom(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xEF, 0xBB, 0xBF, ..] => (TextEncodings.Utf8, 3),
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
}
