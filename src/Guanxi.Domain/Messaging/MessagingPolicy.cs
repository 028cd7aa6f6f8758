using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Messaging;

/// <summary>
/// The enterprise's messaging settings: the SMS signature (approved by the provider; empty: the company's name),
/// the opt-out words every marketing SMS carries, the hours messages may leave, and how many marketing messages one
/// customer receives in a day at most.
/// </summary>
public sealed record MessagingPolicy(string SmsSignature, string OptOutText, TimeOnly QuietFrom, TimeOnly QuietUntil, int DailyCap)
{
    public const string SettingsKey = "messaging";

    public static MessagingPolicy Default { get; } = new("", "回T退订", new TimeOnly(8, 0), new TimeOnly(21, 0), 2);

    public QuietHours Hours => new(QuietFrom, QuietUntil);

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (!string.IsNullOrWhiteSpace(SmsSignature) && SmsSignature.Trim().Length is < 2 or > 12)
            errors.Add(new("messaging.signature", "短信签名须为 2 到 12 个字。", "The SMS signature must be 2–12 characters.", "smsSignature"));
        if (string.IsNullOrWhiteSpace(OptOutText) || OptOutText.Trim().Length > 20)
            errors.Add(new("messaging.opt_out", "请填写退订提示（不超过 20 字），如“回T退订”。", "Give the opt-out words (at most 20 characters), e.g. 回T退订.", "optOutText"));
        if (QuietFrom >= QuietUntil)
            errors.Add(new("messaging.hours", "允许发送的开始时间须早于结束时间。", "Sending must start before it ends.", "quietUntil"));
        if (DailyCap is < 1 or > 20)
            errors.Add(new("messaging.daily_cap", "每位客户每日营销消息上限须在 1 到 20 之间。", "The daily cap must be 1–20.", "dailyCap"));
        return errors;
    }
}

/// <summary>Who does what with messages (SVC-5, SEC-1).</summary>
public static class MessagingAccess
{
    /// <summary>Templates, care plans and the messaging settings: the customer-service manager and administrators.</summary>
    public static bool Manages(Viewer viewer) => viewer.Is(Role.CustomerServiceManager) || viewer.Is(Role.Administrator);

    /// <summary>Bulk sends: the customer-service manager (every customer) and department managers (their department's).</summary>
    public static bool SendsBulk(Viewer viewer) => viewer.Is(Role.CustomerServiceManager) || viewer.Is(Role.DepartmentManager);

    /// <summary>The department a bulk send keeps to: none for the customer-service manager, else the sender's own.</summary>
    public static Guid? BulkDepartment(Viewer viewer) => viewer.Is(Role.CustomerServiceManager) ? null : viewer.DepartmentId;

    /// <summary>Reading templates and the outbox in one's sight: whoever oversees customers, and administrators.</summary>
    public static bool ReadsOutbox(Viewer viewer) => CustomerAccess.Oversees(viewer);
}
