using Guanxi.Web.Features.Imports;
using static Guanxi.Web.Tests.Imports.ImportTestFiles;

namespace Guanxi.Web.Tests.Imports;

/// <summary>Real address-book exports from shared/datasets/vcards (ez-vcard, sabre-vobject, py-vobject).</summary>
public sealed class VCardDatasetTests
{
    private static readonly string[] Columns = [.. VCardReader.Headers];

    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(VCardFolder(), "*.vcf", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(VCardFolder(), f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void ARC_10_every_shared_vcard_file_reads_without_error(string file)
    {
        var rows = Cards(file);

        Assert.NotEmpty(rows);
        Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(r => r.Number));
        Assert.All(rows, r => Assert.Equal(Columns.Length, r.Cells.Count));
        Assert.All(rows.Select(r => r.Cells), c => Assert.DoesNotContain(c, v => v is not null && (v.Contains("BEGIN:", StringComparison.Ordinal) || v.Contains("/9j/", StringComparison.Ordinal))));
    }

    [Fact]
    public void ARC_10_all_21_shared_vcard_files_are_found() => Assert.Equal(21, Files().Count);

    [Fact]
    public void ARC_10_iphone_card_puts_each_phone_in_its_column()
    {
        var card = Cell(Assert.Single(Cards("ez-vcard/John_Doe_IPHONE.vcf")));

        Assert.Equal("Mr. John Richter James Doe Sr.", card("name"));
        Assert.Equal("IBM", card("organization"));
        Assert.Equal("Money Counter", card("title"));
        Assert.Equal("905-555-1234", card("mobile"));
        Assert.Equal("905-777-1234; 905-999-1234; 905-111-1234; 905-222-1234", card("phone"));
        Assert.Equal("905-666-1234; 905-888-1234", card("home phone"));
        Assert.Equal("john.doe@ibm.com", card("email"));
        Assert.Equal("Silicon Alley 5, New York, New York, 12345, United States of America; Street4, Building 6, Floor 8, New York, 12345, USA", card("address"));
        Assert.Equal("2012-06-06", card("birthday"));
    }

    [Fact]
    public void ARC_10_android_export_decodes_quoted_printable_utf8_and_skips_the_photo()
    {
        var rows = Cards("ez-vcard/John_Doe_ANDROID.vcf");

        Assert.Equal(6, rows.Count);
        Assert.Equal(new string?[] { null, "john.doe@company.com" }, new[] { Cell(rows[0])("name"), Cell(rows[0])("email") });
        var fourth = Cell(rows[3]);
        Assert.Equal("Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", fourth("name"));
        Assert.Equal("123456; 3456789", fourth("mobile"));
        Assert.Equal("234567; 45678901", fourth("home phone"));
        var fifth = Cell(rows[4]);
        Assert.Equal(new string?[] { "123456", "123456" }, new[] { fifth("mobile"), fifth("phone") });
        Assert.StartsWith("bob@company.com; ÑÑÑ", fifth("email"), StringComparison.Ordinal);
        Assert.All(rows[5].Cells, Assert.Null);   // its ORG ends in a lone byte =80 that is not UTF-8: the card is rejected, not stored with U+FFFD
        Assert.Equal(("import.undecodable", 6, "organization"), (rows[5].Unreadable?.Code, rows[5].Unreadable?.Row, rows[5].Unreadable?.Column));
    }

    [Fact]
    public void ARC_10_outlook_2003_card_decodes_its_quoted_printable_note()
    {
        var card = Cell(Assert.Single(Cards("ez-vcard/outlook-2003.vcf")));

        Assert.Equal("This is the note field!!\nSecond line\n\nThird line is empty", card("notes"));
        Assert.Equal("John Doe III", card("name"));
        Assert.Equal("Company, The", card("organization"));
        Assert.Equal("MobilePhone", card("mobile"));
        Assert.Equal("BusinessPhone; BusinessFaxPhone", card("phone"));
        Assert.Equal("HomePhone", card("home phone"));
        Assert.Equal("TheOffice, 123 Main St, Austin, TX, 12345, United States of America", card("address"));
        Assert.Equal("1980-03-21", card("birthday"));
        Assert.Equal("jdoe@hotmail.com", card("email"));
    }

    [Fact]
    public void ARC_10_outlook_2007_quoted_printable_soft_line_breaks_are_joined()
    {
        var card = Cell(Assert.Single(Cards("ez-vcard/outlook-2007.vcf")));

        Assert.Equal("This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\nBut I'm not sure because there's text formatting going on here.\nIt does not preserve the formatting", card("notes"));
        Assert.Equal("(111) 555-4444", card("mobile"));
        Assert.Equal("1922-03-10", card("birthday"));
    }

    [Fact]
    public void ARC_10_rfc6350_example_reads_tel_uris_and_a_birthday_without_year()
    {
        var card = Cell(Assert.Single(Cards("ez-vcard/rfc6350-example.vcf")));

        Assert.Equal("Simon Perreault", card("name"));
        Assert.Equal("Viagenie", card("organization"));
        Assert.Equal("+1-418-262-6501", card("mobile"));
        Assert.Equal("+1-418-656-9254 ext. 102", card("phone"));
        Assert.Equal("simon.perreault@viagenie.ca", card("email"));
        Assert.Equal("--02-03", card("birthday"));
        Assert.Equal("Suite D2-630, 2875 Laurier, Quebec, QC, G1V 2M2, Canada", card("address"));
    }

    [Fact]
    public void ARC_10_rfc2426_example_reads_two_cards_with_folded_addresses()
    {
        var rows = Cards("ez-vcard/rfc2426-example.vcf");

        Assert.Equal(["Frank Dawson", "Tim Howes"], rows.Select(r => Cell(r)("name")));
        Assert.Equal("+1-919-676-9515; +1-919-676-9564", Cell(rows[0])("phone"));
        Assert.Equal("Frank_Dawson@Lotus.com; fdawson@earthlink.net", Cell(rows[0])("email"));
        Assert.Equal("6544 Battleford Drive, Raleigh, NC, 27613-3502, U.S.A.", Cell(rows[0])("address"));
    }

    [Fact]
    public void ARC_10_gmail_card_reads_labelled_and_escaped_values()
    {
        var card = Cell(Assert.Single(Cards("ez-vcard/John_Doe_GMAIL.vcf")));

        Assert.Equal("Mr. John Richter, James Doe Sr.", card("name"));
        Assert.Equal("905-555-1234", card("mobile"));
        Assert.Equal("905-666-1234", card("home phone"));
        Assert.Equal("1980-03-22", card("birthday"));
        Assert.EndsWith("DAMAGE.\nFavotire Color: Blue", card("notes"), StringComparison.Ordinal);
        Assert.StartsWith("THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING,", card("notes"), StringComparison.Ordinal);
    }

    [Fact]
    public void ARC_10_card_with_only_a_photo_comes_out_blank_for_the_caller_to_reject()
    {
        var row = Assert.Single(Cards("sabre-vobject/issue64.vcf"));

        Assert.All(row.Cells, Assert.Null);
    }

    private static List<ImportRow> Cards(string file)
    {
        using var stream = File.OpenRead(VCardFile(file));
        return [.. TabularReader.Read(stream, Path.GetFileName(file)).Rows];
    }

    private static Func<string, string?> Cell(ImportRow row) => column => row.Cells[Array.IndexOf(Columns, column)];
}
