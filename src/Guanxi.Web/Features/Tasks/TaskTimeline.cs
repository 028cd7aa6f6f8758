using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Tasks;

/// <summary>
/// SVC-1: the owner's tasks for the customer (LIF-2's care calls and win-back visits) on the customer's timeline — when
/// done, with what came of it; still to do, when they were given. The periodic reviews are the reviews' own kind. Each
/// links to the customer's lifecycle tab, which lists their tasks to whoever sees the customer.
/// </summary>
public sealed class TaskTimeline(GuanxiDbContext db, EnterpriseClock clock) : ITimelineSource
{
    public string Kind => TimelineKinds.Task;

    public Task<int> Count(Viewer viewer, Guid customerId, CancellationToken cancellationToken) =>
        db.Set<CustomerTask>().CountAsync(t => t.CustomerId == customerId && t.Kind != CustomerTaskKind.Review, cancellationToken);

    public async Task<IReadOnlyList<TimelineEntry>> Newest(Viewer viewer, Guid customerId, int take, bool english, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var tasks = await db.Set<CustomerTask>().AsNoTracking().Where(t => t.CustomerId == customerId && t.Kind != CustomerTaskKind.Review)
            .OrderByDescending(t => t.DoneAt ?? t.CreatedAt).ThenByDescending(t => t.Id).Take(take)
            .Select(t => new { t.Id, t.Kind, t.DueOn, t.Note, t.NoteEn, t.CreatedAt, t.DoneAt, t.DoneById, t.AssigneeId, t.Outcome })
            .ToListAsync(cancellationToken);
        return [.. tasks.Select(t =>
        {
            var state = t.DoneAt is not null ? (english ? "done" : "已完成")
                : t.DueOn < today ? (english ? $"overdue since {Iso(t.DueOn)}" : $"已逾期，应于 {Iso(t.DueOn)} 前完成")
                : (english ? $"due by {Iso(t.DueOn)}" : $"待办，{Iso(t.DueOn)} 前完成");
            var note = english ? t.NoteEn : t.Note;
            return new TimelineEntry(Kind, t.DoneAt ?? t.CreatedAt, $"{(english ? t.Kind.English() : t.Kind.Chinese())} · {state}",
                t.Outcome is null ? note : $"{note}{(english ? " — Outcome: " : " — 结果：")}{t.Outcome}",
                $"/customers/{customerId}?tab=lifecycle", t.Id, t.DoneById ?? t.AssigneeId);
        })];
    }

    /// <summary>A date inside a kept sentence, as the pages show them (Formatter.Sentence).</summary>
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
