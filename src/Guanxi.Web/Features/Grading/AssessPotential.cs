using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;

namespace Guanxi.Web.Features.Grading;

public sealed record PotentialBody(int? Score, string? Reason);

/// <summary>GRD-1: whoever keeps the record (see <see cref="CustomerAccess.CanEdit"/>) assesses the customer's potential; the next recompute counts it.</summary>
public sealed class AssessPotential(GuanxiDbContext db, CustomerViewers viewers)
{
    public static readonly Error NotAllowed = Error.Forbidden("grading.assess_not_allowed", "只有客户负责人、部门经理和客服经理可以评估潜力。", "Only the owner, the department manager and the customer-service manager assess potential.");

    /// <summary>Null when the customer is out of the caller's sight.</summary>
    public async Task<Result<int>> Handle(Guid customerId, PotentialBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.WithCustomer(customerId, cancellationToken) is not var (viewer, customer))
            return Customers.CustomerWebErrors.NotFound;
        if (!CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId))
            return NotAllowed;
        var assessed = customer.AssessPotential(body.Score ?? -1, body.Reason);
        if (!assessed.Succeeded)
            return Result<int>.Fail([.. assessed.Errors]);
        await db.SaveChangesAsync(cancellationToken);
        return body.Score!.Value;
    }
}
