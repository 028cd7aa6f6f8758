using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Guanxi.Web.Shared.Files;

/// <summary>
/// Exports rows as .xlsx or .csv, streaming them (a million rows are never held at once). A cell given as text stays text,
/// so phone numbers and IDs keep their leading zeros and "+"; a number (int, decimal, double) is written as a number, so
/// that Excel can sum and chart it. Money is decimal everywhere: in an xlsx a column whose first row holds a decimal is
/// shown as money (¥1,234.00), still a number. The header row is frozen and each column is as wide as its header asks. Each row has
/// one cell per header: missing cells are blank, extra dropped.
/// </summary>
public static class SpreadsheetWriter
{
    public static Task WriteAsync(Stream output, string format, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
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

    private static async Task WriteXlsxAsync(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        // MiniExcel takes the columns from the first row's keys; the header goes out as that first row, so that
        // duplicate or blank header names cannot clash as keys.
        var keys = Keys(headers.Count);
        // The first row says which columns are money; it is read ahead of the others, the rest still stream.
        using var read = rows.GetEnumerator();
        var first = read.MoveNext() ? read.Current : null;
        await MiniExcel.SaveAsAsync(output, Dictionaries(keys, headers, Following(first, read), ct), printHeader: false, sheetName: "Sheet1",
            excelType: ExcelType.XLSX, configuration: Configuration(keys, headers, first), cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>How Excel shows a money column: ¥1,234.00 and -¥1,234.00, the value still a number.</summary>
    public const string MoneyFormat = "\"¥\"#,##0.00;-\"¥\"#,##0.00";

    private static IEnumerable<IReadOnlyList<object?>> Following(IReadOnlyList<object?>? first, IEnumerator<IReadOnlyList<object?>> rest)
    {
        if (first is null)
            yield break;
        yield return first;
        while (rest.MoveNext())
            yield return rest.Current;
    }

    /// <summary>A workbook of several sheets, each with its own headers (a report's sections).</summary>
    public static Task WriteSheetsAsync(Stream output, IReadOnlyList<(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows)> sheets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var workbook = new Dictionary<string, object>(StringComparer.Ordinal);
        var widest = sheets.Select(s => s.Headers).MaxBy(h => h.Count) ?? [];
        foreach (var (name, headers, rows) in sheets)
            workbook[name] = Dictionaries(Keys(headers.Count), headers, rows, ct);
        return MiniExcel.SaveAsAsync(output, workbook, printHeader: false, excelType: ExcelType.XLSX, configuration: Configuration(Keys(widest.Count), widest), cancellationToken: ct);
    }

    private static string[] Keys(int count) => [.. Enumerable.Range(0, count).Select(i => "c" + i)];

    /// <summary>
    /// The header row frozen; each column as wide as its header (a Chinese character counts twice), at least 12; a column
    /// whose first row holds a decimal shown as money.
    /// </summary>
    private static OpenXmlConfiguration Configuration(string[] keys, IReadOnlyList<string> headers, IReadOnlyList<object?>? first = null) => new()
    {
        EnableAutoWidth = false, FastMode = false, FreezeRowCount = 1, FreezeColumnCount = 0,
        DynamicColumns = [.. keys.Select((key, i) => new DynamicExcelColumn(key)
        {
            Width = Math.Max(12, headers[i].Sum(c => c > 0x2E80 ? 2 : 1) + 4),
            Format = first is not null && i < first.Count && first[i] is decimal ? MoneyFormat : null,
        })],
    };

    private static IEnumerable<IDictionary<string, object?>> Dictionaries(string[] keys, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        yield return Row(keys, headers);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            yield return Row(keys, row);
        }
    }

    private static Dictionary<string, object?> Row(string[] keys, IReadOnlyList<object?> cells)
    {
        var row = new Dictionary<string, object?>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
            row[keys[i]] = (i < cells.Count ? cells[i] : null) is string text ? Neutralise(text) : i < cells.Count ? cells[i] : null;
        return row;
    }

    /// <summary>A cell as a csv writes it: numbers in the invariant culture.</summary>
    private static string? Text(object? cell) => cell is IFormattable number ? number.ToString(null, CultureInfo.InvariantCulture) : cell?.ToString();

    private static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
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
    private static void AppendLine(StringBuilder line, IReadOnlyList<object?> cells, int width)
    {
        for (var i = 0; i < width; i++)
        {
            if (i > 0)
                line.Append(',');
            var cell = Neutralise(Text(i < cells.Count ? cells[i] : null)) ?? "";
            if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
                line.Append(cell);
            else
                line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        line.Append("\r\n");
    }
}
