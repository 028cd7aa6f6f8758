using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// Someone who keeps the record changes a customer. The version read with it must come back (If-Match): a missing one
/// is refused, a stale one too — concurrent edits never silently overwrite each other. A change that makes the record a
/// likely duplicate of another (a new mobile, e-mail or name + organisation that another customer has) is stopped
/// with the duplicates unless the body says to go on. A change of the consent to marketing goes into the consent ledger (SEC-1).
/// </summary>
public sealed class UpdateCustomer(
    GuanxiDbContext db, CustomerViewers viewers, CustomerInput input, FindDuplicates duplicates, IMarketingConsent consents, TimeProvider time, EnterpriseClock clock)
{
    /// <returns>The customer's new version.</returns>
    public async Task<Result<Guid>> Handle(
        Guid id, CustomerBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.Current(cancellationToken);
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (viewer is null || customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        if (!CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId))
            return CustomerWebErrors.NotAllowed;
        if (version is null)
            return CustomerWebErrors.VersionRequired;
        if (version != customer.Version)
            return CustomerWebErrors.Changed;

        var onRecord = customer.Phones.Concat(customer.Contacts.SelectMany(c => c.Phones)).Select(p => p.Number).ToHashSet(StringComparer.Ordinal);
        var read = await input.Read(body with { OwnerId = body.OwnerId ?? customer.OwnerId, DepartmentId = body.DepartmentId ?? customer.DepartmentId }, viewer, onRecord, cancellationToken);
        if (read.Value is not { } details)
            return Result<Guid>.Fail(read.Errors);
        if (!CustomerAccess.CanEdit(viewer, details.OwnerId, details.DepartmentId))
            return CustomerWebErrors.OutOfReach;
        var newKeys = CustomerKeys.DuplicateKeys(details).Except(CustomerKeys.DuplicateKeys(customer.Details)).ToHashSet();
        if (!body.AllowDuplicate && await duplicates.Handle(newKeys, customer.Id, viewer, cancellationToken) is { Count: > 0 } found)
            return CustomerWebErrors.LikelyDuplicate(found);
        var updated = customer.Update(details, time.GetUtcNow(), clock.Today);
        if (!updated.Succeeded)
            return Result<Guid>.Fail(updated.Errors);
        var consent = (await consents.Of([customer.Id], cancellationToken))[customer.Id];
        if (consent.WordFrom(customer.Id, body.MarketingConsent, body.ConsentChannel) is { } word)
            await consents.Record([word], viewer.UserId, time.GetUtcNow(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CustomerWebErrors.Changed;
        }
        return customer.Version;
    }
}
