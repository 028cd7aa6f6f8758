using Guanxi.Domain.Common;
using Guanxi.Domain.Lifecycle;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;
using Quartz;

namespace Guanxi.Web.Features.Lifecycle;

/// <summary>LIF-1 thresholds: read by anyone signed in, set by administrators; saving re-judges every customer at once.</summary>
public sealed class LifecycleSettings(GuanxiDbContext db, EnterpriseSettings settings, CurrentUser user, ISchedulerFactory schedulers, Customers.CustomerViewers viewers)
{
    public static readonly Error NotAllowed = Error.Forbidden("lifecycle.not_allowed", "只有系统管理员可以修改生命周期设置。", "Only administrators can change the lifecycle settings.");

    public async Task<Result<LifecyclePolicy>> Get(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated ? await settings.Get(LifecyclePolicy.SettingsKey, LifecyclePolicy.Default, cancellationToken) : Error.SignedOut;

    public async Task<Result<LifecyclePolicy>> Save(LifecyclePolicy? policy, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !Domain.Accounts.SettingsAccess.CanChange(viewer))
            return NotAllowed;
        if (policy is null)
            return LifecycleErrors.LoyalOrders;
        var errors = policy.Validate();
        if (errors.Count > 0)
            return Result<LifecyclePolicy>.Fail([.. errors]);
        await settings.Stage(LifecyclePolicy.SettingsKey, policy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(LifecycleJob.Key, ActorJobData.For(Actor.Staff(user.Id, ActorCause.LifecycleSettings)), cancellationToken);
        return policy;
    }
}
