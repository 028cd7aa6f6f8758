using Guanxi.Domain.Common;

namespace Guanxi.Domain.Service;

/// <summary>What a member of staff enters about a contact (SVC-1, SVC-11), validated by <see cref="Contact.Record"/>. No time: now.</summary>
public sealed record ContactDetails(ContactChannel? Channel, ContactDirection? Direction, DateTimeOffset? At, string? Summary, string? Outcome, Touchpoint? Touchpoint);

/// <summary>
/// SVC-1: one contact with a customer, as it happened — on which channel, who started it, which member of staff had it and
/// when, what was said and what came of it, and where in the customer's journey (SVC-11). It is kept as recorded; the
/// department is the customer's when it happened, so that a report by department counts it where it was served.
/// </summary>
public sealed class Contact
{
    public const int MaxSummaryLength = 2000;
    public const int MaxOutcomeLength = 500;

    /// <summary>How far a contact's time may lie ahead of the server's clock (a phone's clock a little fast).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);

    /// <summary>No contact is older than this (a year typed 0026 or 1926 is a typing error).</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

#pragma warning disable CS8618 // set by EF Core when loading, by Record when created
    private Contact()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public ContactChannel Channel { get; private set; }
    public ContactDirection Direction { get; private set; }

    /// <summary>Who had the contact: a member of staff's id (<see cref="Actor"/>).</summary>
    public string StaffId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Summary { get; private set; }
    public string? Outcome { get; private set; }
    public Touchpoint Touchpoint { get; private set; }

    /// <summary>The customer's department when the contact was recorded.</summary>
    public Guid DepartmentId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The concurrency token, as every record has one.</summary>
    public Guid Version { get; private set; }

    /// <summary>A contact with a customer of <paramref name="departmentId"/>, had by <paramref name="staffId"/>; without a time it happened now.</summary>
    public static Result<Contact> Record(Guid customerId, Guid departmentId, string staffId, ContactDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = Validate(details, now);
        if (errors.Count > 0)
            return Result<Contact>.Fail(errors);
        return new Contact
        {
            Id = Guid.CreateVersion7(), CustomerId = customerId, DepartmentId = departmentId, StaffId = staffId,
            Channel = details.Channel!.Value, Direction = details.Direction!.Value, Touchpoint = details.Touchpoint!.Value,
            At = (details.At ?? now).ToUniversalTime(), Summary = details.Summary!.Trim(), Outcome = string.IsNullOrWhiteSpace(details.Outcome) ? null : details.Outcome.Trim(),
            CreatedAt = now, Version = Guid.NewGuid(),
        };
    }

    /// <summary>Why these details cannot be a contact (none when they can), each error on its field.</summary>
    public static List<Error> Validate(ContactDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new List<Error>();
        if (details.Channel is not { } channel || !Enum.IsDefined(channel))
            errors.Add(ContactErrors.ChannelRequired);
        if (details.Direction is not { } direction || !Enum.IsDefined(direction))
            errors.Add(ContactErrors.DirectionRequired);
        if (details.Touchpoint is not { } touchpoint || !Enum.IsDefined(touchpoint))
            errors.Add(ContactErrors.TouchpointRequired);
        if (details.At > now + MaxAhead)
            errors.Add(ContactErrors.InFuture);
        else if (details.At < Earliest)
            errors.Add(ContactErrors.TooOld);
        if (string.IsNullOrWhiteSpace(details.Summary))
            errors.Add(ContactErrors.SummaryRequired);
        else if (details.Summary.Trim().Length > MaxSummaryLength)
            errors.Add(ContactErrors.SummaryTooLong);
        if (details.Outcome?.Trim().Length > MaxOutcomeLength)
            errors.Add(ContactErrors.OutcomeTooLong);
        return errors;
    }
}

public static class ContactErrors
{
    public static readonly Error CustomerRequired = new("contact.customer_required", "请选择客户。", "Choose the customer.", "customerId");
    public static readonly Error CustomerNotActive = Error.Conflict("contact.customer_not_active", "只能为在册客户记录联系：该客户已归档或个人信息已删除。", "Contacts are recorded for active customers only: this one is archived or erased.", "customerId");
    public static readonly Error ChannelRequired = new("contact.channel_required", "请选择联系渠道。", "Choose the channel.", "channel");
    public static readonly Error DirectionRequired = new("contact.direction_required", "请选择是客户来联系还是主动联系。", "Say whether the customer or we made the contact.", "direction");
    public static readonly Error TouchpointRequired = new("contact.touchpoint_required", "请选择触点（售前、销售、交付、售后）。", "Choose the touchpoint (pre-sale, sale, delivery, after-sale).", "touchpoint");
    public static readonly Error InFuture = new("contact.in_future", "联系时间不能晚于现在。", "The time of the contact cannot be in the future.", "at");
    public static readonly Error TooOld = new("contact.too_old", "联系时间不能早于 2000 年。", "The time of the contact cannot be before 2000.", "at");
    public static readonly Error SummaryRequired = new("contact.summary_required", "请填写联系内容摘要。", "Write a summary of the contact.", "summary");
    public static readonly Error SummaryTooLong = new("contact.summary_too_long", $"摘要不能超过 {Contact.MaxSummaryLength} 字。", $"The summary cannot exceed {Contact.MaxSummaryLength} characters.", "summary");
    public static readonly Error OutcomeTooLong = new("contact.outcome_too_long", $"结果不能超过 {Contact.MaxOutcomeLength} 字。", $"The outcome cannot exceed {Contact.MaxOutcomeLength} characters.", "outcome");
}
