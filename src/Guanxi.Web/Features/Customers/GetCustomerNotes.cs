using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>What whoever serves a customer should know first (SVC-6): their preferences and habits, needs and background.</summary>
public sealed record CustomerNotes(Guid CustomerId, string Name, string? Preferences, string? Needs, string? Background)
{
    public bool IsEmpty => Preferences is null && Needs is null && Background is null;
}

/// <summary>
/// SVC-6: a customer's preferences, needs and background for the pages where someone serves them (the survey call sheet,
/// the complaint, the follow-up, the customer page's 个性化服务) — for whoever sees the customer, as the customer page
/// shows them; not found otherwise.
/// </summary>
public sealed class GetCustomerNotes(GuanxiDbContext db, CustomerViewers viewers)
{
    public async Task<Result<CustomerNotes>> Handle(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return CustomerWebErrors.NotFound;
        var c = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.Id, c.Name, c.OwnerId, c.DepartmentId, c.Preferences, c.Needs, c.Background }).SingleOrDefaultAsync(cancellationToken);
        if (c is null || CustomerAccess.SightOf(viewer, c.OwnerId, c.DepartmentId) == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        return new CustomerNotes(c.Id, c.Name, c.Preferences, c.Needs, c.Background);
    }
}
