using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Guanxi.Web.Shared.Files;

/// <summary>
/// Exports rows as .xlsx or .csv, streaming them (a million rows are never held at once). Every cell is text, so phone
/// numbers and IDs keep their leading zeros and "+". Each row has one cell per header: missing cells are blank, extra dropped.
/// </summary>
public static class SpreadsheetWriter
{
    public static Task WriteAsync(Stream output, string format, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        return format.Trim().ToUpperInvariant() switch
        {
            "XLSX" => WriteXlsxAsync(output, headers, rows, ct),
            "CSV" => WriteCsvAsync(output, headers, rows, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Use \"xlsx\" or \"csv\"."),
        };
    }

    /// <summary>
    /// OWASP CSV-injection guidance: text starting with = + - @ tab or CR could run as a formula when the file is opened,
    /// so it gets a leading single quote. Applied in both formats, since an xlsx may be re-saved as csv.
    /// </summary>
    public static string? Neutralise(string? cell) =>
        cell is [ '=' or '+' or '-' or '@' or '\t' or '\r', ..] ? "'" + cell : cell;

    private static async Task WriteXlsxAsync(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        // MiniExcel takes the columns from the first row's keys; the header goes out as that first row, so that
        // duplicate or blank header names cannot clash as keys.
        var keys = Enumerable.Range(0, headers.Count).Select(i => "c" + i).ToArray();
        var configuration = new OpenXmlConfiguration { EnableAutoWidth = false, FastMode = false };
        await MiniExcel.SaveAsAsync(output, Dictionaries(keys, headers, rows, ct), printHeader: false, sheetName: "Sheet1",
            excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>A workbook of several sheets, each with its own headers (a report's sections).</summary>
    public static Task WriteSheetsAsync(Stream output, IReadOnlyList<(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<string?>> Rows)> sheets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var workbook = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, headers, rows) in sheets)
            workbook[name] = Dictionaries([.. Enumerable.Range(0, headers.Count).Select(i => "c" + i)], headers, rows, ct);
        var configuration = new OpenXmlConfiguration { EnableAutoWidth = false, FastMode = false };
        return MiniExcel.SaveAsAsync(output, workbook, printHeader: false, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
    }

    private static IEnumerable<IDictionary<string, object?>> Dictionaries(string[] keys, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        yield return Row(keys, headers);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            yield return Row(keys, row);
        }
    }

    private static Dictionary<string, object?> Row(string[] keys, IReadOnlyList<string?> cells)
    {
        var row = new Dictionary<string, object?>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
            row[keys[i]] = Neutralise(i < cells.Count ? cells[i] : null);
        return row;
    }

    private static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        // UTF-8 with BOM: without it Excel in China opens the file as GBK and shows Chinese as mojibake.
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct).ConfigureAwait(false);
        var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var line = new StringBuilder();
            AppendLine(line, headers, headers.Count);
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                AppendLine(line, row, headers.Count);
                if (line.Length < 32 * 1024)
                    continue;
                await writer.WriteAsync(line, ct).ConfigureAwait(false);
                line.Clear();
            }
            await writer.WriteAsync(line, ct).ConfigureAwait(false);
            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled; records end in CRLF.</summary>
    private static void AppendLine(StringBuilder line, IReadOnlyList<string?> cells, int width)
    {
        for (var i = 0; i < width; i++)
        {
            if (i > 0)
                line.Append(',');
            var cell = Neutralise(i < cells.Count ? cells[i] : null) ?? "";
            if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
                line.Append(cell);
            else
                line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        line.Append("\r\n");
    }
}
