using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Guanxi.Web.Features.Messaging.Sms;

/// <summary>
/// Aliyun's signature of an RPC-style request (signature version 1.0, HMAC-SHA1), as its documentation describes it:
/// every parameter but <c>Signature</c>, sorted by name, name and value percent-encoded by RFC 3986 (UTF-8, only
/// <c>A–Z a–z 0–9 - _ . ~</c> left as they are, a space as <c>%20</c>) and joined as <c>name=value</c> with <c>&amp;</c>:
/// the canonicalized query. The string to sign is <c>HTTPMethod &amp; percentEncode("/") &amp; percentEncode(query)</c>;
/// the signature is <c>Base64(HMAC-SHA1(AccessKeySecret + "&amp;", UTF-8(stringToSign)))</c>.
/// The adapter signs with it and the sandbox checks with it.
/// </summary>
public static class AliyunSignature
{
    public const string Method = "HMAC-SHA1";
    public const string Version = "1.0";

    /// <summary>The UTC time as the <c>Timestamp</c> parameter writes it (ISO 8601, <c>2026-01-05T08:00:00Z</c>).</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 3986 percent-encoding of the UTF-8 bytes: unreserved characters kept, every other byte as %XY (upper case).</summary>
    public static string PercentEncode(string value) => Uri.EscapeDataString(value);

    public static string CanonicalizedQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .Select(p => (Name: PercentEncode(p.Key), Value: PercentEncode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

    public static string StringToSign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters) =>
        httpMethod.ToUpperInvariant() + "&" + PercentEncode("/") + "&" + PercentEncode(CanonicalizedQuery(parameters));

#pragma warning disable CA5350   // HMAC-SHA1 is what Aliyun's signature version 1.0 is: the protocol's choice, not ours.
    public static string Sign(string accessKeySecret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
#pragma warning restore CA5350

    /// <summary>Whether <paramref name="signature"/> is the one the secret gives these parameters (in constant time).</summary>
    public static bool Matches(string accessKeySecret, string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters, string signature) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(Sign(accessKeySecret, StringToSign(httpMethod, parameters))),
            Encoding.UTF8.GetBytes(signature));
}
