using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Contacts;

/// <summary>SVC-1: a customer's contacts, newest first, paged, for whoever sees the customer (out of sight: not found).</summary>
public sealed class ListContacts(GuanxiDbContext db, CustomerViewers viewers, StaffNames staffNames)
{
    public async Task<Result<Page<ContactRecordView>>> Handle(Guid customerId, Paging paging, CancellationToken cancellationToken = default)
    {
        if (await viewers.WithCustomer(customerId, cancellationToken) is not { } seen)
            return CustomerWebErrors.NotFound;
        var contacts = db.Set<Contact>().AsNoTracking().Where(k => k.CustomerId == customerId);
        var total = await contacts.CountAsync(cancellationToken);
        var page = await contacts.OrderByDescending(k => k.At).ThenByDescending(k => k.Id).Skip(paging.Offset).Take(paging.Size).ToListAsync(cancellationToken);
        var names = await staffNames.Of(page.Select(k => k.StaffId), cancellationToken);
        return new Page<ContactRecordView>([.. page.Select(k => GetContact.View(k, seen.Customer.Name, names))], total, paging.Number, paging.Size);
    }
}
