using Guanxi.Domain.Common;

namespace Guanxi.Domain.Messaging;

/// <summary>
/// A message template per channel and kind: Liquid placeholders (<c>{{ customer.name }}</c> …) filled from the customer and
/// the occasion. An SMS template may name the provider's approved template code; its signature is the enterprise's.
/// </summary>
public sealed class MessageTemplate
{
    public const int MaxNameLength = 100;
    public const int MaxSubjectLength = 200;
    public const int MaxEmailLength = 20_000;
    public const int MaxCodeLength = 64;

    private MessageTemplate()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Channel Channel { get; private set; }
    public MessageKind Kind { get; private set; }
    public string? Subject { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>The SMS provider's approved template this one is sent as (Aliyun's TemplateCode, SMS_123456789).</summary>
    public string? ProviderCode { get; private set; }
    public bool Archived { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = Actor.SystemId;
    public Guid Version { get; private set; }

    public sealed record Details(string Name, Channel Channel, MessageKind Kind, string? Subject, string Text, string? ProviderCode);

    public static Result<MessageTemplate> Create(Details details, string byId, DateTimeOffset now)
    {
        var template = new MessageTemplate { Id = Guid.NewGuid(), CreatedAt = now, CreatedById = byId };
        return template.Change(details);
    }

    public Result<MessageTemplate> Change(Details d)
    {
        var errors = Validate(d);
        if (errors.Count > 0)
            return Result<MessageTemplate>.Fail(errors);
        (Name, Channel, Kind, Subject, Text, ProviderCode, Version) =
            (d.Name.Trim(), d.Channel, d.Kind, d.Channel == Channel.Email ? d.Subject?.Trim() : null, d.Text.Trim(), Blank(d.ProviderCode), Guid.NewGuid());
        return this;
    }

    public static List<Error> Validate(Details d)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(d.Name))
            errors.Add(MessagingErrors.NameRequired);
        else if (d.Name.Trim().Length > MaxNameLength)
            errors.Add(MessagingErrors.NameTooLong);
        if (d.Channel == Channel.Phone)
            errors.Add(MessagingErrors.NoTemplateForCalls);
        if (string.IsNullOrWhiteSpace(d.Text))
            errors.Add(MessagingErrors.TextRequired);
        else if (d.Text.Trim().Length > (d.Channel == Channel.Sms ? SmsText.MaxLength : MaxEmailLength))
            errors.Add(d.Channel == Channel.Sms ? MessagingErrors.SmsTooLong : MessagingErrors.EmailTooLong);
        if (d.Channel == Channel.Email && string.IsNullOrWhiteSpace(d.Subject))
            errors.Add(MessagingErrors.SubjectRequired);
        else if (d.Subject?.Trim().Length > MaxSubjectLength)
            errors.Add(MessagingErrors.SubjectTooLong);
        if (d.ProviderCode?.Trim().Length > MaxCodeLength)
            errors.Add(MessagingErrors.CodeTooLong);
        return errors;
    }

    public void Archive() => (Archived, Version) = (true, Guid.NewGuid());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public static class MessagingErrors
{
    public static readonly Error NameRequired = new("template.name_required", "请填写模板名称。", "Name the template.", "name");
    public static readonly Error NameTooLong = new("template.name_too_long", "模板名称不能超过 100 字。", "The name cannot exceed 100 characters.", "name");
    public static readonly Error NoTemplateForCalls = new("template.phone", "电话关怀由负责人拨打，不用模板；请选择短信或电子邮件。", "Calls are made by the owner, not from a template: choose sms or email.", "channel");
    public static readonly Error TextRequired = new("template.text_required", "请填写模板内容。", "Write the template's text.", "text");
    public static readonly Error SmsTooLong = new("template.sms_too_long", "短信模板不能超过 500 字。", "An SMS template cannot exceed 500 characters.", "text");
    public static readonly Error EmailTooLong = new("template.email_too_long", "邮件模板不能超过 20000 字。", "An e-mail template cannot exceed 20,000 characters.", "text");
    public static readonly Error SubjectRequired = new("template.subject_required", "电子邮件模板需要主题。", "An e-mail template needs a subject.", "subject");
    public static readonly Error SubjectTooLong = new("template.subject_too_long", "主题不能超过 200 字。", "The subject cannot exceed 200 characters.", "subject");
    public static readonly Error CodeTooLong = new("template.code_too_long", "短信平台模板编号不能超过 64 字。", "The provider's template code cannot exceed 64 characters.", "providerCode");
}
