using Guanxi.Domain.Accounts;

namespace Guanxi.Domain.Tests;

public sealed class StaffRulesTests
{
    [Fact]
    public void A_complete_account_passes() =>
        Assert.Empty(StaffRules.Check("王伟", "wang.wei@demo.guanxi.cn", ["SalesConsultant"]));

    [Fact]
    public void Each_missing_part_is_reported_on_its_field()
    {
        var errors = StaffRules.Check(" ", "not-an-email", []);
        Assert.Equal(["displayName", "email", "roles"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Theory]
    [InlineData("wang@demo")]
    [InlineData("王伟 <wang@demo.cn>")]
    [InlineData("wang@@demo.cn")]
    [InlineData(null)]
    public void E_mail_must_be_a_plain_address(string? email) =>
        Assert.Contains(StaffErrors.EmailInvalid, StaffRules.Check("王伟", email, ["SalesConsultant"]));

    [Fact]
    public void Unknown_roles_are_refused() =>
        Assert.Equal("staff.unknown_role", Assert.Single(StaffRules.Check("王伟", "w@demo.cn", ["Boss"])).Code);
}
