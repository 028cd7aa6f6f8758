using System.Xml;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// First sheet of an .xlsx through MiniExcel's streaming Query (no DOM). Rows come back keyed by column letter, one per
/// sheet row including empty ones, so the n-th row is sheet row n. The stream must seek: <see cref="XlsxLimits"/> reads
/// it first.
/// </summary>
internal static class XlsxTableReader
{
    public static ImportTable Read(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position == 0)
            throw ImportFileException.Empty();
        Guard(() => { XlsxLimits.Check(stream); return true; });   // before MiniExcel holds anything of it
        var rows = Guard(() => MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX,
            configuration: new OpenXmlConfiguration { IgnoreEmptyRows = false, FillMergedCells = false }).GetEnumerator());
        var number = 0;
        string?[] cells;
        do
        {
            if (!Guard(rows.MoveNext))
            {
                rows.Dispose();
                throw ImportFileException.NoHeader();
            }
            number++;
            cells = CellsOf(rows.Current);
        }
        while (ImportTable.IsBlank(cells));
        var headers = TabularReader.CleanHeaders(cells);
        return new ImportTable(headers, Rows(rows, number, headers.Length));
    }

    private static IEnumerable<ImportRow> Rows(IEnumerator<object> rows, int number, int width)
    {
        using (rows)
        {
            while (Guard(rows.MoveNext))
            {
                var cells = CellsOf(rows.Current);
                number++;
                if (!ImportTable.IsBlank(cells))
                    yield return new ImportRow(number, TabularReader.FitCells(cells, width));
            }
        }
    }

    private static string?[] CellsOf(object row) =>
        row is IDictionary<string, object?> byColumn ? [.. byColumn.Values.Select(CellText.Format)] : [];

    /// <summary>A damaged file can fail at open or at any later row; either way the user gets one clear message.</summary>
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or InvalidOperationException or KeyNotFoundException
                                      or IndexOutOfRangeException or ArgumentException or FormatException or NullReferenceException
                                      or NotSupportedException or IOException)
        {
            throw ImportFileException.CorruptXlsx(e);
        }
    }
}
