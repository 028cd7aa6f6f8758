using Guanxi.Domain.Common;
using Guanxi.Domain.Credit;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Credit;

public sealed record CreditAdjustBody(string? Level, string? Reason);

/// <summary>
/// ARC-5: the department's manager or the customer-service manager sets a level by hand, with a reason; it is recorded
/// and stands until the payment record changes what the rules give. The owner cannot raise their own customer's credit.
/// </summary>
public sealed class AdjustCredit(GuanxiDbContext db, CustomerViewers viewers, CurrentUser user, TimeProvider time)
{
    public static readonly Error NotAllowed = Error.Forbidden("credit.adjust_not_allowed", "只有客户所在部门的经理和客服经理可以调整信用等级。", "Only the department's manager and the customer-service manager adjust credit.");

    /// <summary>Not found when the customer is out of the caller's sight.</summary>
    public async Task<Result<CreditLevel>> Handle(Guid customerId, CreditAdjustBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.WithCustomer(customerId, cancellationToken) is not var (viewer, customer))
            return Customers.CustomerWebErrors.NotFound;
        if (!CreditAccess.CanAdjust(viewer, customer.DepartmentId))
            return NotAllowed;
        if (!ApiEnums.TryParse<CreditLevel>(body.Level, out var level))
            level = null;
        var adjusted = customer.AdjustCredit(level, body.Reason);
        if (!adjusted.Succeeded)
            return Result<CreditLevel>.Fail(adjusted.Errors);
        db.Add(new CreditChange
        {
            CustomerId = customer.Id, At = time.GetUtcNow(), From = adjusted.Value, To = level, Manual = true,
            Reason = $"人工调整：{body.Reason!.Trim()}", ReasonEn = $"Adjusted by hand: {body.Reason.Trim()}", ById = Actor.Staff(user.Id).Id,
        });
        await db.SaveChangesAsync(cancellationToken);
        return level!.Value;
    }
}
