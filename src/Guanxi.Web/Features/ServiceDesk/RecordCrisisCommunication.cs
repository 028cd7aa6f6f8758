using Guanxi.Domain.Common;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>SVC-3: what was communicated about an open warning — to whom, what, when (default now) — recorded by the customer-service manager or the executive VP.</summary>
public sealed class RecordCrisisCommunication(CrisisWarnings warnings)
{
    public Task<Result<CrisisWarningView>> Handle(Guid id, CrisisCommunicationBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return warnings.Act(id, version, (warning, by, now) => warning.Communicate(body.To, body.What, body.At, by, now), cancellationToken);
    }
}
