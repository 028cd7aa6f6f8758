using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

public sealed record MessageRow(Guid Id, Guid CustomerId, string CustomerName, Channel Channel, MessageKind Kind, string? Occasion, string? Address, string? Subject, string Text,
    DateTimeOffset PlannedAt, MessageStatus Status, SuppressionReason? Reason, DateTimeOffset? SentAt, DateTimeOffset? DoneAt, string? ErrorCode, string? ErrorText, Guid? BulkSendId, string By);

/// <summary>
/// The outbox (SVC-5): one customer's messages for whoever sees the customer, or every message in the caller's sight for
/// those who oversee customers, newest first; the address masked unless the caller may see it.
/// </summary>
public sealed class ListMessages(GuanxiDbContext db, CustomerViewers viewers, StaffNames names)
{
    public static readonly Error BadStatus = new("messages.status", "状态无效：queued、sending、sent、delivered、failed、suppressed。", "Unknown status: queued, sending, sent, delivered, failed, suppressed.", "status");

    public async Task<Result<Page<MessageRow>>> Handle(Guid? customerId, string? status, Guid? bulkSendId, Paging paging, Channel? channel = null, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!ApiEnums.TryParse<MessageStatus>(status, out var state))
            return BadStatus;
        var messages = db.Set<OutboxMessage>().AsNoTracking();
        if (customerId is { } id)
        {
            if (await viewers.WithCustomer(id, cancellationToken) is null)
                return CustomerWebErrors.NotFound;
            messages = messages.Where(m => m.CustomerId == id);
        }
        else if (!MessagingAccess.ReadsOutbox(viewer))
            return MessagingWebErrors.NotAllowed;
        if (state is { } s)
            messages = messages.Where(m => m.Status == s);
        if (channel is { } ch)
            messages = messages.Where(m => m.Channel == ch);
        if (bulkSendId is { } bulk)
            messages = messages.Where(m => m.BulkSendId == bulk);
        var rows = from m in messages
                   join c in db.Set<Customer>() on m.CustomerId equals c.Id
                   select new { Message = m, c.Name, c.OwnerId, c.DepartmentId };
        if (CustomerAccess.ListedDepartment(viewer) is { } department)
            rows = rows.Where(r => r.DepartmentId == department);
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(r => r.Message.CreatedAt).ThenBy(r => r.Message.Id).Skip(paging.Offset).Take(paging.Size).ToListAsync(cancellationToken);
        var who = await names.Of(page.Select(r => r.Message.ById), cancellationToken);
        return new Page<MessageRow>([.. page.Select(r =>
        {
            var m = r.Message;
            var full = CustomerAccess.SightOf(viewer, r.OwnerId, r.DepartmentId) == CustomerSight.Full;
            var address = m.Address is null ? null : full ? m.Address : m.Channel == Channel.Email ? PersonalDataMask.Email(m.Address) : PersonalDataMask.Phone(m.Address);
            return new MessageRow(m.Id, m.CustomerId, r.Name, m.Channel, m.Kind, m.Occasion, address, m.Subject, m.Text, m.PlannedAt, m.Status, m.Reason, m.SentAt, m.DoneAt,
                m.ErrorCode, m.ErrorText, m.BulkSendId, who.Who(m.ById));
        })], total, paging.Number, paging.Size);
    }
}
