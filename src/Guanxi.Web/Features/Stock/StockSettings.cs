using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Stock;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;

namespace Guanxi.Web.Features.Stock;

public sealed record StockSettingsView(int StillDays, int CoverWeeks, bool CanEdit);

/// <summary>SVC-10's rule for slow stock (days without movement, default 60; weeks of cover, default 12): read by anyone signed in, set by administrators.</summary>
public sealed class StockSettings(GuanxiDbContext db, EnterpriseSettings settings, CustomerViewers viewers)
{
    public static readonly Error NotAllowed = Error.Forbidden("stock.settings_not_allowed", "只有系统管理员可以修改滞销库存规则。", "Only administrators can change the slow-stock rule.");

    public async Task<Result<StockSettingsView>> Get(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var policy = await settings.Get(StockPolicy.SettingsKey, new StockPolicy(), cancellationToken);
        return new StockSettingsView(policy.StillDays, policy.CoverWeeks, SettingsAccess.CanChange(viewer));
    }

    public async Task<Result<StockSettingsView>> Save(StockPolicy? policy, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!SettingsAccess.CanChange(viewer))
            return NotAllowed;
        if (policy is null)
            return new Error("stock.policy_required", "请填写无动销天数和可销周数。", "Give the days without movement and the weeks of cover.", "stillDays");
        if (policy.Validate() is { Count: > 0 } errors)
            return Result<StockSettingsView>.Fail(errors);
        await settings.Stage(StockPolicy.SettingsKey, policy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new StockSettingsView(policy.StillDays, policy.CoverWeeks, true);
    }
}
