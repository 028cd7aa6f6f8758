using Guanxi.Domain.Common;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;

namespace Guanxi.Web.Features.Messaging;

public sealed record MessagingSettingsView(MessagingPolicy Policy, bool CanEdit);

/// <summary>The messaging settings (<see cref="MessagingPolicy"/>): read by everyone signed in, set by the customer-service manager and administrators.</summary>
public sealed class MessagingSettings(GuanxiDbContext db, EnterpriseSettings settings, CustomerViewers viewers)
{
    public static readonly Error NotEditor = Error.Forbidden("messaging.not_editor", "只有客服经理和系统管理员可以修改消息设置。", "Only the customer-service manager and administrators change the messaging settings.");

    public Task<MessagingPolicy> Policy(CancellationToken cancellationToken = default) => settings.Get(MessagingPolicy.SettingsKey, MessagingPolicy.Default, cancellationToken);

    public async Task<Result<MessagingSettingsView>> Get(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        return new MessagingSettingsView(await Policy(cancellationToken), MessagingAccess.Manages(viewer));
    }

    public async Task<Result<MessagingSettingsView>> Save(MessagingPolicy policy, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MessagingAccess.Manages(viewer))
            return NotEditor;
        if (policy.Validate() is { Count: > 0 } errors)
            return Result<MessagingSettingsView>.Fail(errors);
        var trimmed = policy with { SmsSignature = policy.SmsSignature?.Trim() ?? "", OptOutText = policy.OptOutText.Trim() };
        await settings.Stage(MessagingPolicy.SettingsKey, trimmed, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new MessagingSettingsView(trimmed, true);
    }
}
