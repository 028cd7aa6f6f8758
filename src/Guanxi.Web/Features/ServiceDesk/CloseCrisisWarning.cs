using Guanxi.Domain.Common;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>SVC-3: an open warning closed with a note by the customer-service manager or the executive VP; the detector may warn of the series again for a later window that does not overlap this one's.</summary>
public sealed class CloseCrisisWarning(CrisisWarnings warnings)
{
    public Task<Result<CrisisWarningView>> Handle(Guid id, CrisisCloseBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return warnings.Act(id, version, (warning, by, now) => warning.Close(body.Note, by, now), cancellationToken);
    }
}
