using Guanxi.Domain.Accounts;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>SAT-1: tasks are shared evenly among the callback specialists.</summary>
public static class SurveyAssignment
{
    /// <summary>Each new task to the active callback specialist with the fewest open tasks.</summary>
    public static async Task Assign(GuanxiDbContext db, IReadOnlyList<SurveyTask> tasks, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tasks);
        var specialists = await (from u in db.Users
                                 join ur in db.UserRoles on u.Id equals ur.UserId
                                 join r in db.Roles on ur.RoleId equals r.Id
                                 where r.Name == nameof(Role.CallbackSpecialist) && u.IsActive
                                 orderby u.Id
                                 select u.Id).ToListAsync(cancellationToken);
        if (specialists.Count == 0)
            return;
        var open = await db.Set<SurveyTask>().Where(t => t.Outcome == SurveyOutcome.Pending && t.Due >= day && t.AssigneeId != null)
            .GroupBy(t => t.AssigneeId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var load = new PriorityQueue<string, (int, string)>(specialists.Select(s => (s, (open.GetValueOrDefault(s), s))));
        foreach (var task in tasks)
        {
            load.TryDequeue(out var specialist, out var count);
            task.AssignTo(specialist);
            load.Enqueue(specialist!, (count.Item1 + 1, specialist!));
        }
    }
}
