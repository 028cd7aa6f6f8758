using Guanxi.Domain.Common;
using Guanxi.Domain.Credit;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Credit;

public sealed record BusinessConditionsBody(IReadOnlyList<string>? Conditions);

/// <summary>ARC-5/7: whoever keeps the record flags the customer's business condition; the credit is rated again at once.</summary>
public sealed class RecordBusinessConditions(GuanxiDbContext db, CustomerViewers viewers, CurrentUser user, EvaluateCredit evaluate)
{
    public static readonly Error NotAllowed = Error.Forbidden("credit.conditions_not_allowed", "只有客户负责人、部门经理和客服经理可以记录经营状况。", "Only the owner, the department manager and the customer-service manager record the business condition.");

    public async Task<Result<IReadOnlyList<BusinessCondition>>> Handle(Guid customerId, BusinessConditionsBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.WithCustomer(customerId, cancellationToken) is not var (viewer, customer))
            return Customers.CustomerWebErrors.NotFound;
        if (!CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId))
            return NotAllowed;
        var conditions = new List<BusinessCondition>();
        foreach (var text in body.Conditions ?? [])
        {
            if (!ApiEnums.TryParse<BusinessCondition>(text, out var condition) || condition is null)
                return CreditErrors.Flag;
            conditions.Add(condition.Value);
        }
        var recorded = customer.RecordBusinessConditions(conditions);
        if (!recorded.Succeeded)
            return Result<IReadOnlyList<BusinessCondition>>.Fail([.. recorded.Errors]);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await evaluate.Handle(Actor.Staff(user.Id, ActorCause.BusinessConditions), [customerId], cancellationToken: cancellationToken);
        return Result<IReadOnlyList<BusinessCondition>>.Ok(customer.BusinessConditions);
    }
}
