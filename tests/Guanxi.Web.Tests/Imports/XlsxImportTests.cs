using System.IO.Compression;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Shared.Files;
using MiniExcelLibs;

namespace Guanxi.Web.Tests.Imports;

public sealed class XlsxImportTests
{
    [Fact]
    public async Task ARC_10_xlsx_round_trip_through_the_writer_keeps_chinese_phones_and_dates()
    {
        var stream = new MemoryStream();
        string?[][] rows =
        [
            ["张三", "13812341234", "+8613912345678", "1990-05-01"],
            ["李四", "0519-88881234", null, null],
        ];

        await SpreadsheetWriter.WriteAsync(stream, "xlsx", ["姓名", "手机", "电话", "生日"], rows, TestContext.Current.CancellationToken);
        stream.Position = 0;
        var table = TabularReader.Read(stream, "导出.xlsx");

        Assert.Equal(["姓名", "手机", "电话", "生日"], table.Headers);
        var read = table.Rows.ToList();
        Assert.Equal([2, 3], read.Select(r => r.Number));
        Assert.Equal(rows, read.Select(r => r.Cells));
    }

    [Fact]
    public void ARC_10_xlsx_number_and_date_cells_read_as_the_text_the_user_typed()
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new[]
        {
            new Dictionary<string, object?> { ["手机"] = 13812341234L, ["生日"] = new DateTime(1990, 5, 1), ["到店"] = new DateTime(2024, 3, 8, 14, 30, 0), ["金额"] = 1234.5, ["比例"] = 1e-7, ["会员"] = true },
        });
        stream.Position = 0;

        var row = Assert.Single(TabularReader.Read(stream, "a.xlsx").Rows);

        Assert.Equal(["13812341234", "1990-05-01", "2024-03-08 14:30", "1234.5", "0.0000001", "TRUE"], row.Cells);
    }

    [Fact]
    public void ARC_10_xlsx_row_numbers_follow_the_sheet_and_blank_rows_are_skipped()
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new[]
        {
            new Dictionary<string, object?> { ["A"] = "姓名", ["B"] = "手机", ["C"] = null },
            new Dictionary<string, object?> { ["A"] = "张三", ["B"] = "138", ["C"] = null },
            new Dictionary<string, object?> { ["A"] = null, ["B"] = " ", ["C"] = null },
            new Dictionary<string, object?> { ["A"] = "李四", ["B"] = null, ["C"] = "extra" },
        }, printHeader: false);
        stream.Position = 0;

        var table = TabularReader.Read(stream, "a.xlsx");

        Assert.Equal(["姓名", "手机"], table.Headers);
        Assert.Equal([(2, "张三"), (4, "李四")], table.Rows.Select(r => (r.Number, r.Cells[0])));
    }

    [Fact]
    public void ARC_10_xlsx_duplicate_header_is_rejected()
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new[] { new Dictionary<string, object?> { ["A"] = "手机", ["B"] = "Mobile", ["C"] = "手机" } }, printHeader: false);
        stream.Position = 0;

        var error = Assert.Throws<ImportFileException>(() => TabularReader.Read(stream, "a.xlsx"));

        Assert.Equal("import.duplicate_header", error.Code);
        Assert.Contains("'手机'", error.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4, 5 })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 9, 9, 9, 9 })]
    public void ARC_10_corrupt_xlsx_is_rejected_with_a_clear_error(byte[] bytes)
    {
        var error = Assert.Throws<ImportFileException>(() => TabularReader.Read(new MemoryStream(bytes), "a.xlsx"));

        Assert.Equal("import.corrupt_xlsx", error.Code);
        Assert.Contains("另存为 .xlsx", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("readme.txt")]
    [InlineData("word/document.xml")]
    [InlineData("xl/workbook.xml")]
    public void ARC_10_zip_that_is_not_a_workbook_is_rejected_with_a_clear_error(string entry)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<w:document>not a sheet</w:document>");
        }
        stream.Position = 0;

        var error = Assert.Throws<ImportFileException>(() => TabularReader.Read(stream, "a.xlsx").Rows.ToList());

        Assert.Equal("import.corrupt_xlsx", error.Code);
    }

    [Fact]
    public void ARC_10_truncated_xlsx_is_rejected_with_a_clear_error()
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, Enumerable.Range(0, 2000).Select(i => new Dictionary<string, object?> { ["姓名"] = "客户" + i }));
        var half = stream.ToArray()[..(int)(stream.Length / 2)];

        var error = Assert.Throws<ImportFileException>(() => TabularReader.Read(new MemoryStream(half), "a.xlsx").Rows.ToList());

        Assert.Equal("import.corrupt_xlsx", error.Code);
    }

    [Fact]
    public void ARC_10_empty_xlsx_file_is_rejected()
    {
        var error = Assert.Throws<ImportFileException>(() => TabularReader.Read(new MemoryStream(), "a.xlsx"));

        Assert.Equal("import.empty_file", error.Code);
    }

    [Fact]
    public void ARC_10_xlsx_cell_of_excels_longest_text_is_read_and_a_longer_one_is_refused()
    {
        var longest = TabularReader.Read(new MemoryStream(XlsxParts.OneSharedString('长', 32_767)), "a.xlsx");
        Assert.Equal(32_767, Assert.Single(longest.Headers).Length);

        var error = Assert.Throws<ImportFileException>(() => TabularReader.Read(new MemoryStream(XlsxParts.OneSharedString('长', 32_768)), "a.xlsx"));

        Assert.Equal("import.xlsx_too_large", error.Code);
        Assert.Contains("32,767", error.Message, StringComparison.Ordinal);
        Assert.Contains("32,767 characters", error.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<row r="1"><c r="XFE1" t="inlineStr"><is><t>姓名</t></is></c></row>""", "16,384")]
    [InlineData("""<row r="1048577"><c t="inlineStr"><is><t>姓名</t></is></c></row>""", "1,048,576")]
    [InlineData("""<row r="1"><c r="A1048577" t="inlineStr"><is><t>姓名</t></is></c></row>""", "1,048,576")]
    public void ARC_10_xlsx_beyond_excels_columns_or_rows_is_refused_before_it_is_read(string row, string limit)
    {
        var file = XlsxParts.Build($"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{row}</sheetData></worksheet>""");

        var error = Assert.Throws<ImportFileException>(() => TabularReader.Read(new MemoryStream(file), "a.xlsx"));

        Assert.Equal("import.xlsx_too_large", error.Code);
        Assert.Contains(limit, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARC_10_xlsx_row_of_more_than_two_million_characters_is_refused()
    {
        var cells = string.Concat(Enumerable.Range(0, 70).Select(i => $"""<c t="inlineStr"><is><t>{new string('x', 30_000)}</t></is></c>"""));
        var file = XlsxParts.Build($"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{cells}</row></sheetData></worksheet>""");

        var error = Assert.Throws<ImportFileException>(() => TabularReader.Read(new MemoryStream(file), "a.xlsx"));

        Assert.Contains("two million characters", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void ARC_10_xlsx_tag_longer_than_a_megabyte_is_refused_before_xml_reader_holds_it()
    {
        var file = XlsxParts.Build($"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" x="{new string('>', 2 << 20)}"><sheetData/></worksheet>""");

        var error = Assert.Throws<ImportFileException>(() => TabularReader.Read(new MemoryStream(file), "a.xlsx"));

        Assert.Contains("longer than 1 MB", error.MessageEn, StringComparison.Ordinal);
    }
}
