using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Cases;

/// <summary>ARC-2: a case that names a merged customer names the survivor instead (once, in the same place).</summary>
public sealed class MoveCaseLinks(GuanxiDbContext db) : ICustomerMergeStep
{
    public async Task MoveAsync(IReadOnlyList<Guid> mergedIds, Guid survivorId, CancellationToken cancellationToken)
    {
        foreach (var linked in await db.Set<ServiceCase>().Where(c => c.CustomerIds.Any(id => mergedIds.Contains(id))).ToListAsync(cancellationToken))
            linked.MoveCustomers(mergedIds, survivorId);   // saved with the merge
    }
}
