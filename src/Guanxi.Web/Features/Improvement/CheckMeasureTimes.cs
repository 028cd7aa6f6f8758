using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Improvement;

public sealed record MeasureTimesRun(int LatePlans, int Escalations);

/// <summary>
/// CAPA-3, CAPA-4, run by <see cref="MeasureTimesJob"/>: a plan not set by its last working day is flagged and goes to the
/// executive VP (once); an involved department that has not confirmed its part within the set working days goes to the VP
/// too (once). Each measure is saved on its own: one that someone is changing at the same moment is taken up next run.
/// </summary>
public sealed class CheckMeasureTimes(GuanxiDbContext db, MeasureDesk desk, TimeProvider time)
{
    public async Task<MeasureTimesRun> Handle(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = desk.DayOf(now);
        var calendar = await desk.Calendar(cancellationToken);
        var policy = await desk.Policy(cancellationToken);
        var due = await db.Set<Measure>()
            .Where(m => m.Status != MeasureStatus.Closed
                && (m.Status == MeasureStatus.Signed && m.PlanDueOn < today && m.PlanEscalatedAt == null
                    || m.Involvements.Any(i => i.ConfirmedAt == null && i.EscalatedAt == null)))
            .Include(m => m.Involvements).Include(m => m.Steps).Include(m => m.Actions).Include(m => m.Acceptances).Include(m => m.Penalties).AsSplitQuery()
            .ToListAsync(cancellationToken);
        var (late, escalated) = (0, 0);
        foreach (var measure in due)
        {
            var flagged = measure.FlagLatePlan(now, today);
            if (flagged)
            {
                late++;
                await desk.ToVp(measure, ("改进计划逾期未定", "The improvement plan is late"),
                    ($"责任部门应在 {measure.PlanDueOn:yyyy-MM-dd} 前制定改进计划，至今未定。", $"The department's plan was due on {measure.PlanDueOn:yyyy-MM-dd} and is not set."), cancellationToken);
            }
            foreach (var involvement in measure.Involvements.Where(i => i.ConfirmedAt is null && i.EscalatedAt is null).ToList())
            {
                var involvedOn = DateOnly.FromDateTime(desk.Clock.ToLocal(involvement.InvolvedAt).DateTime);
                if (today <= calendar.AddWorkingDays(involvedOn, policy.CoordinationWorkingDays))
                    continue;
                if (measure.EscalateCoordination(involvement.DepartmentId, "协同部门逾期未确认", Actor.System(), now).Succeeded)
                {
                    escalated++;
                    await desk.ToVp(measure, ("协同事项逾期未确认，请协调", "A coordination is unconfirmed"),
                        ($"协同内容：{involvement.Part}", $"Part asked: {involvement.Part}"), cancellationToken);
                }
            }
            if (await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is not null)
            {
                db.ChangeTracker.Clear();   // someone changed one at this moment: the rest waits for the next run
                break;
            }
        }
        return new MeasureTimesRun(late, escalated);
    }
}
