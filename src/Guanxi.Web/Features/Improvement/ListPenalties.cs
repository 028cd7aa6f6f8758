using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Improvement;

public sealed record PenaltyRow(Guid Id, Guid MeasureId, string MeasureNumber, string MeasureTitle, string? StaffId, string? Staff, Guid DepartmentId, string? Department,
    string Rule, string? Note, string ProposedById, string ProposedBy, DateTimeOffset ProposedAt);

/// <summary>
/// CAPA-7: the penalty proposals on record — a department's and a person's, for the staff assessment — newest first: the VP,
/// the general manager and the customer-service manager read all; a department manager their department's; anyone their own.
/// </summary>
public sealed class ListPenalties(GuanxiDbContext db, MeasureDesk desk, StaffNames staffNames)
{
    public async Task<Result<Page<PenaltyRow>>> Handle(Guid? departmentId, string? staffId, Paging paging, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paging);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var penalties = db.Set<MeasurePenalty>().AsNoTracking();
        if (!MeasureAccess.SeesAll(viewer))
        {
            var (me, mine, manages) = (viewer.UserId, viewer.DepartmentId, viewer.Is(Role.DepartmentManager));
            penalties = penalties.Where(p => p.StaffId == me || manages && p.DepartmentId == mine);
        }
        if (departmentId is { } department)
            penalties = penalties.Where(p => p.DepartmentId == department);
        if (!string.IsNullOrWhiteSpace(staffId))
            penalties = penalties.Where(p => p.StaffId == staffId);
        var total = await penalties.CountAsync(cancellationToken);
        var rows = await (from p in penalties
                          join m in db.Set<Measure>() on p.MeasureId equals m.Id
                          orderby p.ProposedAt descending, p.Id
                          select new { p, m.Number, m.Title }).Skip(paging.Offset).Take(paging.Size).ToListAsync(cancellationToken);
        var names = await staffNames.Of([.. rows.Select(r => r.p.StaffId), .. rows.Select(r => r.p.ProposedById)], cancellationToken);
        var departments = await DepartmentNames.All(db, cancellationToken);
        return new Page<PenaltyRow>([.. rows.Select(r => new PenaltyRow(r.p.Id, r.p.MeasureId, r.Number, r.Title, r.p.StaffId, names.WhoIfAny(r.p.StaffId), r.p.DepartmentId,
            departments.GetValueOrDefault(r.p.DepartmentId), r.p.Rule, r.p.Note, r.p.ProposedById, names.Who(r.p.ProposedById), desk.Clock.ToLocal(r.p.ProposedAt)))],
            total, paging.Number, paging.Size);
    }
}
