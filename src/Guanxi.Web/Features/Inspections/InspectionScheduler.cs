using System.Globalization;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Calendar;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Attachments;
using Guanxi.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>What a run of the schedule did.</summary>
public sealed record ScheduleRun(int Plans, int Scheduled, int Moved, int Cancelled, int Notices);

/// <summary>
/// CAPA-8: keeps plans and their inspections in step. Each active plan has its inspections of the current and the next
/// month (<see cref="InspectionPlan.Owed"/>: N a month on the working calendar, from the day the plan starts) — made once
/// each, by plan, month and number, so a second run makes none, and never on a day already past (a plan made, or given more
/// inspections a month, in the middle of a month starts with the days still ahead; the next month is made a month early,
/// so a night the job did not run loses nothing). The inspections not yet carried out follow their plan:
/// its post, checklist and inspector, and their day when the frequency changed; those from today on that the plan no
/// longer owes (switched off, fewer a month) are cancelled with their photos. Whoever gets inspections hears of them.
/// </summary>
public sealed class InspectionScheduler(GuanxiDbContext db, AttachmentStore attachments, Notifier notifier)
{
    public async Task<ScheduleRun> Sync(IReadOnlyList<InspectionPlan> plans, WorkCalendar calendar, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        if (plans.Count == 0)
            return new(0, 0, 0, 0, 0);
        var months = new[] { InspectionSchedule.FirstOf(today), InspectionSchedule.FirstOf(today).AddMonths(1) };
        var planIds = plans.Select(p => p.Id).ToList();
        var existing = await db.Set<Inspection>()
            .Where(i => planIds.Contains(i.PlanId) && (i.DoneAt == null || months.Contains(i.Month)))
            .ToListAsync(cancellationToken);
        var keys = existing.Select(i => (i.PlanId, i.Month, i.Sequence)).ToHashSet();
        var (scheduled, moved, cancelled) = (new List<Inspection>(), 0, new List<Inspection>());
        var assigned = new List<(InspectionPlan Plan, Inspection Inspection)>();
        foreach (var plan in plans)
        {
            var owed = months.ToDictionary(m => m, m => plan.Active ? plan.Owed(m, calendar).ToDictionary(d => d.Sequence, d => d.On) : []);
            foreach (var inspection in existing.Where(i => i.PlanId == plan.Id && !i.IsDone))
            {
                var due = owed.TryGetValue(inspection.Month, out var days) && days.TryGetValue(inspection.Sequence, out var day) ? day : (DateOnly?)null;
                if (inspection.DueOn >= today && (!plan.Active || inspection.Sequence > plan.PerMonth))
                {
                    cancelled.Add(inspection);
                    continue;
                }
                var inspector = inspection.InspectorId;
                inspection.Follow(plan);
                if (inspection.InspectorId != inspector)
                    assigned.Add((plan, inspection));
                if (due is { } on && on >= today && inspection.DueOn >= today && inspection.MoveTo(on))
                    moved++;
            }
            foreach (var (month, days) in owed)
            {
                foreach (var (sequence, on) in days.Where(d => d.Value >= today && !keys.Contains((plan.Id, month, d.Key))))
                {
                    var inspection = Inspection.Schedule(plan, month, sequence, on, now);
                    scheduled.Add(inspection);
                    assigned.Add((plan, inspection));
                }
            }
        }
        db.AddRange(scheduled);
        db.RemoveRange(cancelled);
        var notices = await Notices(assigned, cancellationToken);
        await notifier.ToStaff(notices, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (cancelled.Count > 0)
            await attachments.RemoveAll(InspectionPhotos.Kind, [.. cancelled.SelectMany(i => i.Checklist.Select(c => InspectionPhotos.Owner(i.Id, c.Id)))], cancellationToken);
        return new(plans.Count, scheduled.Count, moved, cancelled.Count, notices.Count);
    }

    /// <summary>One notice per inspector and plan: the days of the inspections they were given.</summary>
    private async Task<List<StaffNotice>> Notices(List<(InspectionPlan Plan, Inspection Inspection)> assigned, CancellationToken cancellationToken)
    {
        if (assigned.Count == 0)
            return [];
        var departments = assigned.Select(a => a.Plan.DepartmentId).Distinct().ToList();
        var names = await db.Set<Department>().Where(d => departments.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return [.. assigned.GroupBy(a => (a.Inspection.InspectorId, a.Plan)).Select(g =>
        {
            var plan = g.Key.Plan;
            var days = g.Select(a => a.Inspection.DueOn).Order().ToList();
            var department = names.GetValueOrDefault(plan.DepartmentId, "");
            var zhDays = string.Join("、", days.Select(d => d.ToString("M月d日", CultureInfo.InvariantCulture)));
            var enDays = string.Join(", ", days.Select(d => d.ToString("d MMM", CultureInfo.GetCultureInfo("en-GB"))));
            return new StaffNotice(g.Key.InspectorId, null, $"专项检查安排：{department}·{plan.Post}", $"Inspections scheduled: {department} · {plan.Post}",
                $"请按计划对{department}「{plan.Post}」岗位进行专项检查：{zhDays}。", $"Inspect the {plan.Post} post of {department} on {enDays}.", "/inspections");
        })];
    }
}
