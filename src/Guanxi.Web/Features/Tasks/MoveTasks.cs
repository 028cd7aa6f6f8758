using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Tasks;

/// <summary>ARC-2: a merge moves the merged customers' tasks (care calls, follow-ups, win-back visits, reviews), done and open, to the survivor.</summary>
public sealed class MoveTasks(GuanxiDbContext db) : ICustomerMergeStep
{
    public Task MoveAsync(IReadOnlyList<Guid> mergedIds, Guid survivorId, CancellationToken cancellationToken) =>
        db.Set<CustomerTask>().Where(t => mergedIds.Contains(t.CustomerId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerId, survivorId), cancellationToken);
}
