using Guanxi.Domain.Common;

namespace Guanxi.Domain.Accounts;

/// <summary>Passwords have at least 8 characters and are not among the passwords attackers try first.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;

    // The most used passwords in published leak lists, Chinese sites included (CSDN, 163), lower-cased.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "12345678", "123456789", "1234567890", "123123123", "11111111", "00000000", "88888888", "66666666",
        "12341234", "11223344", "87654321", "147258369", "123321123", "1q2w3e4r", "1qaz2wsx", "qwertyui",
        "qwerty123", "qwertyuiop", "asdfghjk", "asdfasdf", "zxcvbnm1", "password", "password1", "password123",
        "passw0rd", "p@ssw0rd", "iloveyou", "woaini1314", "woaini520", "5201314520", "abc12345", "abcd1234",
        "a1234567", "a12345678", "aa123456", "admin123", "admin@123", "administrator", "letmein1", "welcome1",
        "sunshine", "princess", "football", "baseball", "trustno1", "superman", "starwars", "dragon123",
        "changeme", "default1", "guanxi123", "guanxi2026", "123456abc", "abc123456", "qq123456", "aaaaaaaa",
    };

    public static IReadOnlyList<Error> Check(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
            return [TooShort];
        if (Common.Contains(password) || password.Distinct().Count() == 1)
            return [TooCommon];
        return [];
    }

    public static readonly Error TooShort = new("password.too_short", $"密码至少需要 {MinLength} 个字符。", $"A password needs at least {MinLength} characters.", "password");
    public static readonly Error TooCommon = new("password.too_common", "这个密码太常见，很容易被猜到，请换一个。", "This password is too common and easy to guess; choose another.", "password");
}
