namespace Guanxi.Domain.Customers;

/// <summary>How personal fields read for those who may not see them (ARC-9): 138****1234, 江苏省常州市****.</summary>
public static class PersonalDataMask
{
    public const string Hidden = "****";

    /// <summary>Keeps the first 3 and the last 4 digits of a number long enough to have them (138****1234, 051****6666).</summary>
    public static string Phone(string? number)
    {
        var digits = new string((number ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13 && (number ?? "").TrimStart().StartsWith('+'))
            digits = digits[2..];   // +86 mobile: mask the national number
        return digits.Length >= 8 ? $"{digits[..3]}{Hidden}{digits[^4..]}"
            : digits.Length > 0 ? $"{digits[..1]}{Hidden}"
            : Hidden;
    }

    /// <summary>zhang.wei@example.cn → z****@example.cn: enough to recognise, not to write to.</summary>
    public static string Email(string? email)
    {
        var at = (email ?? "").IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? $"{email![0]}{Hidden}{email[at..]}" : Hidden;
    }

    /// <summary>Province and city stay (江苏省常州市****); district and street go.</summary>
    public static string Address(string? province, string? city) => $"{province}{city}{Hidden}";

    public static string WeChat(string? id) => string.IsNullOrEmpty(id) ? Hidden : $"{id[..Math.Min(2, id.Length)]}{Hidden}";

    /// <summary>
    /// A customer's name where the customer is out of the reader's sight (a case that names them, SVC-7): the first
    /// character and two stars (王**, 常**), saying as much as "a customer" and no more.
    /// </summary>
    public static string Name(string? name)
    {
        var trimmed = (name ?? "").Trim();
        return trimmed.Length == 0 ? Hidden : trimmed[..System.Globalization.StringInfo.GetNextTextElementLength(trimmed)] + "**";
    }

    /// <summary>A birthday says age and the day of care: neither is shown.</summary>
    public static string Birthday(DateOnly? birthday) => birthday is null ? "" : "****-**-**";
}
