using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Contacts;

/// <summary>The body of POST /api/contacts (and of the form): every member may be left out, and is then refused by its rule; no time is now.</summary>
public sealed record RecordContactBody(Guid? CustomerId, ContactChannel? Channel, ContactDirection? Direction, DateTimeOffset? At, string? Summary, string? Outcome, Touchpoint? Touchpoint);

/// <summary>
/// SVC-1: a member of staff records a contact they had with a customer in their sight (<see cref="ContactAccess"/>): the
/// contact is kept with the caller as its staff, and the customer's last contact moves forward to it — a derived write in
/// the same transaction that leaves the customer's version alone, so that an edit form left open still saves.
/// </summary>
public sealed class RecordContact(GuanxiDbContext db, CustomerViewers viewers, TimeProvider time)
{
    public static readonly Error NotAllowed = Error.Forbidden("contact.not_allowed",
        "只有服务该客户的员工（本部门经理、销售顾问、服务顾问）和客服人员可以记录联系；公司领导和系统管理员只查看。",
        "Only those who serve the customer (its department's manager, sales consultants, service advisors) and customer service record contacts; leadership and administrators read them.");

    public async Task<Result<Guid>> Handle(RecordContactBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (body.CustomerId is not { } customerId || customerId == Guid.Empty)
            return ContactErrors.CustomerRequired;
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId && c.Status != CustomerStatus.Merged)
            .Select(c => new { c.OwnerId, c.DepartmentId, c.Status }).SingleOrDefaultAsync(cancellationToken);
        if (customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        if (!ContactAccess.CanRecord(viewer, customer.DepartmentId))
            return NotAllowed;
        var made = Contact.Record(customerId, customer.DepartmentId, viewer.UserId,
            new ContactDetails(body.Channel, body.Direction, body.At, body.Summary, body.Outcome, body.Touchpoint), time.GetUtcNow());
        if (!made.Succeeded)
            return Result<Guid>.Fail(made.Errors);
        if (customer.Status != CustomerStatus.Active)
            return ContactErrors.CustomerNotActive;
        var contact = made.Value!;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Keep(db, contact, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return contact.Id;
    }

    /// <summary>
    /// Saves a contact and moves its customer's last contact forward to it, inside the caller's transaction: for a use case
    /// of another feature whose step is itself a contact (a follow-up call done), after it checked the caller's rights.
    /// </summary>
    public static async Task Keep(GuanxiDbContext db, Contact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        db.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        // The last contact only moves forward: a contact recorded late for an earlier day leaves a later one standing.
        await db.Set<Customer>().Where(c => c.Id == contact.CustomerId && (c.LastContactAt == null || c.LastContactAt < contact.At))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastContactAt, contact.At), cancellationToken);
    }

    /// <summary>Whether the caller may record a contact with this customer (the page hides its button otherwise).</summary>
    public async Task<bool> Allowed(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return false;
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId && c.Status == CustomerStatus.Active)
            .Select(c => new { c.DepartmentId }).SingleOrDefaultAsync(cancellationToken);
        return customer is not null && ContactAccess.CanRecord(viewer, customer.DepartmentId);
    }
}
