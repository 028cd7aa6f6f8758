using Guanxi.Domain.Reviews;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Reviews;

/// <summary>ARC-2: a merge moves the merged customers' reviews (客户评审), filed and open, to the survivor.</summary>
public sealed class MoveReviews(GuanxiDbContext db) : ICustomerMergeStep
{
    public Task MoveAsync(IReadOnlyList<Guid> mergedIds, Guid survivorId, CancellationToken cancellationToken) =>
        db.Set<CustomerReview>().Where(r => mergedIds.Contains(r.CustomerId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CustomerId, survivorId), cancellationToken);
}
