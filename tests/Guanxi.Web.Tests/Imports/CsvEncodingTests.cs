using System.Text;
using static Guanxi.Web.Tests.Imports.ImportTestFiles;

namespace Guanxi.Web.Tests.Imports;

/// <summary>Which encoding an uploaded CSV is in: BOMs, UTF-8 and the GBK that Excel in China writes.</summary>
public sealed class CsvEncodingTests
{
    [Fact]
    public void ARC_10_gbk_csv_from_excel_reads_chinese_correctly()
    {
        var bytes = Gb18030.GetBytes("姓名,手机,地址\r\n张三,13812341234,江苏省常州市新北区\r\n");

        var table = Read(bytes, "客户.csv");

        Assert.Equal(["姓名", "手机", "地址"], table.Headers);
        var row = Assert.Single(table.Rows);
        Assert.Equal(2, row.Number);
        Assert.Equal(["张三", "13812341234", "江苏省常州市新北区"], row.Cells);
    }

    [Fact]
    public void ARC_10_utf8_csv_with_bom_reads_chinese_and_drops_the_bom_from_the_header()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Utf8.GetBytes("姓名,手机\n李四,13912345678\n")).ToArray();

        var table = Read(bytes, "a.csv");

        Assert.Equal(["姓名", "手机"], table.Headers);
        Assert.Equal(["李四", "13912345678"], Assert.Single(table.Rows).Cells);
    }

    [Fact]
    public void ARC_10_utf8_csv_without_bom_reads_chinese()
    {
        var row = Assert.Single(Rows("姓名,备注\n王五,老客户，喜欢红色\n", "a.csv"));

        Assert.Equal(["王五", "老客户，喜欢红色"], row.Cells);
    }

    [Fact]
    public void ARC_10_utf8_character_cut_at_the_64_kb_sniff_boundary_is_still_read_as_utf8()
    {
        var text = new StringBuilder("name,note\n");
        while (Utf8.GetByteCount(text.ToString()) < 65535 - 20)
            text.Append("x,").Append(new string('a', 10)).Append('\n');
        var filler = 65535 - Utf8.GetByteCount(text.ToString()) - 2;
        text.Append("y,").Append('b', filler).Append("中文\n");
        Assert.Equal(0xE4, Utf8.GetBytes(text.ToString())[65535]);

        var rows = Rows(text.ToString(), "a.csv");

        Assert.EndsWith("中文", rows[^1].Cells[1], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Cells.Any(c => c?.Contains('\uFFFD', StringComparison.Ordinal) == true));
    }

    [Fact]
    public void ARC_10_utf16_tab_separated_text_from_excel_reads()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("姓名\t手机\r\n赵六\t13700000000\r\n")).ToArray();

        var table = Read(bytes, "unicode.txt");

        Assert.Equal(["姓名", "手机"], table.Headers);
        Assert.Equal(["赵六", "13700000000"], Assert.Single(table.Rows).Cells);
    }
}
