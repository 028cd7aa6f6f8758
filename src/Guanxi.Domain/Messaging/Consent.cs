using Guanxi.Domain.Common;

namespace Guanxi.Domain.Messaging;

/// <summary>
/// A customer's consent on one channel and kind as it stands (SEC-1): the state, when and from where it was given or taken
/// back, and the evidence. Each change is also kept, append-only, as a <see cref="ConsentChange"/>.
/// </summary>
public sealed class Consent
{
    public const int MaxEvidenceLength = 500;

    private Consent()
    {
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public Channel Channel { get; private set; }
    public MessageKind Kind { get; private set; }
    public ConsentState State { get; private set; }
    public ConsentSource Source { get; private set; }
    public string? Evidence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ById { get; private set; } = Actor.SystemId;
    public Guid Version { get; private set; }

    public static Consent New(Guid customerId, Channel channel, MessageKind kind) =>
        new() { Id = Guid.NewGuid(), CustomerId = customerId, Channel = channel, Kind = kind, Version = Guid.NewGuid() };

    /// <summary>Records the customer's word; nothing changes (and null comes back) when the state is already that.</summary>
    public ConsentChange? Record(ConsentState state, ConsentSource source, string? evidence, string byId, DateTimeOffset at)
    {
        if (At != default && State == state)
            return null;
        (State, Source, Evidence, At, ById, Version) = (state, source, Clean(evidence), at, byId, Guid.NewGuid());
        return new ConsentChange(CustomerId, Channel, Kind, state, source, Evidence, at, byId);
    }

    /// <summary>A merge (ARC-2) keeps the newest word on each channel and kind among the customers merged, for the survivor.</summary>
    public void MoveTo(Guid customerId) => CustomerId = customerId;

    private static string? Clean(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > MaxEvidenceLength ? trimmed[..MaxEvidenceLength] : trimmed;
    }
}

/// <summary>One change of a consent, kept for ever (the ledger's history).</summary>
public sealed class ConsentChange(Guid customerId, Channel channel, MessageKind kind, ConsentState state, ConsentSource source, string? evidence, DateTimeOffset at, string byId)
{
    public long Id { get; private set; }
    public Guid CustomerId { get; private set; } = customerId;
    public Channel Channel { get; private set; } = channel;
    public MessageKind Kind { get; private set; } = kind;
    public ConsentState State { get; private set; } = state;
    public ConsentSource Source { get; private set; } = source;
    public string? Evidence { get; private set; } = evidence;
    public DateTimeOffset At { get; private set; } = at;
    public string ById { get; private set; } = byId;
}

/// <summary>Whether a message of a kind may go to a customer whose consent on the channel is <c>state</c> (null: none recorded).</summary>
public static class ConsentPolicy
{
    /// <summary>Marketing needs a consent given (silence is refusal); a service message goes unless the customer refused that kind.</summary>
    public static SuppressionReason? Check(MessageKind kind, ConsentState? state) => (kind, state) switch
    {
        (MessageKind.Marketing, ConsentState.Granted) => null,
        (MessageKind.Marketing, ConsentState.Withdrawn) => SuppressionReason.OptedOut,
        (MessageKind.Marketing, _) => SuppressionReason.NoConsent,
        (MessageKind.Service, ConsentState.Withdrawn or ConsentState.Refused) => SuppressionReason.OptedOut,
        _ => null,
    };

    /// <summary>
    /// The channels a written consent names — 短信/SMS, 邮件/e-mail, 电话/phone, in any mix — or all three when it names none
    /// ("客户同意接收营销信息" with no channel is a consent to all of them, as the archive has always read it).
    /// </summary>
    public static IReadOnlyList<Channel> ChannelsNamed(string? text)
    {
        var t = (text ?? "").ToLowerInvariant();
        List<Channel> named = [];
        if (t.Contains("短信", StringComparison.Ordinal) || t.Contains("sms", StringComparison.Ordinal))
            named.Add(Channel.Sms);
        if (t.Contains('邮') || t.Contains("mail", StringComparison.Ordinal))
            named.Add(Channel.Email);
        if (t.Contains("电话", StringComparison.Ordinal) || t.Contains("phone", StringComparison.Ordinal))
            named.Add(Channel.Phone);
        return named.Count > 0 ? named : [Channel.Sms, Channel.Email, Channel.Phone];
    }

    /// <summary>
    /// What a "no" to marketing on a channel records, given the state on record: consent given is withdrawn; a customer never
    /// asked has refused; one who already refused or withdrew stays so (null: nothing to record).
    /// </summary>
    public static ConsentState? NoFrom(ConsentState? current) => current switch
    {
        ConsentState.Granted => ConsentState.Withdrawn,
        null => ConsentState.Refused,
        _ => null,
    };

    /// <summary>The channels as the archive writes them: 短信、邮件、电话.</summary>
    public static string ChannelsText(IEnumerable<Channel> channels) =>
        string.Join("、", channels.Order().Select(c => c switch { Channel.Sms => "短信", Channel.Email => "邮件", _ => "电话" }));

    private static readonly string[] OptOutWords = ["T", "TD", "R", "N", "退订", "退定", "拒收", "取消订阅", "退出"];

    /// <summary>
    /// Whether an SMS reply asks to stop marketing: T, TD, R (拒收请回复R), 退订 and the like, alone or with punctuation and
    /// spaces around, in any case and full-width letters too. A sentence that merely contains a T is not one.
    /// </summary>
    public static bool IsOptOutReply(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var normalized = new string([.. text.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c))]).ToUpperInvariant();
        return OptOutWords.Contains(normalized) || normalized.Contains("退订", StringComparison.Ordinal);
    }
}
