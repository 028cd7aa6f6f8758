using System.Text;
using Sylvan.Data.Csv;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// CSV (or tab-separated) upload: the encoding decided from the whole file, the delimiter from the header line, then the
/// rows streamed through Sylvan's RFC 4180 reader. A quote inside an unquoted cell is text, as in Excel; an unclosed
/// quote, text after a closing quote, or a row that does not decode cleanly refuses the file with the row, before the
/// import writes anything (it writes in one transaction).
/// </summary>
internal static class CsvTableReader
{
    /// <summary>Two million characters: a real record is far shorter; an unclosed quote would otherwise read the rest of the file into one cell.</summary>
    private const int MaxRecordChars = 2 * 1024 * 1024;

    public static ImportTable Read(Stream stream, Encoding? chosen)
    {
        var head = Head(stream);
        if (head.Length == 0 || head is [0xEF, 0xBB, 0xBF] or [0xFF, 0xFE] or [0xFE, 0xFF])
            throw ImportFileException.Empty();
        if (LooksBinary(head, chosen))
            throw ImportFileException.NotText();
        var (encoding, _) = TextEncodingSniffer.Detect(stream, chosen);
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var csv = Open(text, Delimiter(encoding.GetString(head)));
        while (true)
        {
            if (!Next(csv))
            {
                csv.Dispose();
                throw ImportFileException.NoHeader();
            }
            if (!ImportTable.IsBlank(Fields(csv)))
                break;
        }
        var raw = Fields(csv);
        CleanText.Check(raw, csv.RowNumber, null, encoding);
        var headers = TabularReader.CleanHeaders(raw);
        return new ImportTable(headers, Rows(csv, headers, encoding)) { Encoding = encoding };
    }

    private static IEnumerable<ImportRow> Rows(CsvDataReader csv, string[] headers, Encoding encoding)
    {
        using (csv)
        {
            while (Next(csv))
            {
                var fields = Fields(csv);
                if (ImportTable.IsBlank(fields))
                    continue;
                var cells = TabularReader.FitCells(fields, headers.Length);
                CleanText.Check(cells, csv.RowNumber, headers, encoding);
                yield return new ImportRow(csv.RowNumber, cells);
            }
        }
    }

    private static CsvDataReader Open(TextReader text, char delimiter)
    {
        try
        {
            return CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = false, Delimiter = delimiter, ResultSetMode = ResultSetMode.SingleResult, MaxBufferSize = MaxRecordChars,
            });
        }
        catch (CsvFormatException e)
        {
            throw Refused(e);
        }
    }

    /// <summary>The next record; its number counts blank records too, so it is the row Excel shows.</summary>
    private static bool Next(CsvDataReader csv)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw Refused(e);
        }
    }

    private static ImportFileException Refused(CsvFormatException e) => e switch
    {
        CsvRecordTooLargeException => ImportFileException.RecordTooLong(e.RowNumber),
        // The character where reading stopped: the quote itself when the file ended inside it.
        CsvInvalidCharacterException bad => ImportFileException.BadQuote(e.RowNumber, unclosed: bad.InvalidCharacter == '"'),
        _ => ImportFileException.BadQuote(e.RowNumber, unclosed: true),
    };

    private static string[] Fields(CsvDataReader csv)
    {
        var fields = new string[csv.RowFieldCount];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = csv.GetString(i);
        return fields;
    }

    /// <summary>The first 64 KB, for the checks that look at the start of the file; the stream goes back where it was.</summary>
    private static byte[] Head(Stream stream)
    {
        var start = stream.Position;
        var buffer = new byte[64 * 1024];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            total += read;
        stream.Position = start;
        return buffer[..total];
    }

    /// <summary>Tab-separated when the header line has tabs and no commas (what "Unicode text" exports from Excel look like).</summary>
    private static char Delimiter(string sample)
    {
        foreach (var line in sample.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line.Replace("\uFEFF", "", StringComparison.Ordinal)))
                continue;
            return line.Contains('\t', StringComparison.Ordinal) && !line.Contains(',', StringComparison.Ordinal) ? '\t' : ',';
        }
        return ',';
    }

    /// <summary>
    /// An .xlsx (zip) or .xls (OLE) renamed to .csv, or other binary data, would otherwise import as garbage. Only UTF-16
    /// and UTF-32 text holds zero bytes: with their BOM, or when the user chose them.
    /// </summary>
    private static bool LooksBinary(byte[] head, Encoding? chosen) =>
        head is [0x50, 0x4B, 0x03, 0x04, ..] or [0xD0, 0xCF, 0x11, 0xE0, ..]
        || (head is not ([0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..]) && chosen is not (UnicodeEncoding or UTF32Encoding)
            && head.AsSpan().Contains((byte)0));
}
