using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Improvement;

public sealed record OwnerChoice(string Id, string Name, string? Department);

/// <summary>Whom a plan's actions (or a penalty) may name, for a caller who sees the measure: the active staff of the responsible and the involved departments.</summary>
public sealed class ListMeasureOwners(GuanxiDbContext db, MeasureDesk desk)
{
    public async Task<Result<IReadOnlyList<OwnerChoice>>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (await desk.Load(viewer, id, tracked: false, cancellationToken) is not { } hand)
            return MeasureErrors.NotFound;
        var units = hand.Measure.Involvements.Select(i => i.DepartmentId).Append(hand.Measure.DepartmentId).ToList();
        var staff = await db.Users.AsNoTracking().Where(u => u.IsActive && units.Contains(u.DepartmentId))
            .OrderBy(u => u.DepartmentId == hand.Measure.DepartmentId ? 0 : 1).ThenBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.DepartmentId }).Take(500).ToListAsync(cancellationToken);
        var names = await DepartmentNames.All(db, cancellationToken);
        return staff.Select(s => new OwnerChoice(s.Id, s.DisplayName, names.GetValueOrDefault(s.DepartmentId))).ToList();
    }
}
