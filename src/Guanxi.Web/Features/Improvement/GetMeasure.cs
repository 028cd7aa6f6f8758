using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>A measure with every step, in the caller's sight (item 10), with what they may do now.</summary>
public sealed class GetMeasure(MeasureDesk desk)
{
    public async Task<Result<MeasureView>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (await desk.Load(viewer, id, tracked: false, cancellationToken) is not { } hand)
            return MeasureErrors.NotFound;
        return await desk.View(hand, cancellationToken);
    }
}
