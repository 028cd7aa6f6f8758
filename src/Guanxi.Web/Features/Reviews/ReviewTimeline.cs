using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Reviews;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Reviews;

/// <summary>
/// SVC-1, ARC-6: the customer's periodic reviews on their timeline — filed, with the category and the owner's note; still
/// open, with the cause flagged. Each links to the customer's lifecycle tab, which lists the review task and its outcome.
/// </summary>
public sealed class ReviewTimeline(GuanxiDbContext db, EnterpriseClock clock) : ITimelineSource
{
    public string Kind => TimelineKinds.Review;

    public Task<int> Count(Viewer viewer, Guid customerId, CancellationToken cancellationToken) =>
        (from r in db.Set<CustomerReview>() join t in db.Set<CustomerTask>() on r.Id equals t.Id where r.CustomerId == customerId select r.Id).CountAsync(cancellationToken);

    public async Task<IReadOnlyList<TimelineEntry>> Newest(Viewer viewer, Guid customerId, int take, bool english, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var reviews = await (from r in db.Set<CustomerReview>().AsNoTracking()
                             join t in db.Set<CustomerTask>().AsNoTracking() on r.Id equals t.Id
                             where r.CustomerId == customerId
                             orderby t.DoneAt ?? t.CreatedAt descending, r.Id descending
                             select new { r.Id, r.Category, r.Note, r.CauseNote, r.CauseNoteEn, t.CreatedAt, t.DoneAt, t.DueOn, t.DoneById, t.AssigneeId })
            .Take(take).ToListAsync(cancellationToken);
        return [.. reviews.Select(r =>
        {
            var due = r.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var state = r.Category is { } c ? (english ? $"filed as {c.English()}" : $"归档为{c.Chinese()}")
                : r.DueOn < today ? (english ? $"overdue since {due}" : $"已逾期，应于 {due} 前完成")
                : (english ? $"due by {due}" : $"待核查，{due} 前完成");
            var cause = english ? r.CauseNoteEn : r.CauseNote;
            var summary = string.Join(english ? " — " : "；", new[] { cause, r.Note }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return new TimelineEntry(Kind, r.DoneAt ?? r.CreatedAt, $"{(english ? "Periodic review" : "定期核查")} · {state}",
                summary.Length == 0 ? null : summary, $"/customers/{customerId}?tab=lifecycle", r.Id, r.DoneById ?? r.AssigneeId);
        })];
    }
}
