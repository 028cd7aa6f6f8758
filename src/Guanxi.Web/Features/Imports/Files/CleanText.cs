using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Refuses a row whose text did not decode cleanly instead of storing it: U+FFFD stands for bytes the encoding could
/// not read, and private-use characters are what the user-defined areas of GBK, Big5 and Shift_JIS decode to — both are
/// what a file read in the wrong encoding, or damaged, looks like.
/// </summary>
internal static class CleanText
{
    public static void Check(IReadOnlyList<string?> cells, int row, IReadOnlyList<string>? headers, Encoding encoding)
    {
        if (Unclean(cells) is var i and >= 0)
            throw ImportFileException.Undecodable(row, headers is not null && i < headers.Count ? headers[i] : $"#{i + 1}", TextEncodings.Label(encoding), card: false);
    }

    /// <summary>The first cell that did not decode cleanly, or -1.</summary>
    public static int Unclean(IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is { } cell && !IsClean(cell))
                return i;
        }
        return -1;
    }

    public static bool IsClean(string text) => !text.Contains('\uFFFD', StringComparison.Ordinal) && text.AsSpan().IndexOfAnyInRange('\uE000', '\uF8FF') < 0;
}
