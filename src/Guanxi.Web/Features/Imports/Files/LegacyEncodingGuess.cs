using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Which encoding the non-ASCII lines of a file that is not valid UTF-8 are in: GBK (read as GB18030), Big5, Shift_JIS,
/// Windows-1252 — or UTF-8 after all, with a few broken bytes, which the reader then refuses by row. Each is decoded and
/// scored by how much of the text is what that script's business data is made of: the commonest characters (GB2312
/// level 1, Big5's frequent characters, kana and JIS level-1 kanji, full-width punctuation), other ideographs at half,
/// accented letters only inside Latin words. The common sets are read from the code pages themselves. The charset
/// detectors on NuGet (UTF.Unknown, Ude) were tried and not used: on a header and a row of two-character Chinese names
/// they answered nothing, Greek or Windows-1252.
/// </summary>
internal static class LegacyEncodingGuess
{
    /// <summary>Below this share of expected text no encoding is believable: the user chooses it.</summary>
    public const double Believable = 0.4;

    private static readonly Lazy<(Encoding Encoding, byte[] Weights)[]> Candidates = new(() =>
    {
        var gb = Weights(TextEncodings.Gb18030, [(0xB0, 0xD7, 0xA1, 0xFE), (0xA1, 0xA3, 0xA1, 0xFE)]);
        var big5 = Weights(TextEncodings.Big5, [(0xA4, 0xC5, 0x40, 0xFE), (0xC6, 0xC6, 0x40, 0x7E), (0xA1, 0xA3, 0x40, 0xFE)]);
        var sjis = Weights(TextEncodings.ShiftJis, [(0x88, 0x98, 0x40, 0xFC), (0x81, 0x83, 0x40, 0xFC)]);
        var utf8 = new byte[gb.Length];
        for (var c = 0; c < utf8.Length; c++)
            utf8[c] = IsLatinLetter((char)c) || c is >= 0x2010 and <= 0x2026 || c == 0x20AC ? Full : Math.Max(gb[c], Math.Max(big5[c], sjis[c]));
        return [(TextEncodings.Gb18030, gb), (TextEncodings.Big5, big5), (TextEncodings.ShiftJis, sjis), (TextEncodings.Utf8, utf8), (TextEncodings.Windows1252, [])];
    });

    private const byte Full = 2;

    /// <summary>The best scoring encoding, or null when none reaches <see cref="Believable"/>; ties go to the earlier (GBK first).</summary>
    public static Encoding? Of(ReadOnlySpan<byte> sample)
    {
        var (best, bestScore) = ((Encoding?)null, 0.0);
        foreach (var (encoding, weights) in Candidates.Value)
        {
            var text = encoding.GetString(sample);
            var score = weights.Length == 0 ? LatinScore(text) : Score(text, weights);
            if (score > bestScore)
                (best, bestScore) = (encoding, score);
        }
        return bestScore >= Believable ? best : null;
    }

    private static double Score(string text, byte[] weights)
    {
        var (total, good) = (0, 0);
        foreach (var c in text)
        {
            if (c < 0x80)
                continue;
            total += Full;
            good += weights[c];
        }
        return total == 0 ? 0 : good / (double)total;
    }

    /// <summary>Windows-1252: an accented letter counts next to an ASCII letter (Müller, Société); CJK bytes read as 1252 come in runs of accented letters.</summary>
    private static double LatinScore(string text)
    {
        var (total, good) = (0, 0);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x80)
                continue;
            total++;
            var nextToAscii = (i > 0 && char.IsAsciiLetter(text[i - 1])) || (i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]));
            var nextToText = (i > 0 && text[i - 1] is > ' ' and < '\x7F') || (i + 1 < text.Length && text[i + 1] is > ' ' and < '\x7F');
            if ((IsLatinLetter(text[i]) && nextToAscii) || ("€„“”‘’–—…«»°£§©®".Contains(text[i], StringComparison.Ordinal) && nextToText))
                good++;
        }
        return total == 0 ? 0 : good / (double)total;
    }

    private static bool IsLatinLetter(char c) => c is >= 'À' and <= 'ɏ' and not '×' and not '÷';

    /// <summary>Full weight for the characters of the given lead and trail byte ranges, half for any other CJK ideograph or kana, none for the rest.</summary>
    private static byte[] Weights(Encoding encoding, (int LeadFrom, int LeadTo, int TrailFrom, int TrailTo)[] common)
    {
        var weights = new byte[char.MaxValue + 1];
        for (var c = 0x3040; c <= 0x9FFF; c++)
            weights[c] = c is >= 0x3400 ? (byte)1 : (byte)0;
        foreach (var (leadFrom, leadTo, trailFrom, trailTo) in common)
        {
            for (var lead = leadFrom; lead <= leadTo; lead++)
            {
                for (var trail = trailFrom; trail <= trailTo; trail++)
                {
                    var text = encoding.GetString([(byte)lead, (byte)trail]);
                    if (text.Length == 1 && text[0] is not ('\uFFFD' or (>= '\uE000' and <= '\uF8FF')) && text[0] >= 0x80)
                        weights[text[0]] = Full;
                }
            }
        }
        return weights;
    }
}
