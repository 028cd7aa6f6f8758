using Guanxi.Web.Features.Customers;

namespace Guanxi.Web.Tests.Imports;

/// <summary>ARC-1: a whole address from a spreadsheet is split into China's divisions and the street.</summary>
public sealed class DivisionsTests
{
    private static readonly Divisions Divisions = Divisions.LoadShipped();

    [Theory]
    [InlineData("江苏省常州市金坛区东门大街1号", "江苏省", "常州市", "金坛区", "东门大街1号")]
    [InlineData("常州市金坛区东门大街1号", "江苏省", "常州市", "金坛区", "东门大街1号")]
    [InlineData("北京市朝阳区建国路88号", "北京市", "北京市", "朝阳区", "建国路88号")]
    [InlineData("上海市浦东新区", "上海市", "上海市", "浦东新区", "")]
    public void ARC_1_an_address_splits_into_province_city_district_and_street(string address, string province, string city, string district, string street)
    {
        var (found, rest) = Divisions.Split(address)!.Value;

        Assert.Equal((province, city, district, street), (found.Province, found.City, found.Name, rest));
    }

    [Theory]
    [InlineData("东门大街1号")]
    [InlineData("金坛区东门大街1号")]   // a district alone is ambiguous
    [InlineData("")]
    public void ARC_1_an_address_without_its_city_is_kept_whole(string address) =>
        Assert.Null(Divisions.Split(address));
}
