using Guanxi.Domain.Common;
using Guanxi.Domain.Care;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Care;

/// <summary>SVC-5: the care plans, by occasion — for the customer-service manager and administrators, and whoever oversees customers.</summary>
public sealed class ListCarePlans(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock)
{
    public async Task<Result<IReadOnlyList<CarePlanView>>> Handle(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!CarePlanAccess.Reads(viewer))
            return MessagingWebErrors.NotAllowed;
        var plans = await db.Set<CarePlan>().AsNoTracking().ToListAsync(cancellationToken);
        var year = clock.Today.Year;
        return plans.OrderBy(p => p.Occasion).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => CarePlanView.Of(p, year)).ToList();
    }
}

/// <summary>Who reads the care plans: those who write them, and whoever oversees customers.</summary>
public static class CarePlanAccess
{
    public static bool Reads(Domain.Customers.Viewer viewer) => MessagingAccess.Manages(viewer) || MessagingAccess.ReadsOutbox(viewer);
}
