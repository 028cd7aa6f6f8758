using Guanxi.Web.Features.Imports;
using static Guanxi.Web.Features.Imports.ImportField;

namespace Guanxi.Web.Tests.Imports;

public sealed class HeaderMapTests
{
    [Fact]
    public void ARC_10_chinese_headers_are_guessed()
    {
        string[] headers = ["客户姓名", "客户类型", "工作单位", "职务", "手机号码", "座机", "住宅电话", "电子邮箱", "微信号", "通讯地址", "省份", "城市", "区县", "详细地址",
            "出生日期", "性别", "行业", "规模", "来源渠道", "群组", "备注", "客户经理", "部门", "客户编号", "喜好"];

        Assert.Equal([Name, ImportField.Type, Organization, Title, Mobile, Phone, HomePhone, Email, WeChat, Address, Province, City, District, Street,
            Birthday, Gender, Industry, Size, Source, Groups, Notes, Owner, Department, ExternalId, Ignore], HeaderMap.Guess(headers));
    }

    [Fact]
    public void ARC_10_english_headers_are_guessed_ignoring_case_spaces_and_punctuation()
    {
        string[] headers = ["Full Name", "ORGANISATION", "job_title", "Cell-Phone", "Work Phone", "home phone", "E-Mail", "WeChat", "Date of Birth", "SEX", "channel", "Tags", "Remarks", "External ID", "Favourite colour"];

        Assert.Equal([Name, Organization, Title, Mobile, Phone, HomePhone, Email, WeChat, Birthday, Gender, Source, Groups, Notes, ExternalId, Ignore], HeaderMap.Guess(headers));
    }

    [Fact]
    public void ARC_10_full_width_letters_marks_and_bracketed_remarks_do_not_matter()
    {
        Assert.Equal([Name, Mobile, Email, Phone], HeaderMap.Guess(["*姓名", "手机（必填）", "Ｅｍａｉｌ", "电话 (办公)"]));
    }

    [Fact]
    public void ARC_10_a_field_guessed_twice_goes_to_the_first_column_only()
    {
        Assert.Equal([Mobile, Ignore, Phone, Ignore, Name], HeaderMap.Guess(["手机", "Mobile", "电话", "tel", "姓名"]));
    }

    [Fact]
    public void ARC_10_vcard_columns_map_to_their_fields()
    {
        Assert.Equal([Name, Organization, Title, Mobile, Phone, HomePhone, Email, Address, Birthday, Notes, WeChat], HeaderMap.Guess(VCardReader.Headers));
    }

    [Fact]
    public void ARC_10_every_field_has_a_distinct_chinese_and_english_label()
    {
        var fields = Enum.GetValues<ImportField>();

        Assert.Equal("姓名", HeaderMap.Label(Name, english: false));
        Assert.Equal("Name", HeaderMap.Label(Name, english: true));
        Assert.Equal(fields.Length, fields.Select(f => HeaderMap.Label(f, false)).Distinct().Count());
        Assert.Equal(fields.Length, fields.Select(f => HeaderMap.Label(f, true)).Distinct().Count());
    }

    [Fact]
    public void ARC_10_each_label_is_guessed_back_as_its_field()
    {
        var fields = Enum.GetValues<ImportField>().Where(f => f != Ignore).ToList();

        Assert.Equal(fields, HeaderMap.Guess([.. fields.Select(f => HeaderMap.Label(f, false))]));
        Assert.Equal(fields, HeaderMap.Guess([.. fields.Select(f => HeaderMap.Label(f, true))]));
    }
}
