using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>
/// What a plan's content needs from the database, for a new plan and a change alike: its department exists, its
/// inspector is an active member of staff, and no other plan has the same department and post (a 409 naming it).
/// </summary>
public sealed class PlanRules(GuanxiDbContext db)
{
    public async Task<IReadOnlyList<Error>> Check(PlanContent content, Guid? planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<Error>();
        if (content.DepartmentId is { } department && department != Guid.Empty && !await db.Set<Department>().AnyAsync(d => d.Id == department, cancellationToken))
            errors.Add(InspectionErrors.DepartmentUnknown);
        if (!string.IsNullOrWhiteSpace(content.InspectorId) && !await db.Users.AnyAsync(u => u.Id == content.InspectorId.Trim() && u.IsActive, cancellationToken))
            errors.Add(InspectionErrors.InspectorUnknown);
        if (errors.Count > 0 || content.DepartmentId is not { } departmentId || string.IsNullOrWhiteSpace(content.Post))
            return errors;
        var post = content.Post.Trim();
        var other = await db.Set<InspectionPlan>().Where(p => p.DepartmentId == departmentId && p.Post == post && p.Id != planId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return other is { } taken ? [InspectionErrors.PlanExists(taken)] : [];
    }
}
