using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Messaging.Sms;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

/// <summary>
/// The SMS provider's pushes (no login; the signature is the right): delivery receipts mark their messages delivered or
/// failed whenever they come (up to 72 h later); a reply of T/TD/R/退订 withdraws the SMS marketing consent of the
/// customers with that mobile number at once — a service message (a survey link) still goes.
/// </summary>
public sealed class SmsPush(GuanxiDbContext db, ISmsGateway sms, ConsentLedger ledger, TimeProvider time)
{
    public static readonly Error BadSignature = new("sms.signature", "推送签名无效。", "The push's signature is not valid.", Kind: ErrorKind.Unauthorized);
    public static readonly Error BadBody = new("sms.body", "推送内容无法识别。", "The push's body is not in the provider's shape.", "body");

    public sealed record Counted(int Matched, int Unknown);

    public async Task<Result<Counted>> Receipts(string body, IHeaderDictionary headers, CancellationToken cancellationToken = default)
    {
        if (!sms.Verifies(body, headers))
            return BadSignature;
        if (sms.ReadReceipts(body) is not { } receipts)
            return BadBody;
        var ids = receipts.Where(r => r.OutId is not null).Select(r => r.OutId!.Value).ToList();
        var providerIds = receipts.Where(r => r.OutId is null && r.ProviderId is not null).Select(r => r.ProviderId!).ToList();
        var messages = await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id) || providerIds.Contains(m.ProviderId!)).ToListAsync(cancellationToken);
        var matched = 0;
        foreach (var r in receipts)
        {
            if (messages.FirstOrDefault(m => r.OutId is { } id ? m.Id == id : m.ProviderId == r.ProviderId) is not { } message)
                continue;
            message.Receipt(r.Delivered, r.Code, r.Text, r.At);
            matched++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new Counted(matched, receipts.Count - matched);
    }

    public async Task<Result<Counted>> Replies(string body, IHeaderDictionary headers, CancellationToken cancellationToken = default)
    {
        if (!sms.Verifies(body, headers))
            return BadSignature;
        if (sms.ReadReplies(body) is not { } replies)
            return BadBody;
        var matched = 0;
        foreach (var reply in replies.Where(r => ConsentPolicy.IsOptOutReply(r.Text)))
        {
            var e164 = reply.Phone.StartsWith('+') ? reply.Phone : $"+86{reply.Phone}";
            var key = CustomerKeys.MobileKey(e164);
            var customers = await db.Set<CustomerKey>().AsNoTracking().Where(k => k.Key == key).Select(k => k.CustomerId).Distinct().ToListAsync(cancellationToken);
            foreach (var id in customers)
                await ledger.Record(id, Channel.Sms, MessageKind.Marketing, ConsentState.Withdrawn, ConsentSource.Reply, $"短信回复“{Cut(reply.Text)}”（{reply.At:yyyy-MM-dd HH:mm:ss zzz}）", Actor.SystemId, time.GetUtcNow(), cancellationToken);
            matched += customers.Count;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new Counted(matched, replies.Count - replies.Count(r => ConsentPolicy.IsOptOutReply(r.Text)));
    }

    private static string Cut(string text) => text.Length > 50 ? text[..50] : text;
}
