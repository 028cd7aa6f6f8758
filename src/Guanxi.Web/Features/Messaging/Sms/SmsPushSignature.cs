using System.Security.Cryptography;
using System.Text;

namespace Guanxi.Web.Features.Messaging.Sms;

/// <summary>
/// Our own signature of a pushed body. Aliyun's HTTP batch push (SmsReport, SmsUp) carries no signature at all, so
/// anyone who finds <c>/api/sms/receipts</c> could mark messages delivered or opt customers out. We therefore accept a
/// push only with the header <c>X-Guanxi-Signature: sha256=&lt;hex of HMAC-SHA256(PushSecret, UTF-8 body)&gt;</c>.
/// In production Aliyun's push is pointed at a small relay (a function or a reverse-proxy script on the edge) that
/// adds this header with the shared <c>Messaging:Sms:PushSecret</c>; the sandbox signs its pushes itself.
/// </summary>
public static class SmsPushSignature
{
    public const string Header = "X-Guanxi-Signature";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, string body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Whether the header carries the body's signature by this secret, compared in constant time.</summary>
    public static bool Verifies(string? secret, string body, string? header)
    {
        if (string.IsNullOrEmpty(secret) || header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length).Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
