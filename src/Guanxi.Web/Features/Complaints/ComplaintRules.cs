using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-2, SVC-8: the complaint time rules (<see cref="ComplaintPolicy"/>: the severities' factors, the warning point, the
/// escalation step) — read by everyone signed in, set by an administrator or the customer-service manager. A change
/// counts for complaints received from then on.
/// </summary>
public sealed class ComplaintRules(GuanxiDbContext db, ComplaintDesk desk, EnterpriseSettings settings, CurrentUser user)
{
    public async Task<Result<ComplaintPolicy>> Get(CancellationToken cancellationToken = default) =>
        !user.IsAuthenticated ? Error.SignedOut : (await desk.Rules(cancellationToken)).Policy;

    public async Task<Result<ComplaintPolicy>> Save(ComplaintPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (await desk.Caller(cancellationToken) is not { } viewer || !ComplaintAccess.EditsSettings(viewer))
            return ComplaintErrors.NotSettings;
        if (policy.Validate() is { Count: > 0 } errors)
            return Result<ComplaintPolicy>.Fail(errors);
        await settings.Stage(ComplaintPolicy.SettingsKey, policy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return policy;
    }
}
