using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Contacts;

/// <summary>SVC-1: the contacts on the customer's timeline — channel, direction and touchpoint, what was said and what came of it; each on its page.</summary>
public sealed class ContactTimeline(GuanxiDbContext db) : ITimelineSource
{
    public string Kind => TimelineKinds.Contact;

    public Task<int> Count(Viewer viewer, Guid customerId, CancellationToken cancellationToken) =>
        db.Set<Contact>().CountAsync(k => k.CustomerId == customerId, cancellationToken);

    public async Task<IReadOnlyList<TimelineEntry>> Newest(Viewer viewer, Guid customerId, int take, bool english, CancellationToken cancellationToken)
    {
        var contacts = await db.Set<Contact>().AsNoTracking().Where(k => k.CustomerId == customerId)
            .OrderByDescending(k => k.At).ThenByDescending(k => k.Id).Take(take)
            .Select(k => new { k.Id, k.Channel, k.Direction, k.Touchpoint, k.At, k.Summary, k.Outcome, k.StaffId })
            .ToListAsync(cancellationToken);
        return [.. contacts.Select(k => new TimelineEntry(Kind, k.At, Title(k.Channel, k.Direction, k.Touchpoint, english),
            k.Outcome is null ? k.Summary : $"{k.Summary}{(english ? " — Outcome: " : " — 结果：")}{k.Outcome}", $"/contacts/{k.Id}", k.Id, k.StaffId))];
    }

    /// <summary>电话 · 主动联系 · 售后 / Phone · Outbound · After-sale.</summary>
    public static string Title(ContactChannel channel, ContactDirection direction, Touchpoint touchpoint, bool english) => english
        ? $"{channel.English()} · {direction.English()} · {touchpoint.English()}"
        : $"{channel.Chinese()} · {direction.Chinese()} · {touchpoint.Chinese()}";
}
