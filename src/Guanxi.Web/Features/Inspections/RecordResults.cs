using System.Globalization;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>The results of an inspection: every item of its checklist once, {itemId, result: pass|fail, note}.</summary>
public sealed record ResultsBody(IReadOnlyList<ResultLine> Items);

/// <summary>
/// CAPA-8: the inspector carries the inspection out — every item of the checklist exactly once, pass or fail, a failed
/// item with a note — once (a second submission is a 409). Each failed item raises a finding in the same transaction,
/// and the managers of the department hear of them, to name their owners.
/// </summary>
public sealed class RecordResults(GuanxiDbContext db, InspectionDesk desk, InspectionViews views, Notifier notifier, TimeProvider time)
{
    public async Task<Result<InspectionView>> Handle(Guid id, ResultsBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var inspection = await db.Set<Inspection>().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inspection is null || !InspectionAccess.Sees(viewer, inspection))
            return InspectionErrors.NotFound;
        if (!InspectionAccess.CarriesOut(viewer, inspection))
            return InspectionErrors.NotInspector;
        var now = time.GetUtcNow();
        var recorded = inspection.Record(body.Items ?? [], Actor.Staff(viewer.UserId), now);
        if (recorded.Value is not { } findings)
            return Result<InspectionView>.Fail(recorded.Errors);
        db.AddRange(inspection.Results);
        db.AddRange(findings);
        if (findings.Count > 0)
            await notifier.ToStaff(await Notices(inspection, findings, cancellationToken), cancellationToken);
        if (await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is { } raced)
            return raced;
        return await views.Of(viewer, inspection, desk.Day(now), cancellationToken);
    }

    private async Task<List<StaffNotice>> Notices(Inspection inspection, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var managerRole = nameof(Role.DepartmentManager);
        var managers = await db.Users.Where(u => u.IsActive && u.DepartmentId == inspection.DepartmentId && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == managerRole))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var department = (await desk.DepartmentNames([inspection.DepartmentId], cancellationToken)).GetValueOrDefault(inspection.DepartmentId, "");
        var items = string.Join("、", findings.Select(f => f.ItemName));
        var day = inspection.DueOn.ToString("M月d日", CultureInfo.InvariantCulture);
        return [.. managers.Select(m => new StaffNotice(m, null, $"专项检查发现 {findings.Count} 个问题：{department}·{inspection.Post}",
            $"Inspection found {findings.Count} problem(s): {department} · {inspection.Post}",
            $"{day}的专项检查中「{items}」不合格，请指定整改负责人和期限。", $"{items} failed in the inspection of {inspection.DueOn:yyyy-MM-dd}: name an owner and a deadline for each.",
            findings.Count == 1 ? $"/findings/{findings[0].Id}" : "/findings"))];
    }
}
