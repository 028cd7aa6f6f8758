using System.Text;
using Guanxi.Web.Features.Imports;
using static Guanxi.Web.Tests.Imports.ImportTestFiles;

namespace Guanxi.Web.Tests.Imports;

public sealed class CsvImportTests
{
    [Fact]
    public void ARC_10_quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var rows = Rows("name,note,city\r\n\"Wang, Wei\",\"He said \"\"hi\"\"\r\nsecond line\",\"\"\r\nLi,plain,Beijing\r\n", "a.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["Wang, Wei", "He said \"hi\"\r\nsecond line", null], rows[0].Cells);
        Assert.Equal(2, rows[0].Number);
        Assert.Equal(3, rows[1].Number);
        Assert.Equal(["Li", "plain", "Beijing"], rows[1].Cells);
    }

    [Theory]
    [InlineData("name,phone\nA,1\nB,2")]
    [InlineData("name,phone\r\nA,1\r\nB,2\r\n")]
    [InlineData("name,phone\rA,1\rB,2\r")]
    public void ARC_10_crlf_lf_and_cr_line_ends_all_read(string text)
    {
        var rows = Rows(text, "a.csv");

        Assert.Equal([["A", "1"], ["B", "2"]], rows.Select(r => r.Cells));
        Assert.Equal([2, 3], rows.Select(r => r.Number));
    }

    [Fact]
    public void ARC_10_tab_separated_header_switches_the_delimiter()
    {
        var table = Read("姓名\t手机\t备注\n张三\t138\t甲,乙\n", "a.csv");

        Assert.Equal(["姓名", "手机", "备注"], table.Headers);
        Assert.Equal(["张三", "138", "甲,乙"], Assert.Single(table.Rows).Cells);
    }

    [Fact]
    public void ARC_10_blank_rows_are_skipped_but_keep_their_row_numbers()
    {
        var rows = Rows("\n name , phone \n\nA,1\n,,\n  ,\nB,2\n", "a.csv");

        Assert.Equal([4, 7], rows.Select(r => r.Number));
    }

    [Fact]
    public void ARC_10_cells_are_trimmed_short_rows_padded_and_extra_cells_dropped()
    {
        var table = Read(" 姓名 ,手机,\n  张三  \n李四,139,x,y\n", "a.csv");

        Assert.Equal(["姓名", "手机"], table.Headers);
        Assert.Equal([["张三", null], ["李四", "139"]], table.Rows.Select(r => r.Cells));
    }

    [Fact]
    public void ARC_10_duplicate_header_is_rejected_naming_the_column()
    {
        var error = Assert.Throws<ImportFileException>(() => Read("姓名,手机,姓名\n", "a.csv"));

        Assert.Equal("import.duplicate_header", error.Code);
        Assert.Contains("姓名", error.Message, StringComparison.Ordinal);
        Assert.Contains("columns 1 and 3", error.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "import.empty_file")]
    [InlineData("\uFEFF", "import.empty_file")]
    [InlineData("\r\n\r\n,,\r\n", "import.no_header")]
    public void ARC_10_empty_file_or_no_header_is_rejected(string text, string code)
    {
        var error = Assert.Throws<ImportFileException>(() => Read(text, "a.csv"));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void ARC_10_unknown_file_type_is_rejected_in_chinese_and_english()
    {
        var error = Assert.Throws<ImportFileException>(() => Read("x", "客户.pdf"));

        Assert.Equal("import.unsupported_type", error.Code);
        Assert.Contains(".pdf", error.Message, StringComparison.Ordinal);
        Assert.Contains(".xlsx、.csv 或 .vcf", error.Message, StringComparison.Ordinal);
        Assert.Contains("upload an .xlsx, .csv or .vcf file", error.MessageFor(english: true), StringComparison.Ordinal);
        Assert.Equal("import.unsupported_type", Assert.Throws<ImportFileException>(() => Read("x", "old.XLS")).Code);
    }

    [Fact]
    public void ARC_10_xlsx_renamed_to_csv_is_rejected_not_read_as_garbage()
    {
        var error = Assert.Throws<ImportFileException>(() => Read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "a.csv"));

        Assert.Equal("import.not_text", error.Code);
    }

    [Fact]
    public void ARC_10_200000_row_csv_is_streamed_not_loaded()
    {
        var text = new StringBuilder("姓名,手机,邮箱\r\n");
        for (var i = 0; i < 200_000; i++)
            text.Append("客户").Append(i).Append(",1380000").Append(i % 10000).Append(",c").Append(i).Append("@example.com\r\n");
        var stream = new MemoryStream(Utf8.GetBytes(text.ToString()));

        var table = TabularReader.Read(stream, "big.csv");
        var readForHeaders = stream.Position;
        var count = 0;
        var last = 0;
        foreach (var row in table.Rows)
        {
            count++;
            last = row.Number;
        }

        Assert.True(readForHeaders < stream.Length / 10, $"{readForHeaders} of {stream.Length} bytes read before the rows were asked for");
        Assert.Equal(200_000, count);
        Assert.Equal(200_001, last);
    }

    [Fact]
    public void ARC_10_rows_can_be_read_only_once()
    {
        var table = Read("name\nA\n", "a.csv");
        _ = table.Rows.ToList();

        Assert.Throws<InvalidOperationException>(() => table.Rows.ToList());
    }
}
