using Guanxi.Domain.Common;
using Guanxi.Domain.Credit;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Credit;

/// <summary>ARC-5: the credit rule table, read by anyone signed in, edited by administrators; the next evaluation applies it.</summary>
public sealed class CreditSettings(GuanxiDbContext db, EnterpriseSettings settings, Customers.CustomerViewers viewers, CurrentUser user)
{
    public static readonly Error NotAllowed = Error.Forbidden("credit.not_allowed", "只有系统管理员可以修改信用评定规则。", "Only administrators change the credit rules.");

    public async Task<Result<CreditPolicy>> Get(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated ? await settings.Get(CreditPolicy.SettingsKey, CreditPolicy.Default, cancellationToken) : Error.SignedOut;

    public async Task<Result<CreditPolicy>> Save(CreditPolicy? policy, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !Domain.Accounts.SettingsAccess.CanChange(viewer))
            return NotAllowed;
        if (policy?.Rules is null)
            return CreditErrors.Rules;
        var errors = policy.Validate();
        if (errors.Count > 0)
            return Result<CreditPolicy>.Fail([.. errors]);
        await settings.Stage(CreditPolicy.SettingsKey, policy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return policy;
    }
}
