using System.Text;
using Guanxi.Web.Features.Imports;
using static Guanxi.Web.Tests.Imports.ImportTestFiles;

namespace Guanxi.Web.Tests.Imports;

/// <summary>Imports never corrupt text silently: every encoding business files come in is read as itself, or the file is refused by row.</summary>
public sealed class TextEncodingTests
{
    [Fact]
    public void ARC_10_windows_1252_export_of_a_western_crm_keeps_its_accents()
    {
        var bytes = TextEncodings.Windows1252.GetBytes("Name,Company,City\r\nHans Müller,Müller & Söhne,München\r\nJean Dupont,Société Générale,Paris\r\n");

        var table = Read(bytes, "salesforce.csv");

        Assert.Equal(TextEncodings.Windows1252, table.Encoding);
        Assert.Equal([["Hans Müller", "Müller & Söhne", "München"], ["Jean Dupont", "Société Générale", "Paris"]], table.Rows.Select(r => r.Cells));
    }

    /// <summary>A header and one or two rows of short names: what the charset detectors on NuGet got wrong.</summary>
    [Theory]
    [InlineData("GB18030", "姓名,手机\r\n张三,13812341234\r\n")]
    [InlineData("GB18030", "name,mobile\r\n王伟,13812341234\r\n")]
    [InlineData("GB18030", "name,mobile\r\n李娜,13812341234\r\n刘洋,13912341234\r\n")]
    [InlineData("GB18030", "name,mobile,city\r\nWang Wei,13812341234,常州\r\n")]
    [InlineData("GB18030", "姓名,手机,地址,备注\r\n欧阳锋,13988801234,江苏省常州市金坛区东门大街1号,喜欢越野车\r\n")]
    [InlineData("big5", "姓名,電話\r\n陳大文,0912345678\r\n")]
    [InlineData("big5", "name,phone\r\n林美玲,0922333444\r\n")]
    [InlineData("big5", "公司,電話,地址\r\n台灣積體電路製造股份有限公司,0912345678,新竹科學園區\r\n")]
    [InlineData("windows-1252", "Company\r\nSociété Générale\r\n")]
    [InlineData("windows-1252", "Name,Note\r\nJohn Smith,Price: 100€ “net”\r\n")]
    [InlineData("shift_jis", "氏名,電話\r\n山田太郎,03-1234-5678\r\n")]
    public void ARC_10_short_business_files_are_read_in_their_own_encoding(string encoding, string text)
    {
        var table = Read(text, "short.csv", TextEncodings.Find(encoding));

        Assert.Equal(TextEncodings.Find(encoding)!.CodePage, table.Encoding!.CodePage);
        Assert.Equal(text.Split("\r\n")[1], string.Join(',', Assert.Single(table.Rows.Take(1)).Cells));
    }

    [Fact]
    public void ARC_10_a_big5_file_is_read_as_big5()
    {
        var bytes = TextEncodings.Big5.GetBytes("姓名,電話,地址,備註\r\n陳大文,0912345678,台北市信義區松仁路100號,老客戶\r\n林美玲,0922333444,新北市板橋區文化路一段,喜歡紅色\r\n");

        var table = Read(bytes, "台灣客戶.csv");

        Assert.Equal(TextEncodings.Big5, table.Encoding);
        Assert.Equal(["姓名", "電話", "地址", "備註"], table.Headers);
        Assert.Equal(["陳大文", "林美玲"], table.Rows.Select(r => r.Cells[0]));
    }

    [Fact]
    public void ARC_10_a_file_that_is_ascii_for_64_kb_and_gbk_after_it_reads_the_gbk_rows_correctly()
    {
        var text = new StringBuilder("name,mobile,note\r\n");
        for (var i = 0; text.Length < 70_000; i++)
            text.Append("Customer ").Append(i).Append(",1380000").Append(i % 10_000).Append(",plain ascii\r\n");
        text.Append("欧阳锋,13988801234,老客户，喜欢越野车\r\n");

        var rows = Read(Gb18030.GetBytes(text.ToString()), "a.csv").Rows.ToList();

        Assert.Equal(["欧阳锋", "13988801234", "老客户，喜欢越野车"], rows[^1].Cells);
    }

    public static TheoryData<string> UnicodeWithBom() => ["utf-16", "utf-16BE", "utf-32", "utf-32BE", "utf-8"];

    [Theory]
    [MemberData(nameof(UnicodeWithBom))]
    public void ARC_10_utf16_and_utf32_files_with_a_bom_import(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("姓名,手机,公司\r\n赵六,13700000000,Müller & Söhne\r\n")).ToArray();

        var table = Read(bytes, "unicode.csv");

        Assert.Equal(["姓名", "手机", "公司"], table.Headers);
        Assert.Equal(["赵六", "13700000000", "Müller & Söhne"], Assert.Single(table.Rows).Cells);
    }

    [Fact]
    public void ARC_10_an_unclosed_quote_refuses_the_file_with_its_row_instead_of_swallowing_the_rows_after_it()
    {
        var table = Read("name,mobile,note\r\n张三,13812341234,ok\r\n李四,13912345678,\"说明没有闭合\r\n王五,13700000000,x\r\n赵六,13600000000,y\r\n", "a.csv");

        var error = Assert.Throws<ImportFileException>(() => table.Rows.ToList());

        Assert.Equal(("import.unclosed_quote", 3), (error.Code, error.Row));
        Assert.Contains("第 3 行", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 3", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void ARC_10_text_after_a_closing_quote_refuses_the_file_with_its_row()
    {
        var error = Assert.Throws<ImportFileException>(() => Read("name,note\r\n\r\nA,\"quoted\"tail\r\n", "a.csv").Rows.ToList());

        Assert.Equal(("import.bad_quote", 3), (error.Code, error.Row));
    }

    [Fact]
    public void ARC_10_a_quote_inside_an_unquoted_cell_is_text_as_in_excel()
    {
        Assert.Equal([["5\" pipe", "2"], ["B", "3"]], Rows("item,qty\n5\" pipe,2\nB,3\n", "a.csv").Select(r => r.Cells));
    }

    [Fact]
    public void ARC_10_a_row_with_bytes_its_encoding_cannot_read_is_refused_with_its_row_and_column()
    {
        var bytes = Utf8.GetBytes("姓名,手机,备注\n张三,13812341234,老客户\n李四,13912345678,喜欢红色\n").ToList();
        bytes.Insert(bytes.LastIndexOf((byte)'\n') - 3, 0xFF);   // one damaged byte in row 3's note

        var table = Read([.. bytes], "a.csv");
        var error = Assert.Throws<ImportFileException>(() => table.Rows.ToList());

        Assert.Equal(TextEncodings.Utf8, table.Encoding);
        Assert.Equal(("import.undecodable", 3, "备注"), (error.Code, error.Row, error.Column));
        Assert.Contains("无法识别", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read as UTF-8", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void ARC_10_private_use_characters_from_a_wrong_encoding_are_refused_not_stored()
    {
        // 0xAAA1 is in GBK's user-defined area: no Chinese text holds it, a Big5 file read as GBK may.
        var bytes = Gb18030.GetBytes("姓名,手机\r\n张三,13812341234\r\n").Concat(new byte[] { 0xAA, 0xA1, (byte)',', (byte)'1', (byte)'\r', (byte)'\n' }).ToArray();

        var error = Assert.Throws<ImportFileException>(() => Read(bytes, "a.csv", TextEncodings.Gb18030).Rows.ToList());

        Assert.Equal(("import.undecodable", 3), (error.Code, error.Row));
    }

    [Fact]
    public void ARC_10_the_users_choice_of_encoding_is_used_when_detection_would_differ()
    {
        var bytes = TextEncodings.Windows1252.GetBytes("Name\r\nÀÉ\r\n");   // two capitals side by side: detection would not call this Latin

        var table = Read(bytes, "a.csv", TextEncodings.Find("latin1"));

        Assert.Equal("ÀÉ", Assert.Single(table.Rows).Cells[0]);
    }

    [Fact]
    public void ARC_10_a_file_no_encoding_reads_believably_asks_the_user_to_choose()
    {
        var bytes = new byte[] { (byte)'n', (byte)'\n', 0x80, (byte)'\n', 0xFF, (byte)'\n' };

        var error = Assert.Throws<ImportFileException>(() => Read(bytes, "a.csv"));

        Assert.Equal("import.unknown_encoding", error.Code);
    }
}
