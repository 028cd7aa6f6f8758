using System.Collections;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// One row of an import file. <paramref name="Number"/> is what the user sees: the sheet's 1-based row number for
/// csv/xlsx (the header is row 1, so the first data row is 2) or the 1-based card number for vcf.
/// <paramref name="Cells"/> has exactly one entry per header; blank cells are null.
/// </summary>
public sealed record ImportRow(int Number, IReadOnlyList<string?> Cells)
{
    /// <summary>Why a vCard's card could not be read as text (its cells are then blank): the caller rejects it with this reason.</summary>
    public ImportFileException? Unreadable { get; init; }
}

/// <summary>
/// The headers of an import file and its rows, streamed: <see cref="Rows"/> reads the file as it is enumerated, so a
/// million-row file is never in memory at once, and it can be enumerated only once. The stream given to the reader must
/// stay open until then. csv/xlsx readers skip rows whose cells are all blank; the vcf reader keeps a blank row for a
/// card it could not use, so that the caller can reject that card by its number.
/// </summary>
public sealed class ImportTable(IReadOnlyList<string> headers, IEnumerable<ImportRow> rows)
{
    public IReadOnlyList<string> Headers { get; } = headers;

    public IEnumerable<ImportRow> Rows { get; } = new OnceEnumerable<ImportRow>(rows);

    /// <summary>What a text file (csv, vcf) was read as, for the import page to show; null for xlsx.</summary>
    public System.Text.Encoding? Encoding { get; init; }

    internal static bool IsBlank(IReadOnlyList<string?> cells)
    {
        foreach (var cell in cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
                return false;
        }
        return true;
    }
}

/// <summary>Fails loudly on a second enumeration: the rows come from a forward-only stream, a silent empty second pass would lose data.</summary>
internal sealed class OnceEnumerable<T>(IEnumerable<T> inner) : IEnumerable<T>
{
    private int used;

    public IEnumerator<T> GetEnumerator() =>
        Interlocked.Exchange(ref used, 1) == 0
            ? inner.GetEnumerator()
            : throw new InvalidOperationException("The rows of an import file can be read only once.");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
