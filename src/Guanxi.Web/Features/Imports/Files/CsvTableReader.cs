using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>CSV (or tab-separated) upload: sniffs the encoding and the delimiter, reads the header, streams the rest.</summary>
internal static class CsvTableReader
{
    public static ImportTable Read(Stream stream)
    {
        var (encoding, prefix, input) = TextEncodingSniffer.Sniff(stream);
        if (prefix.Length == 0)
            throw ImportFileException.Empty();
        if (LooksBinary(prefix, encoding))
            throw ImportFileException.NotText();
        var delimiter = Delimiter(encoding.GetString(prefix));
        var reader = new StreamReader(input, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        var records = CsvParser.Parse(reader, delimiter).GetEnumerator();
        do
        {
            if (!records.MoveNext())
            {
                records.Dispose();
                throw ImportFileException.NoHeader();
            }
        }
        while (ImportTable.IsBlank(records.Current.Fields));
        var headers = TabularReader.CleanHeaders(records.Current.Fields);
        return new ImportTable(headers, Rows(records, headers.Length));
    }

    private static IEnumerable<ImportRow> Rows(IEnumerator<CsvRecord> records, int width)
    {
        using (records)
        {
            while (records.MoveNext())
            {
                var record = records.Current;
                if (!ImportTable.IsBlank(record.Fields))
                    yield return new ImportRow(record.Number, TabularReader.FitCells(record.Fields, width));
            }
        }
    }

    /// <summary>Tab-separated when the header line has tabs and no commas (what "Unicode text" exports from Excel look like).</summary>
    private static char Delimiter(string sample)
    {
        foreach (var line in sample.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            return line.Contains('\t', StringComparison.Ordinal) && !line.Contains(',', StringComparison.Ordinal) ? '\t' : ',';
        }
        return ',';
    }

    /// <summary>An .xlsx (zip) or .xls (OLE) renamed to .csv, or other binary data, would otherwise import as garbage.</summary>
    private static bool LooksBinary(byte[] prefix, Encoding encoding) =>
        prefix is [0x50, 0x4B, 0x03, 0x04, ..] or [0xD0, 0xCF, 0x11, 0xE0, ..]
        || (encoding is not UnicodeEncoding && prefix.AsSpan().Contains((byte)0));
}
