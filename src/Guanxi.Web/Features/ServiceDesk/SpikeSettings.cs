using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>The crisis detector's settings as read: the four values and whether the caller may change them.</summary>
public sealed record SpikeSettingsView(int BaselineWeeks, double Alpha, int MinDayCount, int MinWeekCount, bool CanEdit);

/// <summary>
/// SVC-3: the crisis detector's settings (<see cref="SpikePolicy"/>: how many earlier weeks make the usual level, the
/// false-alarm rate, the least complaints of a day and of a week that may raise a warning) — read by everyone signed in,
/// set by an administrator or the customer-service manager (<see cref="CrisisAccess.SetsDetector"/>). A bad value is
/// refused on its field with its range and nothing is saved; a change is in the history (settings are audited) and the
/// detector's next run counts with it.
/// </summary>
public sealed class SpikeSettings(GuanxiDbContext db, EnterpriseSettings settings, CurrentUser user)
{
    public async Task<Result<SpikeSettingsView>> Get(CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
            return Error.SignedOut;
        return View(await Current(cancellationToken));
    }

    public async Task<Result<SpikeSettingsView>> Save(SpikePolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!user.IsAuthenticated)
            return Error.SignedOut;
        if (!user.Holds(CrisisAccess.SetsDetector))
            return CrisisErrors.NotDetectorSetter;
        if (policy.Validate() is { Count: > 0 } errors)
            return Result<SpikeSettingsView>.Fail(errors);
        await settings.Stage(SpikePolicy.SettingsKey, policy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return View(policy);
    }

    /// <summary>What the detector counts with (as <see cref="RaiseCrisisWarnings"/> reads it): the saved settings, or the defaults when none (or no valid ones) are saved.</summary>
    private async Task<SpikePolicy> Current(CancellationToken cancellationToken = default)
    {
        var policy = await settings.Get(SpikePolicy.SettingsKey, new SpikePolicy(), cancellationToken);
        return policy.Validate().Count > 0 ? new SpikePolicy() : policy;
    }

    private SpikeSettingsView View(SpikePolicy p) => new(p.BaselineWeeks, p.Alpha, p.MinDayCount, p.MinWeekCount, user.Holds(CrisisAccess.SetsDetector));
}
