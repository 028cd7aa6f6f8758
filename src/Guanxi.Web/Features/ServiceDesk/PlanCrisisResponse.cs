using Guanxi.Domain.Common;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>SVC-3: the response plan of an open warning, written or revised by the customer-service manager or the executive VP.</summary>
public sealed class PlanCrisisResponse(CrisisWarnings warnings)
{
    public Task<Result<CrisisWarningView>> Handle(Guid id, CrisisPlanBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return warnings.Act(id, version, (warning, by, now) => warning.SetPlan(body.Plan, by, now), cancellationToken);
    }
}
