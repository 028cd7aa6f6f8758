using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

public enum UpdateOutcome
{
    Updated,
    NotFound,
    Forbidden,
    VersionRequired,
    Stale,
    Invalid,
    Duplicate,
}

/// <summary>
/// Someone who keeps the record changes a customer. The version read with it must come back (If-Match): a missing one
/// is refused, a stale one too — concurrent edits never silently overwrite each other. A change that makes the record a
/// likely duplicate of another (a new mobile, e-mail or name + organisation that another customer has) is stopped
/// with the duplicates unless the body says to go on.
/// </summary>
public sealed class UpdateCustomer(GuanxiDbContext db, CustomerViewers viewers, CustomerInput input, FindDuplicates duplicates, TimeProvider time, EnterpriseClock clock)
{
    public async Task<(UpdateOutcome Outcome, IReadOnlyList<Error> Errors, Guid Version, IReadOnlyList<DuplicateMatch> Duplicates)> Handle(
        Guid id, CustomerBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.Current(cancellationToken);
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (viewer is null || customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return (UpdateOutcome.NotFound, [], default, []);
        if (!CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId))
            return (UpdateOutcome.Forbidden, [CustomerWebErrors.NotAllowed], default, []);
        if (version is null)
            return (UpdateOutcome.VersionRequired, [CustomerWebErrors.VersionRequired], default, []);
        if (version != customer.Version)
            return (UpdateOutcome.Stale, [CustomerWebErrors.Changed], default, []);

        var onRecord = customer.Phones.Concat(customer.Contacts.SelectMany(c => c.Phones)).Select(p => p.Number).ToHashSet(StringComparer.Ordinal);
        var (details, errors) = await input.Read(body with { OwnerId = body.OwnerId ?? customer.OwnerId, DepartmentId = body.DepartmentId ?? customer.DepartmentId }, viewer, onRecord, cancellationToken);
        if (details is null)
            return (UpdateOutcome.Invalid, errors, default, []);
        if (!CustomerAccess.CanEdit(viewer, details.OwnerId, details.DepartmentId))
            return (UpdateOutcome.Invalid, [CustomerWebErrors.OutOfReach], default, []);
        var newKeys = CustomerKeys.DuplicateKeys(details).Except(CustomerKeys.DuplicateKeys(customer.Details)).ToHashSet();
        if (!body.AllowDuplicate && await duplicates.Handle(newKeys, customer.Id, viewer, cancellationToken) is { Count: > 0 } found)
            return (UpdateOutcome.Duplicate, [CustomerWebErrors.LikelyDuplicate], default, found);
        var updated = customer.Update(details, time.GetUtcNow(), clock.Today);
        if (!updated.Succeeded)
            return (UpdateOutcome.Invalid, updated.Errors, default, []);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (UpdateOutcome.Stale, [CustomerWebErrors.Changed], default, []);
        }
        return (UpdateOutcome.Updated, [], customer.Version, []);
    }
}
