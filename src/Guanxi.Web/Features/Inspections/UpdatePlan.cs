using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// CAPA-8: those who plan change a plan — its post, frequency, checklist (an item named by its id keeps it when renamed),
/// inspector, on or off — naming the version read (If-Match: 428 without, 412 when stale). The inspections not yet
/// carried out follow it (<see cref="InspectionScheduler"/>); carried-out ones keep what they were done with.
/// </summary>
public sealed class UpdatePlan(GuanxiDbContext db, InspectionDesk desk, PlanRules rules, PlanViews views, InspectionScheduler scheduler, EnterpriseCalendar calendar,
    TimeProvider time, ILogger<UpdatePlan> logger)
{
    public async Task<Result<PlanView>> Handle(Guid id, PlanBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var plan = await db.Set<InspectionPlan>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null || !InspectionAccess.Sees(viewer, plan))
            return InspectionErrors.PlanNotFound;
        if (!InspectionAccess.Plans(viewer))
            return InspectionErrors.NotPlanner;
        if (Versions.Check(version, plan.Version, required: true) is { } stale)
            return stale;
        var content = body.ToContent();
        if (InspectionPlan.Check(content, plan.Items) is { Count: > 0 } invalid)
            return Result<PlanView>.Fail(invalid);
        if (await rules.Check(content, plan.Id, cancellationToken) is { Count: > 0 } refused)
            return Result<PlanView>.Fail(refused);
        var now = time.GetUtcNow();
        var today = desk.Day(now);
        var changed = plan.Change(content, Actor.Staff(viewer.UserId), now, today);
        if (!changed.Succeeded)
            return Result<PlanView>.Fail(changed.Errors);
        try
        {
            if (await db.SaveOrRacedAsync(Versions.Stale, cancellationToken) is { } raced)
                return raced;
        }
        catch (DbUpdateException)   // another plan took the same department and post at the same moment
        {
            db.ChangeTracker.Clear();
            return await rules.Check(content, plan.Id, cancellationToken) is { Count: > 0 } taken ? Result<PlanView>.Fail(taken) : Versions.Raced;
        }
        try
        {
            await scheduler.Sync([plan], await calendar.Current(cancellationToken), today, now, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation(e, "Plan {Plan}: an inspection changed or was scheduled at the same moment; the next run of the schedule brings it in step", plan.Id);
        }
        return await views.Of(viewer, plan, cancellationToken);
    }
}
