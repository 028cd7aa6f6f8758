using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;

namespace Guanxi.Web.Features.Complaints;

/// <summary>SVC-2: a complaint with its steps, its times and pause, and the actions the caller may take; out of sight it is not there.</summary>
public sealed class GetComplaint(ComplaintDesk desk)
{
    public async Task<Result<ComplaintView>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (await desk.Load(viewer, id, tracked: false, cancellationToken) is not { } hand)
            return ComplaintErrors.NotFound;
        return await desk.View(hand, await desk.Rules(cancellationToken), cancellationToken);
    }
}
