using Guanxi.Domain.Common;
using Guanxi.Domain.Reviews;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Reviews;

/// <summary>ARC-6 settings: the interval between cycles, the days owners have, the fast-growth threshold. Administrators set them.</summary>
public sealed class ReviewSettings(GuanxiDbContext db, EnterpriseSettings settings, Customers.CustomerViewers viewers, CurrentUser user)
{
    public static readonly Error NotAllowed = Error.Forbidden("review.settings_not_allowed", "只有系统管理员可以修改定期核查设置。", "Only administrators can change the review settings.");

    /// <summary>Read by every member of staff.</summary>
    public async Task<Result<ReviewPolicy>> Get(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated ? await settings.Get(OpenReviewCycle.PolicyKey, ReviewPolicy.Default, cancellationToken) : Error.SignedOut;

    public async Task<Result<ReviewPolicy>> Save(ReviewPolicy? policy, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !Domain.Accounts.SettingsAccess.CanChange(viewer))
            return NotAllowed;
        if (policy is null)
            return ReviewErrors.Interval;
        var errors = policy.Validate();
        if (errors.Count > 0)
            return Result<ReviewPolicy>.Fail([.. errors]);
        await settings.Stage(OpenReviewCycle.PolicyKey, policy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return policy;
    }
}
