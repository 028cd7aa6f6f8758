using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Contacts;

/// <summary>SEC-1: an erased customer's contacts keep their channel, time and touchpoint for the figures; what was said and what came of it are redacted.</summary>
public sealed class EraseContacts(GuanxiDbContext db) : ICustomerErasureStep
{
    public Task EraseAsync(IReadOnlyList<Guid> customerIds, CancellationToken cancellationToken) =>
        db.Set<Contact>().Where(k => customerIds.Contains(k.CustomerId))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.Summary, EraseCustomer.Redacted)
                .SetProperty(k => k.Outcome, k => k.Outcome == null ? null : EraseCustomer.Redacted), cancellationToken);
}
