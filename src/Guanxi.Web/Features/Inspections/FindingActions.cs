using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Inspections;

/// <summary>{ownerId, dueOn}: the member of the department who fixes the finding, and by when.</summary>
public sealed record OwnerBody(string? OwnerId, DateOnly? DueOn);

/// <summary>{note}: what was done.</summary>
public sealed record FixBody(string? Note);

/// <summary>{passed: true|false, note}: the re-check's verdict; a failed one says what was found.</summary>
public sealed record RecheckBody(bool? Passed, string? Note);

/// <summary>
/// What the three actions on a finding share: the caller, the finding in their sight (404 as if missing), their right
/// (403 with the reason), the version they read when they send one (412 when stale), the save in which two people
/// acting at once end in one winner and a 409 for the other, and the finding as read afterwards.
/// </summary>
public sealed class FindingAct(GuanxiDbContext db, InspectionDesk desk, FindingViews views, TimeProvider time)
{
    public async Task<Result<FindingView>> Run(Guid id, Guid? version, Func<Viewer, Finding, bool> may, Error refused,
        Func<Viewer, Finding, DateTimeOffset, DateOnly, Task<Result<Done>>> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(may);
        ArgumentNullException.ThrowIfNull(act);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var finding = await db.Set<Finding>().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (finding is null || !InspectionAccess.Sees(viewer, finding))
            return InspectionErrors.FindingNotFound;
        if (!may(viewer, finding))
            return refused;
        if (Versions.Check(version, finding.Version, required: false) is { } stale)
            return stale;
        var now = time.GetUtcNow();
        var today = desk.Day(now);
        var done = await act(viewer, finding, now, today);
        if (!done.Succeeded)
            return Result<FindingView>.Fail(done.Errors);
        if (await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is { } raced)
            return raced;
        return await views.Of(viewer, finding, today, cancellationToken);
    }
}
