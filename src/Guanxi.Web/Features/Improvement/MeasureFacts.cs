using Guanxi.Domain.Improvement;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Improvement;

/// <summary>
/// A 工作台's 改进措施 card: the open measures, of those overdue (the plan or the deadline passed, as the register counts
/// them), awaiting acceptance, and signed but without a plan yet.
/// </summary>
public sealed record MeasureFigures(int Open, int Overdue, int AwaitingAcceptance, int PlansDue);

/// <summary>
/// Issue 24 item 9: the measures' figures the 工作台 shows — every measure for those who see all, a department's for its
/// manager (those it answers for). Read live: one grouped count over the open measures, which the indexes on the status
/// and on the department and status answer.
/// </summary>
public static class MeasureFacts
{
    public static async Task<MeasureFigures> Count(GuanxiDbContext db, Guid? departmentId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = db.Set<Measure>().AsNoTracking().Where(m => m.Status != MeasureStatus.Closed);
        if (departmentId is { } department)
            open = open.Where(m => m.DepartmentId == department);
        var counted = await open.GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(),
            Overdue = g.Count(m => m.Status == MeasureStatus.Signed && m.PlanDueOn < today || m.ActionsDoneOn == null && m.DueOn < today),
            Awaiting = g.Count(m => m.Status == MeasureStatus.AwaitingAcceptance),
            PlansDue = g.Count(m => m.Status == MeasureStatus.Signed),
        }).SingleOrDefaultAsync(cancellationToken);
        return counted is null ? new MeasureFigures(0, 0, 0, 0) : new MeasureFigures(counted.Open, counted.Overdue, counted.Awaiting, counted.PlansDue);
    }
}
