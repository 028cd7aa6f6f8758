using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-1, SVC-2: the customer's complaints on their timeline, when received, with the category, the state and the
/// summary, each on its page. The timeline has checked that the caller sees the customer, so <see cref="ComplaintAccess.Sees"/>
/// leaves one rule to apply: a complaint about the caller is theirs to see only once handled (SVC-11), unless they were
/// given it or read as customer service or leadership.
/// </summary>
public sealed class ComplaintTimeline(GuanxiDbContext db, ComplaintDesk desk) : ITimelineSource
{
    public string Kind => TimelineKinds.Complaint;

    public Task<int> Count(Viewer viewer, Guid customerId, CancellationToken cancellationToken) => Visible(viewer, customerId).CountAsync(cancellationToken);

    public async Task<IReadOnlyList<TimelineEntry>> Newest(Viewer viewer, Guid customerId, int take, bool english, CancellationToken cancellationToken)
    {
        var complaints = await Visible(viewer, customerId).AsNoTracking().OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new { c.Id, c.ReceivedAt, c.Category, c.Status, c.Severity, c.Summary, c.ReceivedById, c.ReopenCount }).ToListAsync(cancellationToken);
        var categories = await desk.Categories(cancellationToken);
        return [.. complaints.Select(c => new TimelineEntry(Kind, c.ReceivedAt,
            $"{(english ? "Complaint" : "投诉")} · {ComplaintDesk.CategoryName(categories, c.Category)} · {ComplaintTexts.Status(c.Status, english)}",
            english
                ? $"{c.Summary} ({ComplaintTexts.Severity(c.Severity, true)}{(c.ReopenCount > 0 ? $", reopened {c.ReopenCount}×" : "")})"
                : $"{c.Summary}（{ComplaintTexts.Severity(c.Severity, false)}{(c.ReopenCount > 0 ? $"，重新打开 {c.ReopenCount} 次" : "")}）",
            $"/complaints/{c.Id}", c.Id, c.ReceivedById))];
    }

    private IQueryable<Complaint> Visible(Viewer viewer, Guid customerId)
    {
        var me = viewer.UserId;
        var exempt = viewer.IsLeadership || viewer.IsCustomerService;
        return db.Set<Complaint>().Where(c => c.CustomerId == customerId
            && (exempt || c.AssigneeId == me || c.StaffId != me || c.Status == ComplaintStatus.Resolved || c.Status == ComplaintStatus.Closed));
    }
}
