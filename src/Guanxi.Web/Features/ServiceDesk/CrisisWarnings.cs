using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Complaints;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>
/// What the crisis-warning handlers share: the caller's right to the area (<see cref="CrisisAccess"/>), acting on a warning
/// the one way (reader, there, handler, version, the entity's change, save or lose the race) and showing it — the series by
/// today's name, who did what by today's name, in the enterprise's zone.
/// </summary>
public sealed class CrisisWarnings(GuanxiDbContext db, CustomerViewers viewers, ComplaintDesk desk, StaffNames staffNames, EnterpriseClock clock, TimeProvider time)
{
    /// <summary>The caller, when they read crisis warnings (else why not: signed out, or 403).</summary>
    public async Task<Result<Viewer>> Reader(CancellationToken cancellationToken)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        return CrisisAccess.Reads(viewer) ? viewer : CrisisErrors.NotReader;
    }

    public async Task<Result<CrisisWarningView>> Act(Guid id, Guid? version, Func<CrisisWarning, Actor, DateTimeOffset, Result<Done>> act, CancellationToken cancellationToken)
    {
        var reader = await Reader(cancellationToken);
        if (!reader.Succeeded)
            return Result<CrisisWarningView>.Fail(reader.Errors);
        var viewer = reader.Value!;
        if (await db.Set<CrisisWarning>().SingleOrDefaultAsync(w => w.Id == id, cancellationToken) is not { } warning)
            return CrisisErrors.NotFound;
        if (!CrisisAccess.Handles(viewer))
            return CrisisErrors.NotHandler;
        if (Versions.Check(version, warning.Version, required: false) is { } stale)
            return stale;
        var done = act(warning, Actor.Staff(viewer.UserId), time.GetUtcNow());
        if (!done.Succeeded)
            return Result<CrisisWarningView>.Fail(done.Errors);
        if (await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is { } raced)
            return raced;
        return await View(viewer, warning, cancellationToken);
    }

    public async Task<CrisisWarningView> View(Viewer viewer, CrisisWarning w, CancellationToken cancellationToken)
    {
        var english = Cultures.IsEnglish;
        var names = await SeriesNames(cancellationToken);
        var staff = await staffNames.Of([w.PlanById, w.ClosedById, .. w.Communications.Select(c => c.ById)], cancellationToken);
        var name = names.Of(w);
        return new CrisisWarningView(
            w.Id, w.Kind, w.SeriesKey, name, w.Window, Local(w.WindowStart), Local(w.WindowEnd), w.Observed, w.Usual, w.PValue, w.Earlier,
            CrisisTexts.Figures(w, name, english), w.DepartmentId, names.Department(w.DepartmentId), Local(w.RaisedAt), w.Status,
            w.Plan, w.PlanById, staff.WhoIfAny(w.PlanById), Local(w.PlanAt),
            [.. w.Communications.OrderBy(c => c.At).ThenBy(c => c.RecordedAt).Select(c => new CrisisCommunicationView(c.To, c.What, Local(c.At), c.ById, staff.Who(c.ById), Local(c.RecordedAt)))],
            w.ClosingNote, w.ClosedById, staff.WhoIfAny(w.ClosedById), Local(w.ClosedAt), w.IsOpen && CrisisAccess.Handles(viewer), w.Version);
    }

    /// <summary>Today's names of the categories and departments (the name kept with the warning when it has none now).</summary>
    public async Task<SeriesNaming> SeriesNames(CancellationToken cancellationToken) =>
        new(await desk.Categories(cancellationToken), await DepartmentNames.All(db, cancellationToken));

    public DateTimeOffset Local(DateTimeOffset instant) => clock.ToLocal(instant);

    public DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? clock.ToLocal(i) : null;
}

public sealed class SeriesNaming(IReadOnlyList<Domain.Complaints.ComplaintCategory> categories, Dictionary<Guid, string> departments)
{
    public string Of(CrisisWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return warning.Kind == CrisisSeriesKind.Category
            ? categories.FirstOrDefault(c => c.Code == warning.SeriesKey)?.Name ?? warning.SeriesName
            : Guid.TryParse(warning.SeriesKey, out var id) && departments.TryGetValue(id, out var name) ? name : warning.SeriesName;
    }

    public string? Department(Guid id) => departments.GetValueOrDefault(id);
}
