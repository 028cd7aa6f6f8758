using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// One event of the timeline: <c>kind</c> (contact|order|survey|complaint|task|review|care), <c>at</c>, <c>title</c> and
/// <c>summary</c> in the caller's language, <c>link</c> the page it is seen on; <c>id</c> the record's, <c>by</c> who did it
/// as named today and <c>byId</c> their id, <c>allDay</c> when the event has a day and no time.
/// </summary>
public sealed record TimelineItem(string Kind, DateTimeOffset At, string Title, string? Summary, string Link, Guid Id, string? By, string? ById, bool AllDay);

/// <summary>
/// SVC-1: a customer's 时间线 — every contact, order, survey, task and review (complaints and care messages when they come)
/// the caller may see, newest first, paged, of one or more kinds. Each source gives its newest (page × pageSize) events and
/// its count; the timeline merges them by time, keeping each source's own order. A customer out of sight is not found.
/// </summary>
public sealed class GetCustomerTimeline(GuanxiDbContext db, CustomerViewers viewers, StaffNames staffNames, IEnumerable<ITimelineSource> sources)
{
    public static readonly Error UnknownKind = new("timeline.kind", $"kind 只能是 {string.Join("、", TimelineKinds.All)}（多个用逗号分隔）。",
        $"kind is one or more of {string.Join(", ", TimelineKinds.All)}, separated by commas.", "kind");

    public async Task<Result<Page<TimelineItem>>> Handle(Guid customerId, string? kind, Paging paging, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return CustomerWebErrors.NotFound;
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId && c.Status != CustomerStatus.Merged)
            .Select(c => new { c.OwnerId, c.DepartmentId }).SingleOrDefaultAsync(cancellationToken);
        if (customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        var kinds = (kind ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (kinds.Any(k => !TimelineKinds.All.Contains(k)))
            return UnknownKind;

        var chosen = sources.Where(s => kinds.Length == 0 || kinds.Contains(s.Kind)).OrderBy(s => IndexOf(s.Kind)).ToList();
        var counts = new List<int>();
        foreach (var source in chosen)
            counts.Add(await source.Count(viewer, customerId, cancellationToken));
        var total = counts.Sum();
        var wanted = (long)paging.Offset + paging.Size;
        var lists = new List<IReadOnlyList<TimelineEntry>>();
        if (paging.Offset < total)
        {
            var english = Cultures.IsEnglish;
            for (var i = 0; i < chosen.Count; i++)
                lists.Add(counts[i] == 0 ? [] : await chosen[i].Newest(viewer, customerId, (int)Math.Min(wanted, counts[i]), english, cancellationToken));
        }
        var page = Merge(lists).Skip(paging.Offset).Take(paging.Size).ToList();
        var names = await staffNames.Of(page.Select(e => e.ById), cancellationToken);
        return new Page<TimelineItem>([.. page.Select(e => new TimelineItem(e.Kind, e.At, e.Title, e.Summary, e.Link, e.Id, names.WhoIfAny(e.ById), e.ById, e.AllDay))],
            total, paging.Number, paging.Size);
    }

    /// <summary>The kinds the timeline has now (a source registered for each), in <see cref="TimelineKinds.All"/>'s order: the page's filter chips.</summary>
    public IReadOnlyList<string> Kinds => [.. sources.Select(s => s.Kind).Distinct().OrderBy(IndexOf)];

    private static int IndexOf(string kind) => TimelineKinds.All.ToList().IndexOf(kind);

    /// <summary>
    /// The sources' lists, each newest first, as one list newest first: at each step the newest head (on a tie, the source
    /// first in <see cref="TimelineKinds.All"/>) — each source's own order kept, so that its newest N are always the
    /// first N of it on the merged timeline and the pages neither repeat nor skip an event.
    /// </summary>
    private static IEnumerable<TimelineEntry> Merge(List<IReadOnlyList<TimelineEntry>> lists)
    {
        var heads = new int[lists.Count];
        while (true)
        {
            var best = -1;
            for (var i = 0; i < lists.Count; i++)
            {
                if (heads[i] < lists[i].Count && (best < 0 || lists[i][heads[i]].At > lists[best][heads[best]].At))
                    best = i;
            }
            if (best < 0)
                yield break;
            yield return lists[best][heads[best]++];
        }
    }
}
