using Guanxi.Domain.Common;

namespace Guanxi.Domain.Messaging;

/// <summary>Where a message is on its way out.</summary>
public enum MessageStatus
{
    /// <summary>Waiting for its planned time (held there by quiet hours if need be).</summary>
    Queued,

    /// <summary>Claimed by the sender, which is handing it to the provider now.</summary>
    Sending,

    /// <summary>The provider accepted it; its receipt has not come.</summary>
    Sent,

    /// <summary>The provider's receipt says it reached the customer.</summary>
    Delivered,

    /// <summary>The provider refused it, its receipt says it did not arrive, or a crash left it uncertain (never resent).</summary>
    Failed,

    /// <summary>Never sent, for its reason.</summary>
    Suppressed,
}

/// <summary>
/// One outgoing message (SVC-5), in the one outbox every channel uses: the customer, the channel and kind, what it says,
/// when it may leave, and how it fared. Its id is the idempotency key the sender gives the provider (an SMS's OutId, an
/// e-mail's Message-Id): a message is handed over at most once, and one that a crash left half-sent is reconciled, never
/// resent.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 3;
    public const int MaxErrorLength = 200;

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public Channel Channel { get; private set; }
    public MessageKind Kind { get; private set; }
    public Guid? TemplateId { get; private set; }
    public Guid? BulkSendId { get; private set; }
    public Guid? CarePlanId { get; private set; }

    /// <summary>What the message greets or is about (春节 2027, 生日), as people read it.</summary>
    public string? Occasion { get; private set; }

    /// <summary>What makes a second message the same one (the occasion of a plan, the bulk send): unique per customer and channel.</summary>
    public string? DedupeKey { get; private set; }

    /// <summary>The mobile number (E.164) or e-mail address at the time it was written.</summary>
    public string? Address { get; private set; }
    public string? Subject { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>For an SMS, what the provider's approved template is filled with (JSON).</summary>
    public string? Parameters { get; private set; }
    public DateTimeOffset PlannedAt { get; private set; }

    /// <summary>After this the message is pointless (a greeting after its day): suppressed rather than sent late.</summary>
    public DateTimeOffset? SendBy { get; private set; }
    public MessageStatus Status { get; private set; }
    public SuppressionReason? Reason { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? ProviderId { get; private set; }
    public string? ErrorCode { get; private set; }
    public string? ErrorText { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string ById { get; private set; } = Actor.SystemId;

    public sealed record Draft(
        Guid CustomerId, Channel Channel, MessageKind Kind, string? Address, string? Subject, string Text, string? Parameters,
        Guid? TemplateId = null, Guid? BulkSendId = null, Guid? CarePlanId = null, string? Occasion = null, string? DedupeKey = null, DateTimeOffset? SendBy = null);

    /// <summary>
    /// A message written now for <paramref name="planned"/>: queued at the next time quiet hours allow (a local time in the
    /// enterprise's zone), or suppressed for <paramref name="suppressed"/>, or for quiet hours when they would hold it past its send-by time.
    /// </summary>
    public static OutboxMessage Write(Draft draft, DateTimeOffset planned, SuppressionReason? suppressed, Func<DateTimeOffset, DateTimeOffset> nextAllowed, string byId, DateTimeOffset now)
    {
        var at = nextAllowed(planned < now ? now : planned);
        var reason = suppressed ?? (draft.SendBy is { } by && at > by ? SuppressionReason.QuietHours : null);
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(), CustomerId = draft.CustomerId, Channel = draft.Channel, Kind = draft.Kind, TemplateId = draft.TemplateId,
            BulkSendId = draft.BulkSendId, CarePlanId = draft.CarePlanId, Occasion = draft.Occasion, DedupeKey = draft.DedupeKey,
            Address = draft.Address, Subject = draft.Subject, Text = draft.Text, Parameters = reason is null ? draft.Parameters : null, SendBy = draft.SendBy,
            PlannedAt = at, Status = reason is null ? MessageStatus.Queued : MessageStatus.Suppressed, Reason = reason,
            DoneAt = reason is null ? null : now, CreatedAt = now, ById = byId,
        };
    }

    /// <summary>Handed to the provider with this many tries so far; a send that was not recorded is found by <see cref="ClaimedAt"/>.</summary>
    public void Claim(DateTimeOffset now)
    {
        if (Status != MessageStatus.Queued)
            throw new InvalidOperationException($"Message {Id} is {Status}, not queued.");
        (Status, ClaimedAt, Attempts) = (MessageStatus.Sending, now, Attempts + 1);
    }

    /// <summary>The provider took it (its own id for receipts).</summary>
    public void Accepted(string? providerId, DateTimeOffset now)
    {
        if (Status is not (MessageStatus.Sending or MessageStatus.Queued or MessageStatus.Failed))
            return;
        (Status, ProviderId, SentAt, ErrorCode, ErrorText) = (MessageStatus.Sent, providerId ?? ProviderId, SentAt ?? now.ToUniversalTime(), null, null);
    }

    /// <summary>
    /// The provider refused it. A refusal that a later try may pass (throttling, the provider's own fault) queues it again,
    /// a little later, until <see cref="MaxAttempts"/>; an invalid number ends it as suppressed; anything else as failed.
    /// </summary>
    public void Refused(string code, string text, bool retry, bool invalidAddress, DateTimeOffset now, TimeSpan backoff)
    {
        (ErrorCode, ErrorText) = (Cut(code, 64), Cut(text, MaxErrorLength));
        if (invalidAddress)
            (Status, Reason, DoneAt) = (MessageStatus.Suppressed, SuppressionReason.InvalidAddress, now);
        else if (retry && Attempts < MaxAttempts)
            (Status, PlannedAt, ClaimedAt) = (MessageStatus.Queued, now + backoff * Attempts, null);
        else
            (Status, DoneAt) = (MessageStatus.Failed, now);
    }

    /// <summary>A crash left it claimed and unrecorded, and the provider does not know it: failed as uncertain, never resent by itself.</summary>
    public void Uncertain(DateTimeOffset now) =>
        (Status, DoneAt, ErrorCode, ErrorText) = (MessageStatus.Failed, now, "uncertain", "发送中断，无法确认是否已发出，未自动重发。");

    /// <summary>The delivery receipt: delivered or not, whenever it comes (up to 72 h later).</summary>
    public void Receipt(bool delivered, string? code, string? text, DateTimeOffset at)
    {
        if (Status is MessageStatus.Suppressed or MessageStatus.Queued)
            return;
        at = at.ToUniversalTime();   // a provider's time comes in its own zone; stored times are instants in UTC
        Status = delivered ? MessageStatus.Delivered : MessageStatus.Failed;
        DoneAt = at;
        SentAt ??= at;
        if (!delivered)
            (ErrorCode, ErrorText) = (Cut(code, 64), Cut(text, MaxErrorLength));
    }

    /// <summary>Held past its send-by time by quiet hours or a queue: suppressed when its turn comes.</summary>
    public void Expired(DateTimeOffset now) => (Status, Reason, DoneAt) = (MessageStatus.Suppressed, SuppressionReason.QuietHours, now);

    private static string? Cut(string? text, int length) => text is null ? null : text.Length > length ? text[..length] : text;
}
