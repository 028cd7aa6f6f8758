using System.Text;
using Guanxi.Web.Features.Imports;
using static Guanxi.Web.Tests.Imports.ImportTestFiles;

namespace Guanxi.Web.Tests.Imports;

public sealed class VCardReaderTests
{
    private static readonly string[] Columns = [.. VCardReader.Headers];

    [Fact]
    public void ARC_10_vcard_21_gb2312_quoted_printable_chinese_decodes()
    {
        var card = Single("""
            BEGIN:VCARD
            VERSION:2.1
            N;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:=D5=C5;=C8=FD;;;
            TEL;CELL;VOICE:13812341234
            ADR;HOME;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:;;=C8=CB=C3=F1=C2=B7=31=BA=C5;=B3=A3=D6=DD=CA=D0;=BD=AD=CB=D5=CA=A1;213000;=D6=D0=B9=FA
            END:VCARD
            """);

        Assert.Equal("张三", card("name"));
        Assert.Equal("13812341234", card("mobile"));
        Assert.Equal("江苏省常州市人民路1号", card("address"));
    }

    [Fact]
    public void ARC_10_vcard_raw_gbk_bytes_without_charset_decode()
    {
        var bytes = Gb18030.GetBytes("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:王五\r\nORG:常州恒通汽车\r\nTEL;WORK:0519-88881234\r\nEND:VCARD\r\n");

        var card = Cell(Assert.Single(Read(bytes, "phone.vcf").Rows));

        Assert.Equal(new string?[] { "王五", "常州恒通汽车", "0519-88881234" }, new[] { card("name"), card("organization"), card("phone") });
    }

    [Fact]
    public void ARC_10_vcard_folded_lines_and_escapes_are_undone()
    {
        var card = Single("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Doe\\, Jo\r\n hn\r\nNOTE:first\\nsecond\\; still\r\n\tsecond\r\nTEL;TYPE=CELL:+86 138\r\n 1234 1234\r\nEND:VCARD\r\n");

        Assert.Equal("Doe, John", card("name"));
        Assert.Equal("first\nsecond; stillsecond", card("notes"));
        Assert.Equal("+86 1381234 1234", card("mobile"));
    }

    [Fact]
    public void ARC_10_vcard_quoted_printable_soft_break_before_the_card_end_does_not_swallow_it()
    {
        var rows = Cards("BEGIN:VCARD\r\nFN;ENCODING=QUOTED-PRINTABLE:Jo=\r\nhn=\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Next\r\nEND:VCARD\r\n");

        Assert.Equal(new string?[] { "John", "Next" }, rows.Select(r => r("name")));
    }

    [Fact]
    public void ARC_10_vcard_types_of_all_versions_pick_the_phone_column()
    {
        var card = Single("""
            begin:vcard
            VERSION:4.0
            FN:A
            TEL;CELL:1
            TEL;TYPE=WORK;TYPE=VOICE:2
            TEL;TYPE=home,voice:3
            TEL;VALUE=uri;TYPE="cell,voice":tel:+1-555-555-5555
            item1.TEL:5
            item1.X-ABLabel:_$!<Mobile>!$_
            item2.TEL:6
            item2.X-ABLabel:iPhone
            TEL:7
            end:vcard
            """);

        Assert.Equal("1; +1-555-555-5555; 5; 6", card("mobile"));
        Assert.Equal("2; 7", card("phone"));
        Assert.Equal("3", card("home phone"));
    }

    [Fact]
    public void ARC_10_vcard_name_falls_back_to_n_then_org_and_wechat_is_read()
    {
        var rows = Cards("""
            BEGIN:VCARD
            N:Smith;Anna;;;
            X-WECHAT:anna_smith
            END:VCARD
            BEGIN:VCARD
            ORG:常州恒通;销售部
            EMAIL:info@example.cn
            IMPP;X-SERVICE-TYPE=WeChat:weixin:hengtong
            BDAY:19900501
            END:VCARD
            """);

        Assert.Equal(new string?[] { "Anna Smith", "anna_smith" }, new[] { rows[0]("name"), rows[0]("wechat") });
        Assert.Equal(new string?[] { "常州恒通", "常州恒通", "hengtong", "1990-05-01" }, new[] { rows[1]("name"), rows[1]("organization"), rows[1]("wechat"), rows[1]("birthday") });
    }

    [Fact]
    public void ARC_10_vcard_begin_without_end_gives_a_blank_row_and_reading_goes_on()
    {
        var rows = Read("BEGIN:VCARD\nFN:Cut Off\nTEL:1\nBEGIN:VCARD\nFN:Whole\nTEL:2\nEND:VCARD\n\nBEGIN:VCARD\nFN:Trailing\n", "a.vcf").Rows.ToList();

        Assert.Equal([1, 2, 3], rows.Select(r => r.Number));
        Assert.All(rows[0].Cells, Assert.Null);
        Assert.Equal("Whole", rows[1].Cells[0]);
        Assert.All(rows[2].Cells, Assert.Null);
    }

    [Fact]
    public void ARC_10_vcard_without_name_org_phone_or_email_is_blank()
    {
        var rows = Read("BEGIN:VCARD\nVERSION:3.0\nNOTE:only a note\nADR:;;1 Main St;;;;\nEND:VCARD\n", "a.vcf").Rows.ToList();

        Assert.All(Assert.Single(rows).Cells, Assert.Null);
    }

    [Fact]
    public void ARC_10_vcard_in_utf16_reads()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("BEGIN:VCARD\r\nFN:李雷\r\nEND:VCARD\r\n")).ToArray();

        Assert.Equal("李雷", Assert.Single(Read(bytes, "a.vcf").Rows).Cells[0]);
    }

    [Theory]
    [InlineData("", "import.empty_file")]
    [InlineData("name,phone\n", "import.no_vcard")]
    public void ARC_10_vcf_that_is_empty_or_has_no_card_is_rejected(string text, string code) =>
        Assert.Equal(code, Assert.Throws<ImportFileException>(() => Read(text, "a.vcf")).Code);

    private static Func<string, string?> Single(string vcf) => Cell(Assert.Single(Read(vcf, "a.vcf").Rows));

    private static List<Func<string, string?>> Cards(string vcf) => [.. Read(vcf, "a.vcf").Rows.Select(Cell)];

    private static Func<string, string?> Cell(ImportRow row) => column => row.Cells[Array.IndexOf(Columns, column)];
}
