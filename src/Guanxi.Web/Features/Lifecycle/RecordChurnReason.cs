using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Lifecycle;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Lifecycle;

public sealed record ChurnReasonBody(string? Reason, string? Note);

/// <summary>LIF-3: whoever keeps the record says why a churned customer was lost; it is filed on the churn in the stage history.</summary>
public sealed class RecordChurnReason(GuanxiDbContext db, CustomerViewers viewers, CurrentUser user)
{
    public static readonly Error NotAllowed = Error.Forbidden("lifecycle.churn_not_allowed", "只有客户负责人、部门经理和客服经理可以记录流失原因。", "Only the owner, the department manager and the customer-service manager record why a customer was lost.");

    /// <summary>Null when the customer is out of the caller's sight.</summary>
    public async Task<Result<ChurnReason>> Handle(Guid customerId, ChurnReasonBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Customers.CustomerWebErrors.NotFound;
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId && c.Status != CustomerStatus.Merged)
            .Select(c => new { c.Stage, c.OwnerId, c.DepartmentId }).SingleOrDefaultAsync(cancellationToken);
        if (customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return Customers.CustomerWebErrors.NotFound;
        if (!CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId))
            return NotAllowed;
        var errors = new List<Error>();
        if (!ApiEnums.TryParse<ChurnReason>(body.Reason, out var reason) || reason is null)
            errors.Add(LifecycleErrors.ChurnReasonRequired);
        if (body.Note?.Trim().Length > 500)
            errors.Add(LifecycleErrors.NoteTooLong);
        var churn = customer.Stage == LifecycleStage.Churned
            ? await db.Set<StageChange>().Where(s => s.CustomerId == customerId && s.To == LifecycleStage.Churned).OrderByDescending(s => s.At).ThenByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (churn is null)
            errors.Add(LifecycleErrors.NotChurned);
        if (errors.Count > 0)
            return Result<ChurnReason>.Fail([.. errors]);
        (churn!.ChurnReason, churn.ChurnNote, churn.ChurnRecordedById, churn.ChurnRecordedByText) = (reason, string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), Actor.Staff(user.Id).Id, null);
        await db.SaveChangesAsync(cancellationToken);
        return reason!.Value;
    }
}
