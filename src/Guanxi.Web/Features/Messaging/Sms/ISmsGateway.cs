namespace Guanxi.Web.Features.Messaging.Sms;

/// <summary>One SMS to hand to the provider: our message id is its OutId (the idempotency key the receipts carry back).</summary>
public sealed record SmsRequest(Guid OutId, string Phone, string SignName, string? TemplateCode, string Text, IReadOnlyDictionary<string, string> Parameters);

/// <summary>
/// What the provider said to one request: accepted (its own id, for receipts), or refused with its code and text, whether a
/// later try may pass (throttling, the provider's own fault), and whether the number itself is wrong.
/// Code <c>"uncertain"</c> (never with Retry): the request left but no answer came back, so the provider may have it —
/// do not resend; ask <see cref="ISmsGateway.Lookup"/> a minute or two later and resend only if it answers null.
/// </summary>
public sealed record SmsOutcome(Guid OutId, bool Accepted, string? ProviderId, string? Code, string? Text, bool Retry, bool InvalidNumber);

/// <summary>A delivery receipt: which message (our OutId, else the provider's id), delivered or not, and when.</summary>
public sealed record SmsReceipt(Guid? OutId, string? ProviderId, string Phone, bool Delivered, string? Code, string? Text, DateTimeOffset At)
{
    /// <summary>
    /// Only from <see cref="ISmsGateway.Lookup"/>: the provider has the message but no receipt yet (Aliyun's SendStatus 1,
    /// waiting for the carrier) — it was handed over, so it must not be sent again; neither delivered nor failed yet
    /// (<see cref="Delivered"/> is false, <see cref="Code"/> null, <see cref="At"/> the time it was sent).
    /// </summary>
    public bool Pending { get; init; }
}

/// <summary>A customer's reply to a message (退订, a question).</summary>
public sealed record SmsReply(string Phone, string Text, DateTimeOffset At);

/// <summary>
/// The SMS provider (SVC-5): one real adapter in the shape of Aliyun's SendSms, its receipts by pull (QuerySendDetails) and
/// push, and inbound replies. A provider call is not idempotent: the sender calls <see cref="Send"/> once per claimed
/// message and, after a crash, asks <see cref="Lookup"/> whether the provider already has it rather than sending again.
/// </summary>
public interface ISmsGateway
{
    /// <summary>Whether the provider is configured (endpoint and keys); unconfigured, SMS stay queued.</summary>
    bool Configured { get; }

    /// <summary>Hands the messages over, one provider call each, at most the configured rate; one outcome per request.</summary>
    Task<IReadOnlyList<SmsOutcome>> Send(IReadOnlyList<SmsRequest> requests, CancellationToken cancellationToken);

    /// <summary>
    /// What the provider knows of a message sent on <paramref name="sentOn"/> (the day in China time) to <paramref name="phone"/>
    /// (null: nothing — it was never handed over). Throws <see cref="SmsLookupException"/> when the provider cannot be asked:
    /// that is never a "no".
    /// </summary>
    Task<SmsReceipt?> Lookup(Guid outId, string phone, DateOnly sentOn, CancellationToken cancellationToken);

    /// <summary>Whether a push (receipts or replies) carries the provider's valid signature.</summary>
    bool Verifies(string body, IHeaderDictionary headers);

    /// <summary>The receipts of a receipt push (a JSON array in the provider's shape); null when the body is not one.</summary>
    IReadOnlyList<SmsReceipt>? ReadReceipts(string body);

    /// <summary>The replies of a reply push; null when the body is not one.</summary>
    IReadOnlyList<SmsReply>? ReadReplies(string body);
}
