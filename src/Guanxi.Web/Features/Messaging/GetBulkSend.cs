using Guanxi.Domain.Common;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

/// <summary>A bulk send and its results: queued, sending, sent, delivered, failed, suppressed by reason, and customers who opted out of the channel after it.</summary>
public sealed record BulkSendView(Guid Id, Channel Channel, MessageKind Kind, Guid TemplateId, string TemplateName, string Filter, DateTimeOffset SendAt, DateTimeOffset CreatedAt,
    string By, string ById, int Recipients, IReadOnlyDictionary<string, int> Suppressed, int Queued, int Sending, int Sent, int Delivered, int Failed, int OptedOutAfter);

/// <summary>SVC-5: a bulk send's progress and results, for its sender and whoever oversees every customer; out of sight is not found.</summary>
public sealed class GetBulkSend(GuanxiDbContext db, CustomerViewers viewers, StaffNames names)
{
    public static readonly Error NotFound = Error.NotFound("bulk.not_found", "找不到该群发记录。", "The bulk send does not exist.");

    public async Task<Result<BulkSendView>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (await db.Set<BulkSend>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is not { } send
            || !(send.ById == viewer.UserId || MessagingAccess.Manages(viewer) || Domain.Customers.CustomerAccess.SeesEveryDepartment(viewer) && MessagingAccess.ReadsOutbox(viewer)
                 || send.DepartmentId == viewer.DepartmentId && viewer.Is(Domain.Accounts.Role.DepartmentManager)))
            return NotFound;
        var counts = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BulkSendId == id).GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var optedOut = await db.Set<ConsentChange>().AsNoTracking()
            .Where(c => c.Channel == send.Channel && c.Kind == MessageKind.Marketing && c.State == ConsentState.Withdrawn && c.At >= send.CreatedAt
                && db.Set<OutboxMessage>().Any(m => m.BulkSendId == id && m.CustomerId == c.CustomerId && m.Status != MessageStatus.Suppressed))
            .Select(c => c.CustomerId).Distinct().CountAsync(cancellationToken);
        var template = await db.Set<MessageTemplate>().AsNoTracking().Where(t => t.Id == send.TemplateId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        var who = await names.Of([send.ById], cancellationToken);
        int Count(MessageStatus s) => counts.GetValueOrDefault(s);
        return new BulkSendView(send.Id, send.Channel, send.Kind, send.TemplateId, template, send.Filter, send.SendAt, send.CreatedAt, who.Who(send.ById), send.ById, send.Recipients,
            send.Suppressed.ToDictionary(s => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.Key.ToString()), s => s.Value),
            Count(MessageStatus.Queued), Count(MessageStatus.Sending), Count(MessageStatus.Sent), Count(MessageStatus.Delivered), Count(MessageStatus.Failed), optedOut);
    }
}
