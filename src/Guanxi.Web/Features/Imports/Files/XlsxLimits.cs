using System.IO.Compression;
using System.Xml;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Reads an .xlsx's XML once, keeping none of it, before MiniExcel reads it, so that a file built to blow up in memory
/// (a 400 KB zip that unpacks to one 400 MB string took the server to 4 GB) fails at once with its reason. MiniExcel
/// holds one row at a time and the shared strings (in memory, or on disk when the part declares more than 5 MB), so
/// bounding each cell, row, the cells and the strings bounds what it holds. The zip's declared sizes are checked first,
/// then counted as each part inflates, since a declared size can lie.
/// </summary>
internal static class XlsxLimits
{
    /// <summary>All parts unpacked: a full Excel sheet (1,048,576 rows) of some 20 columns unpacks to about 1 GB.</summary>
    public const long MaxUnpackedBytes = 2L << 30;

    /// <summary>Excel's own maximums: no file Excel saved exceeds them.</summary>
    public const int MaxRows = 1_048_576, MaxColumns = 16_384, MaxCellChars = 32_767;

    /// <summary>
    /// A full Excel sheet 32 columns wide (a customer file has about 20); also the most shared strings, since Excel
    /// keeps one per distinct cell text. The bench's 100,000 rows are a tenth of the rows.
    /// </summary>
    public const int MaxCells = MaxRows * 32;

    /// <summary>One row's own text, as the CSV reader allows one record: a real row is far shorter.</summary>
    public const int MaxRowChars = 2 * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true,
    };

    /// <summary>Throws <see cref="ImportFileException"/> past a limit; leaves <paramref name="stream"/> (seekable) where it was.</summary>
    public static void Check(Stream stream)
    {
        var start = stream.Position;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxUnpackedBytes - declared)
                    throw Unpacked();
                declared += entry.Length;
            }
            // Every XML part, not only the ones a well-formed workbook names: MiniExcel follows the workbook's own links.
            long unpacked = 0;
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
                unpacked += Scan(entry, MaxUnpackedBytes - unpacked);
        }
        stream.Position = start;
    }

    private static long Scan(ZipArchiveEntry entry, long budget)
    {
        var part = new XlsxPartStream(entry.Open(), entry.Length, budget);
        using var xml = XmlReader.Create(part, Settings);
        var chunk = new char[4096];
        long rows = 0, cells = 0, strings = 0, cellChars = 0, rowChars = 0;
        var (cellDepth, sheetCell) = (-1, false);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                if (cellDepth >= 0 && xml.Depth <= cellDepth)
                    cellDepth = -1;   // past the cell (an empty element has no end tag to say so)
                switch (xml.LocalName)
                {
                    case "row":
                        if (++rows > MaxRows || Number(xml.GetAttribute("r")) > MaxRows)
                            throw TooManyRows();
                        rowChars = 0;
                        break;
                    case "c":
                        if (++cells > MaxCells)
                            throw ImportFileException.XlsxTooLarge("超过 33,554,432 个单元格", "more than 33,554,432 cells");
                        CheckReference(xml.GetAttribute("r"));
                        (cellDepth, sheetCell, cellChars) = (xml.Depth, true, 0);
                        break;
                    case "si":
                        if (++strings > MaxCells)
                            throw ImportFileException.XlsxTooLarge("共享字符串超过 33,554,432 个", "more than 33,554,432 shared strings");
                        (cellDepth, sheetCell, cellChars) = (xml.Depth, false, 0);
                        break;
                    case "dimension":
                        foreach (var corner in (xml.GetAttribute("ref") ?? "").Split(':'))
                            CheckReference(corner);
                        break;
                }
            }
            else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                var inCell = cellDepth >= 0 && xml.Depth > cellDepth;
                if (!inCell)
                    cellChars = 0;   // text outside a cell is bounded on its own
                int read;
                while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)   // streamed: a long text is never held whole
                {
                    if ((cellChars += read) > MaxCellChars)
                        throw ImportFileException.XlsxTooLarge("有一个单元格超过 32,767 个字符（Excel 的上限）", "a cell holds more than 32,767 characters (Excel's maximum)");
                    if (inCell && sheetCell && (rowChars += read) > MaxRowChars)
                        throw ImportFileException.XlsxTooLarge("有一行超过两百万个字符", "a row holds more than two million characters");
                }
            }
        }
        return part.Count;
    }

    /// <summary>A cell reference such as "AB12" within Excel's columns and rows: MiniExcel sizes each row to the widest column.</summary>
    private static void CheckReference(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return;
        var (column, letters) = (0L, 0);
        for (; letters < reference.Length && char.IsAsciiLetter(reference[letters]) && column <= MaxColumns; letters++)
            column = column * 26 + char.ToUpperInvariant(reference[letters]) - 'A' + 1;
        if (column > MaxColumns)
            throw ImportFileException.XlsxTooLarge("超过 16,384 列（Excel 的上限）", "more than 16,384 columns (Excel's maximum)");
        if (Number(reference[letters..]) > MaxRows)
            throw TooManyRows();
    }

    internal static ImportFileException Unpacked() => ImportFileException.XlsxTooLarge("解压后超过 2 GB", "it unpacks to more than 2 GB");

    private static ImportFileException TooManyRows() => ImportFileException.XlsxTooLarge("超过 1,048,576 行（Excel 的上限）", "more than 1,048,576 rows (Excel's maximum)");

    private static long Number(string? digits) =>
        digits is null ? 0 : long.TryParse(digits.AsSpan(0, Math.Min(digits.Length, 12)), out var n) ? n : 0;
}
