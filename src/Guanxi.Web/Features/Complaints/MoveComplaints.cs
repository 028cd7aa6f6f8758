using Guanxi.Domain.Complaints;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>ARC-2: a merge moves the merged customers' complaints, with their steps, to the survivor (each changed in version, so an edit begun before the merge is refused).</summary>
public sealed class MoveComplaints(GuanxiDbContext db) : ICustomerMergeStep
{
    public Task MoveAsync(IReadOnlyList<Guid> mergedIds, Guid survivorId, CancellationToken cancellationToken)
    {
        var version = Guid.NewGuid();
        return db.Set<Complaint>().Where(c => mergedIds.Contains(c.CustomerId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, survivorId).SetProperty(c => c.Version, version), cancellationToken);
    }
}

/// <summary>SEC-1: an erased customer's complaints keep their category, times and outcome for the figures; what the customer said in words (the details) is redacted.</summary>
public sealed class EraseComplaintDetails(GuanxiDbContext db) : ICustomerErasureStep
{
    public Task EraseAsync(IReadOnlyList<Guid> customerIds, CancellationToken cancellationToken) =>
        db.Set<Complaint>().Where(c => customerIds.Contains(c.CustomerId) && c.Details != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Details, EraseCustomer.Redacted), cancellationToken);
}
