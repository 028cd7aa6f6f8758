using System.IO.Compression;
using System.Text;

namespace Guanxi.Web.Tests.Imports;

/// <summary>
/// A minimal valid .xlsx written part by part, so that a test can build one MiniExcel would read, with a part of any
/// size streamed into the zip (a 400 MB string compresses to some 400 KB and is never in the test's memory).
/// </summary>
internal static class XlsxParts
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>One sheet whose A1 is shared string 0: "&lt;si&gt;&lt;t&gt;" + <paramref name="length"/> × <paramref name="repeated"/> + "&lt;/t&gt;&lt;/si&gt;".</summary>
    public static byte[] OneSharedString(char repeated, long length) => Build(
        """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>""",
        part =>
        {
            Write(part, $"""<sst xmlns="{Main}" count="1" uniqueCount="1"><si><t>""");
            var (chars, width) = (1 << 16, Encoding.UTF8.GetByteCount([repeated]));
            var chunk = Encoding.UTF8.GetBytes(new string(repeated, chars));
            for (var left = length; left > 0; left -= chars)
                part.Write(chunk, 0, (int)Math.Min(left, chars) * width);
            Write(part, "</t></si></sst>");
        });

    /// <summary>An .xlsx of the given sheet XML (and shared strings, when written).</summary>
    public static byte[] Build(string sheet, Action<Stream>? sharedStrings = null)
    {
        var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, Action<Stream> write)
            {
                using var part = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                write(part);
            }
            Add("[Content_Types].xml", p => Write(p, """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
                """));
            Add("_rels/.rels", p => Write(p, """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """));
            Add("xl/workbook.xml", p => Write(p, $"""
                <workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """));
            Add("xl/_rels/workbook.xml.rels", p => Write(p, """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
                """));
            Add("xl/worksheets/sheet1.xml", p => Write(p, sheet));
            Add("xl/sharedStrings.xml", sharedStrings ?? (p => Write(p, $"""<sst xmlns="{Main}" count="0" uniqueCount="0"/>""")));
        }
        return file.ToArray();
    }

    private static void Write(Stream part, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        part.Write(bytes, 0, bytes.Length);
    }
}
