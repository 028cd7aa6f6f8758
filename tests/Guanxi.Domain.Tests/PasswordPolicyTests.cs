using Guanxi.Domain.Accounts;

namespace Guanxi.Domain.Tests;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Ab#1234")]
    public void A_password_has_at_least_8_characters(string? password) =>
        Assert.Equal([PasswordPolicy.TooShort], PasswordPolicy.Check(password));

    [Theory]
    [InlineData("12345678")]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("woaini1314")]
    [InlineData("qwertyui")]
    [InlineData("zzzzzzzzzz")]
    public void Common_passwords_are_refused(string password) =>
        Assert.Equal([PasswordPolicy.TooCommon], PasswordPolicy.Check(password));

    [Theory]
    [InlineData("Guanxi#2026")]
    [InlineData("长城汽车售后服务2026")]
    public void Other_passwords_of_8_or_more_characters_pass(string password) => Assert.Empty(PasswordPolicy.Check(password));
}
