using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Contacts;

/// <summary>ARC-2: a merge moves the merged customers' contacts to the survivor, whose last contact becomes the latest of them all.</summary>
public sealed class MoveContacts(GuanxiDbContext db) : ICustomerMergeStep
{
    public async Task MoveAsync(IReadOnlyList<Guid> mergedIds, Guid survivorId, CancellationToken cancellationToken)
    {
        if (await db.Set<Contact>().Where(k => mergedIds.Contains(k.CustomerId)).ExecuteUpdateAsync(s => s.SetProperty(k => k.CustomerId, survivorId), cancellationToken) == 0)
            return;
        var last = await db.Set<Contact>().Where(k => k.CustomerId == survivorId).MaxAsync(k => (DateTimeOffset?)k.At, cancellationToken);
        await db.Set<Customer>().Where(c => c.Id == survivorId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastContactAt, last), cancellationToken);
    }
}
