using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Lifecycle;

public sealed record ProspectLevelBody(string? Level);

/// <summary>GRD-7: whoever keeps the record sets a prospect's level (seed, general, key), or clears it.</summary>
public sealed class ClassifyProspect(GuanxiDbContext db, CustomerViewers viewers)
{
    public static readonly Error NotAllowed = Error.Forbidden("lifecycle.prospect_not_allowed", "只有客户负责人、部门经理和客服经理可以设定潜在客户等级。", "Only the owner, the department manager and the customer-service manager set the prospect level.");

    public async Task<Result<ProspectLevel?>> Handle(Guid customerId, ProspectLevelBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.WithCustomer(customerId, cancellationToken) is not var (viewer, customer))
            return Customers.CustomerWebErrors.NotFound;
        if (!CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId))
            return NotAllowed;
        if (!ApiEnums.TryParse<ProspectLevel>(body.Level, out var level))
            return GradingErrors.ProspectLevel;
        var classified = customer.Classify(level);
        if (!classified.Succeeded)
            return Result<ProspectLevel?>.Fail([.. classified.Errors]);
        await db.SaveChangesAsync(cancellationToken);
        return level;
    }
}
