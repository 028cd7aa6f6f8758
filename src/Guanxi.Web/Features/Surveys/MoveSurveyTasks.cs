using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>ARC-2: a merge moves the merged customers' survey tasks — open calls and answered ones with their answers — to the survivor.</summary>
public sealed class MoveSurveyTasks(GuanxiDbContext db) : ICustomerMergeStep
{
    public Task MoveAsync(IReadOnlyList<Guid> mergedIds, Guid survivorId, CancellationToken cancellationToken) =>
        db.Set<SurveyTask>().Where(t => mergedIds.Contains(t.CustomerId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerId, survivorId), cancellationToken);
}
