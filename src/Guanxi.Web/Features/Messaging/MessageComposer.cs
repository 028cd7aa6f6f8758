using System.Text.Json;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;

namespace Guanxi.Web.Features.Messaging;

/// <summary>A customer as a message needs them: who, where to reach them, and the consent on the channel and kind.</summary>
public sealed record Recipient(Guid Id, string Name, Gender Gender, CustomerType Type, IReadOnlyList<CustomerPhone> Phones, IReadOnlyList<string> Emails, string OwnerId, Guid DepartmentId, ConsentState? Consent);

/// <summary>
/// Writes one customer's message from a template: the text filled (Liquid), an SMS with the signature 【…】 and, for
/// marketing, the opt-out words; an e-mail with its subject and the unsubscribe link; the address (the first mobile number,
/// the first e-mail address); and why it may not go (consent, no address). The company's name is the enterprise's.
/// </summary>
public sealed class MessageComposer(GuanxiDbContext db, EnterpriseSettings settings, TemplateText text, UnsubscribeLinks links, EnterpriseClock clock)
{
    private static readonly JsonSerializerOptions ParametersJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };   // 张, not \u5F20
    private string? company;

    public string CompanyName => company ??= db.Set<Department>().Where(d => d.Kind == DepartmentKind.Company).Select(d => d.Name).FirstOrDefault() ?? "本公司";

    public Task<MessagingPolicy> Policy(CancellationToken cancellationToken = default) => settings.Get(MessagingPolicy.SettingsKey, MessagingPolicy.Default, cancellationToken);

    public string Signature(MessagingPolicy policy) => string.IsNullOrWhiteSpace(policy.SmsSignature) ? CompanyName : policy.SmsSignature;

    public string SmsText(MessageTemplate template, TemplateModel model, MessagingPolicy policy) =>
        Domain.Messaging.SmsText.Compose(Signature(policy), text.Fill(template.Text, model), template.Kind, policy.OptOutText);

    /// <summary>The next moment quiet hours allow, in the enterprise's zone.</summary>
    public Func<DateTimeOffset, DateTimeOffset> NextAllowed(MessagingPolicy policy) => at =>
    {
        var local = TimeZoneInfo.ConvertTime(at, clock.Zone);
        var next = policy.Hours.NextAllowed(local.DateTime);
        return next == local.DateTime ? at.ToUniversalTime() : new DateTimeOffset(next, clock.Zone.GetUtcOffset(next)).ToUniversalTime();
    };

    public TimeZoneInfo Zone => clock.Zone;

    /// <summary>The enterprise's day an instant falls in, as UTC bounds.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) LocalDay(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime);
        return (clock.StartOf(day).ToUniversalTime(), clock.StartOf(day.AddDays(1)).ToUniversalTime());
    }

    /// <summary>Where a message of the channel reaches the customer: the first mobile number, the first e-mail address.</summary>
    public string? Address(Channel channel, Recipient r) =>
        channel == Channel.Sms ? r.Phones.FirstOrDefault(p => p.Kind == PhoneKind.Mobile)?.Number : channel == Channel.Email && r.Emails.Count > 0 ? r.Emails[0] : null;

    public TemplateModel Model(Recipient r, string ownerName, string? occasion) =>
        new(r.Name, r.Gender, r.Type == CustomerType.Organization, ownerName, CompanyName, occasion);

    /// <summary>The message for one recipient, and why it must be suppressed (null: it may go).</summary>
    public (OutboxMessage.Draft Draft, SuppressionReason? Suppressed) Compose(MessageTemplate template, Recipient r, string ownerName, MessagingPolicy policy,
        string? occasion, Guid? bulkSendId, Guid? carePlanId, string? dedupeKey, DateTimeOffset? sendBy)
    {
        var model = Model(r, ownerName, occasion);
        var address = Address(template.Channel, r);
        string body;
        string? subject = null;
        string? parameters = null;
        if (template.Channel == Channel.Sms)
        {
            body = SmsText(template, model, policy);
            parameters = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["name"] = model.CustomerName, ["surname"] = model.Surname, ["title"] = model.Title, ["owner"] = model.OwnerName, ["occasion"] = model.Occasion ?? "",
            }, ParametersJson);
        }
        else
        {
            subject = text.Fill(template.Subject ?? "", model);
            body = text.Fill(template.Text, model);
            if (template.Kind == MessageKind.Marketing)
                body += $"\n\n——\n{CompanyName}\n如不想再收到此类邮件，请点击退订：{links.Url(r.Id, Channel.Email, MessageKind.Marketing)}";
        }
        var suppressed = ConsentPolicy.Check(template.Kind, r.Consent) ?? (address is null ? SuppressionReason.NoAddress : null);
        return (new OutboxMessage.Draft(r.Id, template.Channel, template.Kind, address, subject, body, parameters, template.Id, bulkSendId, carePlanId, occasion, dedupeKey, sendBy), suppressed);
    }

    /// <summary>The customers' recipient rows with their consent on the channel and kind (one query).</summary>
    public IQueryable<Recipient> Recipients(IQueryable<Customer> customers, Channel channel, MessageKind kind) =>
        customers.Select(c => new Recipient(c.Id, c.Name, c.Gender, c.Type, c.Phones, c.Emails, c.OwnerId, c.DepartmentId,
            db.Set<Consent>().Where(k => k.CustomerId == c.Id && k.Channel == channel && k.Kind == kind).Select(k => (ConsentState?)k.State).FirstOrDefault()));
}
