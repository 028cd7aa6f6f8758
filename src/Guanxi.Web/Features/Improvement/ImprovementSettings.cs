using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;

namespace Guanxi.Web.Features.Improvement;

public sealed record ImprovementSettingsView(int PlanWorkingDays, int CoordinationWorkingDays, bool CanEdit);

/// <summary>
/// CAPA-3, CAPA-4: how many working days a department has for its plan after signing (default 3) and an involved department
/// to confirm its part (default 3) — read by everyone signed in, set by an administrator or the executive VP; a bad value is
/// refused on its field and nothing is saved. A measure already signed keeps the plan day it was given.
/// </summary>
public sealed class ImprovementSettings(GuanxiDbContext db, EnterpriseSettings settings, MeasureDesk desk)
{
    public async Task<Result<ImprovementSettingsView>> Get(CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var policy = await desk.Policy(cancellationToken);
        return new ImprovementSettingsView(policy.PlanWorkingDays, policy.CoordinationWorkingDays, MeasureAccess.EditsSettings(viewer));
    }

    public async Task<Result<ImprovementSettingsView>> Save(ImprovementPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MeasureAccess.EditsSettings(viewer))
            return MeasureErrors.NotSettingsEditor;
        if (policy.Validate() is { Count: > 0 } errors)
            return Result<ImprovementSettingsView>.Fail(errors);
        await settings.Stage(ImprovementPolicy.SettingsKey, policy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ImprovementSettingsView(policy.PlanWorkingDays, policy.CoordinationWorkingDays, true);
    }
}
