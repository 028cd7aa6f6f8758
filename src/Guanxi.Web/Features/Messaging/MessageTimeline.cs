using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

/// <summary>
/// SVC-1, SVC-5: every outgoing message on the customer's 时间线 (kind <c>care</c>), when it was written: its channel, kind
/// and status in the title, its text (an e-mail's subject first) in the summary, with why it was not sent or failed. Whoever
/// sees the customer reads their messages (as <see cref="ListMessages"/> does), so the timeline's check is the source's; the
/// address is left out, so a masked sight reveals nothing more. Each links to the customer's 同意与消息 tab.
/// </summary>
public sealed class MessageTimeline(GuanxiDbContext db, EnterpriseClock clock) : ITimelineSource
{
    /// <summary>How much of a message's text the timeline shows.</summary>
    public const int SummaryLength = 300;

    public string Kind => TimelineKinds.Care;

    public Task<int> Count(Viewer viewer, Guid customerId, CancellationToken cancellationToken) =>
        db.Set<OutboxMessage>().CountAsync(m => m.CustomerId == customerId, cancellationToken);

    public async Task<IReadOnlyList<TimelineEntry>> Newest(Viewer viewer, Guid customerId, int take, bool english, CancellationToken cancellationToken)
    {
        var messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.CustomerId == customerId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(take)
            .Select(m => new Message(m.Id, m.Channel, m.Kind, m.Status, m.Reason, m.Occasion, m.Subject, m.Text, m.PlannedAt, m.ErrorText, m.CreatedAt, m.ById))
            .ToListAsync(cancellationToken);
        return [.. messages.Select(m => new TimelineEntry(Kind, m.CreatedAt, Title(m, english), Summary(m, english), $"/customers/{customerId}?tab=consents", m.Id, m.ById))];
    }

    private sealed record Message(Guid Id, Channel Channel, MessageKind Kind, MessageStatus Status, SuppressionReason? Reason, string? Occasion, string? Subject, string Text,
        DateTimeOffset PlannedAt, string? ErrorText, DateTimeOffset CreatedAt, string ById);

    /// <summary>短信 · 营销 · 中秋节 · 已送达 / SMS · Marketing · 中秋节 · Delivered.</summary>
    private static string Title(Message m, bool english) => string.Join(" · ", new[]
    {
        english ? MessageTexts.English(m.Channel) : m.Channel.Chinese(),
        english ? MessageTexts.English(m.Kind) : m.Kind.Chinese(),
        m.Occasion,
        MessageTexts.Status(m.Status, english),
    }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>Why it did not go (suppressed, failed) or when it will (queued), then the text as the customer receives it, cut.</summary>
    private string Summary(Message m, bool english)
    {
        var note = m.Status switch
        {
            MessageStatus.Suppressed when m.Reason is { } r => english ? $"Not sent: {MessageTexts.English(r)}. " : $"未发送：{r.Chinese()}。",
            MessageStatus.Failed when m.ErrorText is { } e => english ? $"Failed: {e}. " : $"失败：{e}。",
            MessageStatus.Queued => english ? $"Leaves {Local(m.PlannedAt)}. " : $"计划 {Local(m.PlannedAt)} 发出。",
            _ => "",
        };
        var text = m.Subject is { Length: > 0 } subject ? $"{subject} — {m.Text}" : m.Text;
        text = text.ReplaceLineEndings(" ");
        return note + (text.Length > SummaryLength ? text[..SummaryLength] + "…" : text);
    }

    /// <summary>A time as a kept sentence writes it (yyyy-MM-dd HH:mm, the enterprise's zone).</summary>
    private string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The English names of the messaging enums beside the domain's Chinese ones, and a status in either language, for texts the server writes (the timeline).</summary>
public static class MessageTexts
{
    public static string English(Channel channel) => channel switch { Channel.Sms => "SMS", Channel.Email => "E-mail", _ => "Phone" };

    public static string English(MessageKind kind) => kind == MessageKind.Marketing ? "Marketing" : "Service";

    public static string English(SuppressionReason reason) => reason switch
    {
        SuppressionReason.NoConsent => "no consent",
        SuppressionReason.OptedOut => "opted out",
        SuppressionReason.QuietHours => "expired in quiet hours",
        SuppressionReason.Duplicate => "duplicate",
        SuppressionReason.NoAddress => "no number or address",
        SuppressionReason.InvalidAddress => "invalid number or address",
        _ => "over the daily cap",
    };

    public static string Status(MessageStatus status, bool english) => status switch
    {
        MessageStatus.Queued => english ? "Queued" : "排队中",
        MessageStatus.Sending => english ? "Sending" : "发送中",
        MessageStatus.Sent => english ? "Sent" : "已发送",
        MessageStatus.Delivered => english ? "Delivered" : "已送达",
        MessageStatus.Failed => english ? "Failed" : "发送失败",
        _ => english ? "Not sent" : "未发送",
    };
}
