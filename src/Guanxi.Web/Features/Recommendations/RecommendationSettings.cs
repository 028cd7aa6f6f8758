using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Recommendations;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Recommendations;

/// <summary>The recommendations' thresholds as read, and whether the caller may change them.</summary>
public sealed record RecommendationSettingsView(RecommendationPolicy Policy, bool CanEdit);

/// <summary>
/// SVC-6: the recommendations' thresholds (<see cref="RecommendationPolicy"/>) — read by everyone signed in, set by an
/// administrator (<see cref="SettingsAccess.CanChange"/>). A bad value is refused on its field with its range and nothing is
/// saved; a change is in the history (settings are audited). The dealer's rules and the read of the item pairs count with
/// the new values at once; the pairs themselves are counted again with them the next night.
/// </summary>
public sealed class RecommendationSettings(GuanxiDbContext db, EnterpriseSettings settings, CurrentUser user)
{
    public async Task<Result<RecommendationSettingsView>> Get(CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
            return Error.SignedOut;
        return new RecommendationSettingsView(await Current(settings, cancellationToken), user.Holds(SettingsAccess.CanChange));
    }

    public async Task<Result<RecommendationSettingsView>> Save(RecommendationPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!user.IsAuthenticated)
            return Error.SignedOut;
        if (!user.Holds(SettingsAccess.CanChange))
            return NotAllowed;
        if (policy.Validate() is { Count: > 0 } errors)
            return Result<RecommendationSettingsView>.Fail(errors);
        await settings.Stage(RecommendationPolicy.SettingsKey, policy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new RecommendationSettingsView(policy, true);
    }

    /// <summary>What the recommendations count with: the saved thresholds, or the defaults when none (or no valid ones) are saved.</summary>
    public static async Task<RecommendationPolicy> Current(EnterpriseSettings settings, CancellationToken cancellationToken = default)
    {
        var policy = await settings.Get(RecommendationPolicy.SettingsKey, new RecommendationPolicy(), cancellationToken);
        return policy.Validate().Count > 0 ? new RecommendationPolicy() : policy;
    }

    public static readonly Error NotAllowed = Error.Forbidden("recommendations.settings_refused", "只有系统管理员可以修改推荐规则。", "Only administrators change the recommendation rules.");
}
