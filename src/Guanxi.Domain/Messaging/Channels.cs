namespace Guanxi.Domain.Messaging;

/// <summary>How a message reaches a customer. A phone consent is about calls (电话营销); WeChat comes later.</summary>
public enum Channel
{
    Sms,
    Email,
    Phone,
}

/// <summary>
/// What a message is for. Marketing (greetings, offers) goes only to those who consented on that channel; a service message
/// (a survey link, an appointment reminder, a complaint update) is its own kind, which an opt-out of marketing does not stop.
/// </summary>
public enum MessageKind
{
    Marketing,
    Service,
}

/// <summary>A customer's word on one channel and kind: given, refused when asked, or given and then taken back.</summary>
public enum ConsentState
{
    Granted,
    Refused,
    Withdrawn,
}

/// <summary>Where a consent change came from (its evidence says more).</summary>
public enum ConsentSource
{
    /// <summary>A form the customer filled in (a paper or web form).</summary>
    Form,

    /// <summary>An import of the archive.</summary>
    Import,

    /// <summary>The customer's reply to a message (an SMS 退订).</summary>
    Reply,

    /// <summary>The customer's click on an unsubscribe link or a mail client's one-click unsubscribe.</summary>
    Link,

    /// <summary>A member of staff on the customer's word (a call, a visit).</summary>
    Staff,
}

/// <summary>Why a message was not sent at all.</summary>
public enum SuppressionReason
{
    /// <summary>Marketing to a customer who never consented on the channel (silence is refusal).</summary>
    NoConsent,

    /// <summary>The customer withdrew or refused this channel and kind.</summary>
    OptedOut,

    /// <summary>The send-by time of the message passed while quiet hours held it.</summary>
    QuietHours,

    /// <summary>The same message (the same occasion or bulk send) was already queued for the customer.</summary>
    Duplicate,

    /// <summary>The customer has no mobile number or e-mail address for the channel.</summary>
    NoAddress,

    /// <summary>The number or address cannot receive messages (the provider refused it).</summary>
    InvalidAddress,

    /// <summary>The customer already has the day's most marketing messages.</summary>
    DailyCap,
}

public static class ChannelNames
{
    public static string Chinese(this Channel channel) => channel switch
    {
        Channel.Sms => "短信",
        Channel.Email => "电子邮件",
        _ => "电话",
    };

    public static string Chinese(this MessageKind kind) => kind == MessageKind.Marketing ? "营销" : "服务通知";

    public static string Chinese(this SuppressionReason reason) => reason switch
    {
        SuppressionReason.NoConsent => "未同意接收",
        SuppressionReason.OptedOut => "已退订",
        SuppressionReason.QuietHours => "免打扰时段后已过期",
        SuppressionReason.Duplicate => "重复",
        SuppressionReason.NoAddress => "无号码或邮箱",
        SuppressionReason.InvalidAddress => "号码或邮箱无效",
        _ => "超过每日上限",
    };
}
