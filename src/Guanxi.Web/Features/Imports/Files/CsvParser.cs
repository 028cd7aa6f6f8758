using System.Text;

namespace Guanxi.Web.Features.Imports;

internal readonly record struct CsvRecord(int Number, List<string> Fields);

/// <summary>
/// RFC 4180 parser over a TextReader: quoted fields with doubled quotes, delimiters and line breaks inside, CRLF, LF or
/// CR line ends. Lenient where Excel is (a quote inside an unquoted field is literal). Each record's number counts every
/// record, blank ones too, so it is the row Excel shows. The yielded list is reused: copy it before moving on.
/// </summary>
internal static class CsvParser
{
    private const int MaxField = 1_000_000;

    private enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    public static IEnumerable<CsvRecord> Parse(TextReader reader, char delimiter)
    {
        var buffer = new char[16 * 1024];
        var fields = new List<string>();
        var field = new StringBuilder();
        var state = State.FieldStart;
        var skipLf = false;
        var inRecord = false;
        var number = 1;
        int length;
        while ((length = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < length; i++)
            {
                var c = buffer[i];
                if (skipLf)
                {
                    skipLf = false;
                    if (c == '\n')
                        continue;
                }
                if (state == State.Quoted)
                {
                    if (c == '"')
                        state = State.QuoteInQuoted;
                    else if (field.Length < MaxField)
                        field.Append(c);
                    else
                        throw ImportFileException.FieldTooLong(number);
                    continue;
                }
                if (state == State.QuoteInQuoted && c == '"')
                {
                    field.Append('"');
                    state = State.Quoted;
                    continue;
                }
                inRecord = true;
                if (c == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    state = State.FieldStart;
                }
                else if (c is '\r' or '\n')
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(number++, fields);
                    fields.Clear();
                    field.Clear();
                    state = State.FieldStart;
                    inRecord = false;
                    skipLf = c == '\r';
                }
                else if (c == '"' && state == State.FieldStart)
                {
                    state = State.Quoted;
                }
                else if (field.Length < MaxField)
                {
                    field.Append(c);
                    state = State.Unquoted;
                }
                else
                {
                    throw ImportFileException.FieldTooLong(number);
                }
            }
        }
        if (inRecord)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(number, fields);
        }
    }
}
