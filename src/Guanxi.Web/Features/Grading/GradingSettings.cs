using Guanxi.Domain.Common;
using Guanxi.Domain.Grading;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Features.Settings;

namespace Guanxi.Web.Features.Grading;

/// <summary>The grading policy and the tiers' service standards (GRD-2, GRD-3): read by anyone signed in, set by administrators.</summary>
public sealed record GradingSettingsView(GradingPolicy Policy, IReadOnlyList<ServiceStandard> Standards);

public sealed class GradingSettings(GuanxiDbContext db, EnterpriseSettings settings, Customers.CustomerViewers viewers, CurrentUser user)
{
    public const string StandardsKey = ServiceStandard.SettingsKey;

    public static readonly Error NotAllowed = Error.Forbidden("grading.not_allowed", "只有系统管理员可以修改分级政策。", "Only administrators can change the grading policy.");

    /// <summary>Read by every member of staff.</summary>
    public async Task<Result<GradingSettingsView>> Get(CancellationToken cancellationToken = default) => !user.IsAuthenticated ? Error.SignedOut : new GradingSettingsView(
        await settings.Get(GradingPolicy.SettingsKey, GradingPolicy.Default, cancellationToken),
        await settings.Get(StandardsKey, ServiceStandard.Defaults, cancellationToken));

    public async Task<Result<GradingSettingsView>> Save(GradingSettingsView view, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !Domain.Accounts.SettingsAccess.CanChange(viewer))
            return NotAllowed;
        if (view.Policy is null || view.Standards is null)
            return GradingErrors.NoWeight;
        var errors = view.Policy.Validate().Concat(ServiceStandard.Validate(view.Standards)).ToArray();
        if (errors.Length > 0)
            return Result<GradingSettingsView>.Fail(errors);
        var standards = view.Standards.OrderByDescending(s => s.Tier).ToList();
        await settings.Stage(GradingPolicy.SettingsKey, view.Policy, cancellationToken);
        await settings.Stage(StandardsKey, standards, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new GradingSettingsView(view.Policy, standards);
    }
}
