using System.Security.Cryptography;
using Guanxi.Domain.Common;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Guanxi.Web.Features.Messaging;

/// <summary>
/// The unsubscribe link of a marketing e-mail (SEC-1): a signed token naming the customer, the channel and the kind, at
/// <c>{Messaging:PublicUrl}/unsubscribe/{token}</c>. Opening it (GET) only asks — mail scanners open links — and the
/// one-click POST (RFC 8058's List-Unsubscribe-Post, or the page's button) withdraws that channel's and kind's consent at once.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, IConfiguration configuration)
{
    public static readonly Error NotFound = Error.NotFound("unsubscribe.not_found", "退订链接无效。", "The unsubscribe link is not valid.");

    private IDataProtector Protector => protection.CreateProtector("Guanxi.Messaging.Unsubscribe.v1");

    public string BaseUrl => (configuration["Messaging:PublicUrl"] ?? configuration["Urls"]?.Split(';')[0] ?? "http://localhost:5000").TrimEnd('/');

    public string Url(Guid customerId, Channel channel, MessageKind kind) => $"{BaseUrl}/unsubscribe/{Protector.Protect($"{customerId:N}|{channel}|{kind}")}";

    public Result<(Guid CustomerId, Channel Channel, MessageKind Kind)> Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
            return NotFound;
        try
        {
            var parts = Protector.Unprotect(token).Split('|');
            return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var id) && Enum.TryParse<Channel>(parts[1], out var channel) && Enum.TryParse<MessageKind>(parts[2], out var kind)
                ? (id, channel, kind)
                : NotFound;
        }
        catch (CryptographicException)
        {
            return NotFound;
        }
    }
}

/// <summary>The unsubscribe page's and endpoint's work: who the link is for (by surname only), and the withdrawal itself.</summary>
public sealed class Unsubscribe(GuanxiDbContext db, UnsubscribeLinks links, ConsentLedger ledger, TimeProvider time)
{
    public sealed record Done(Channel Channel, MessageKind Kind);

    public Result<Done> Check(string? token) => links.Read(token) is { Succeeded: true } read ? new Done(read.Value.Channel, read.Value.Kind) : UnsubscribeLinks.NotFound;

    public async Task<Result<Done>> Handle(string? token, string evidence, CancellationToken cancellationToken = default)
    {
        var read = links.Read(token);
        if (!read.Succeeded)
            return UnsubscribeLinks.NotFound;
        var (customerId, channel, kind) = read.Value;
        if (await db.Set<Domain.Customers.Customer>().FindAsync([customerId], cancellationToken) is null)
            return UnsubscribeLinks.NotFound;
        await ledger.Record(customerId, channel, kind, ConsentState.Withdrawn, ConsentSource.Link, evidence, Actor.SystemId, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new Done(channel, kind);
    }
}
