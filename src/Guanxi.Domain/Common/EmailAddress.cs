using System.Net.Mail;

namespace Guanxi.Domain.Common;

public static class EmailAddress
{
    public const int MaxLength = 256;

    /// <summary>A plain address (name@host.tld), not "Name &lt;name@host&gt;".</summary>
    public static bool IsValid(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= MaxLength
        && MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}
