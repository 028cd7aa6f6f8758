using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// CAPA-8: the executive VP, the general manager or the customer-service manager makes a plan for a department and post;
/// its inspections of this month (from today) and the next are scheduled at once, and the inspector hears of them.
/// </summary>
public sealed class CreatePlan(GuanxiDbContext db, InspectionDesk desk, PlanRules rules, PlanViews views, InspectionScheduler scheduler, EnterpriseCalendar calendar,
    TimeProvider time, ILogger<CreatePlan> logger)
{
    public async Task<Result<PlanView>> Handle(PlanBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!InspectionAccess.Plans(viewer))
            return InspectionErrors.NotPlanner;
        var content = body.ToContent();
        if (InspectionPlan.Check(content, []) is { Count: > 0 } invalid)
            return Result<PlanView>.Fail(invalid);
        if (await rules.Check(content, null, cancellationToken) is { Count: > 0 } refused)
            return Result<PlanView>.Fail(refused);
        var now = time.GetUtcNow();
        var today = desk.Day(now);
        var made = InspectionPlan.Create(content, Actor.Staff(viewer.UserId), now, today);
        if (made.Value is not { } plan)
            return Result<PlanView>.Fail(made.Errors);
        db.Add(plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)   // the same department and post saved by someone else at the same moment
        {
            db.ChangeTracker.Clear();
            return await rules.Check(content, null, cancellationToken) is { Count: > 0 } taken ? Result<PlanView>.Fail(taken) : Versions.Raced;
        }
        await Schedule(plan, now, today, cancellationToken);
        return await views.Of(viewer, plan, cancellationToken);
    }

    private async Task Schedule(InspectionPlan plan, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.Sync([plan], await calendar.Current(cancellationToken), today, now, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation(e, "Plan {Plan}: the schedule ran at the same moment; its next run completes the inspections", plan.Id);
        }
    }
}
