using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

/// <summary>One SMS a member of staff writes to a customer (a recommendation's care text, a word of their own); marketing unless said otherwise.</summary>
public sealed record OneMessageBody(string? Text, MessageKind Kind = MessageKind.Marketing);

/// <summary>The message written: its id, status (queued, or suppressed with its reason), when it will leave, and the text as the customer receives it.</summary>
public sealed record OneMessageView(Guid Id, MessageStatus Status, SuppressionReason? Reason, DateTimeOffset PlannedAt, string Text, int Characters, int Segments);

/// <summary>
/// SVC-5, SVC-6, SEC-1: one SMS to one customer, by whoever keeps the customer's record, through the one outbox and its rules —
/// the signature and, for marketing, the opt-out words added; consent on SMS checked (a marketing message without it is kept
/// as suppressed, with its reason); quiet hours; the day's cap of marketing messages. The same text to the same customer on
/// the same day is the same message: a second click answers the first one's message.
/// </summary>
public sealed class SendOneMessage(GuanxiDbContext db, CustomerViewers viewers, MessageComposer composer, TimeProvider time)
{
    public const int MaxTextLength = 300;
    public static readonly Error TextRequired = new("message.text_required", "请填写短信内容。", "Write the message.", "text");
    public static readonly Error TextTooLong = new("message.text_too_long", $"短信内容不能超过 {MaxTextLength} 字。", $"The message cannot exceed {MaxTextLength} characters.", "text");
    public static readonly Error BadKind = new("message.kind", "短信类型只能是营销（marketing）或服务通知（service）。", "The kind is marketing or service.", "kind");
    public static readonly Error NotActive = Error.Conflict("message.customer_not_active", "客户已归档、合并或删除，不能发送短信。", "The customer is archived, merged or erased; no message can be sent.");

    private static readonly JsonSerializerOptions ParametersJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<Result<OneMessageView>> Handle(Guid customerId, OneMessageBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await viewers.WithCustomer(customerId, cancellationToken) is not { } inSight)
            return CustomerWebErrors.NotFound;
        if (!CustomerAccess.CanEdit(inSight.Viewer, inSight.Customer.OwnerId, inSight.Customer.DepartmentId))
            return CustomerWebErrors.NotAllowed;
        var text = body.Text?.Trim();
        if (string.IsNullOrEmpty(text))
            return TextRequired;
        if (text.Length > MaxTextLength)
            return TextTooLong;
        if (!Enum.IsDefined(body.Kind))
            return BadKind;
        if (inSight.Customer.Status != CustomerStatus.Active)
            return NotActive;

        var now = time.GetUtcNow();
        var policy = await composer.Policy(cancellationToken);
        var (dayStart, dayEnd) = composer.LocalDay(now);
        var key = $"one:{TimeZoneInfo.ConvertTime(now, composer.Zone):yyyyMMdd}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32]}";
        if (await db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.CustomerId == customerId && m.Channel == Channel.Sms && m.DedupeKey == key, cancellationToken) is { } same)
            return View(same);
        var recipient = await composer.Recipients(db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId), Channel.Sms, body.Kind).SingleAsync(cancellationToken);
        var address = composer.Address(Channel.Sms, recipient);
        var capped = body.Kind == MessageKind.Marketing && await db.Set<OutboxMessage>().CountAsync(m => m.CustomerId == customerId && m.Kind == MessageKind.Marketing
            && m.Status != MessageStatus.Suppressed && m.PlannedAt >= dayStart && m.PlannedAt < dayEnd, cancellationToken) >= policy.DailyCap;
        var suppressed = ConsentPolicy.Check(body.Kind, recipient.Consent) ?? (address is null ? SuppressionReason.NoAddress : capped ? SuppressionReason.DailyCap : null);
        var draft = new OutboxMessage.Draft(customerId, Channel.Sms, body.Kind, address, null, SmsText.Compose(composer.Signature(policy), text, body.Kind, policy.OptOutText),
            JsonSerializer.Serialize(new Dictionary<string, string> { ["content"] = text }, ParametersJson), DedupeKey: suppressed is null ? key : null);
        var message = OutboxMessage.Write(draft, now, suppressed, composer.NextAllowed(policy), inSight.Viewer.UserId, now);
        db.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (suppressed is null)
        {
            db.ChangeTracker.Clear();   // the same click twice at once: the other one's message stands
            return View(await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.CustomerId == customerId && m.Channel == Channel.Sms && m.DedupeKey == key, cancellationToken));
        }
        return View(message);
    }

    private static OneMessageView View(OutboxMessage m)
    {
        var (characters, segments) = SmsText.Measure(m.Text);
        return new OneMessageView(m.Id, m.Status, m.Reason, m.PlannedAt, m.Text, characters, segments);
    }
}
