using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Lifecycle;

public sealed record RelationshipBody(string? Stage, string? Type, string? Phase, string? Note);

/// <summary>LIF-4: whoever keeps the record notes where the relationship with a key account stands; the archive history keeps each change.</summary>
public sealed class RecordRelationship(GuanxiDbContext db, CustomerViewers viewers)
{
    public static readonly Error NotAllowed = Error.Forbidden("lifecycle.relationship_not_allowed", "只有客户负责人、部门经理和客服经理可以记录大客户关系。", "Only the owner, the department manager and the customer-service manager record the relationship.");

    public async Task<Result<KeyAccountRelationship>> Handle(Guid customerId, RelationshipBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.WithCustomer(customerId, cancellationToken) is not var (viewer, customer))
            return Customers.CustomerWebErrors.NotFound;
        if (!CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId))
            return NotAllowed;
        var errors = new List<Error>();
        if (!ApiEnums.TryParse<RelationshipStage>(body.Stage, out var stage))
            errors.Add(CustomerErrors.RelationshipInvalid with { Field = "stage" });
        if (!ApiEnums.TryParse<RelationshipType>(body.Type, out var type))
            errors.Add(CustomerErrors.RelationshipInvalid with { Field = "type" });
        if (!ApiEnums.TryParse<RelationshipPhase>(body.Phase, out var phase))
            errors.Add(CustomerErrors.RelationshipInvalid with { Field = "phase" });
        if (errors.Count > 0)
            return Result<KeyAccountRelationship>.Fail([.. errors]);
        var recorded = customer.RecordRelationship(new KeyAccountRelationship(stage, type, phase, body.Note));
        if (!recorded.Succeeded)
            return Result<KeyAccountRelationship>.Fail([.. recorded.Errors]);
        await db.SaveChangesAsync(cancellationToken);
        return customer.Relationship;
    }
}
