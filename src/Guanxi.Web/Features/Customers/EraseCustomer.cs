using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

public sealed record EraseBody(string? Reason);

/// <summary>
/// PIPL erasure on the customer's request (SEC-1), by the customer-service manager or an administrator with a reason:
/// the personal fields of the customer and of every record merged into it are blanked for good, their values in the
/// history are redacted, and the erasure itself is recorded with who, when and why.
/// </summary>
public sealed class EraseCustomer(GuanxiDbContext db, CustomerViewers viewers, IEnumerable<ICustomerErasureStep> steps, CurrentUser user, TimeProvider time)
{
    public const string Redacted = "[已删除]";

    /// <summary>What stays readable in an erased customer's history: the business facts, none of the person.</summary>
    private static readonly string[] Kept =
    [
        nameof(Customer.Type), nameof(Customer.Status), nameof(Customer.OwnerId), nameof(Customer.DepartmentId),
        nameof(Customer.CreatedAt), nameof(Customer.MergedIntoId), "Groups", "Erasure",
    ];

        public async Task<Result<Guid>> Handle(Guid id, EraseBody body, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.Current(cancellationToken);
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (viewer is null || customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        if (!CustomerAccess.CanErase(viewer))
            return CustomerWebErrors.EraseNotAllowed;
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Trim().Length > 500)
            return CustomerWebErrors.EraseReasonRequired;
        var tombstones = await db.Set<Customer>().Where(c => c.MergedIntoId == id && c.Status == CustomerStatus.Merged).ToListAsync(cancellationToken);
        var erased = customer.Erase();
        if (!erased.Succeeded)
            return Result<Guid>.Fail([.. erased.Errors]);
        tombstones.ForEach(t => t.Erase());

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(new CustomerErasure { Id = Guid.CreateVersion7(), CustomerId = id, Reason = body.Reason.Trim(), At = time.GetUtcNow(), ByUserId = user.Id });
        await db.SaveChangesAsync(cancellationToken);
        // The history is append-only except for this: personal values are replaced by the redaction mark (the
        // database triggers allow exactly that change and nothing else).
        var keys = tombstones.Select(t => t.Id.ToString()).Append(id.ToString()).ToList();
        var erasedIds = tombstones.Select(t => t.Id).Append(id).ToList();
        foreach (var step in steps)
            await step.EraseAsync(erasedIds, cancellationToken);
        await db.Set<AuditEntry>()
            .Where(e => e.Entity == nameof(Customer) && keys.Contains(e.Key) && !Kept.Contains(e.Field))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.OldValue, e => e.OldValue == null ? null : Redacted)
                .SetProperty(e => e.NewValue, e => e.NewValue == null ? null : Redacted), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }
}

/// <summary>
/// A step of an erasure that redacts what a capability keeps of the customer's words (contacts' summaries, complaints'
/// details …), in the erasure's transaction; its figures stay. Register one per capability as
/// <c>services.AddScoped&lt;ICustomerErasureStep, …&gt;()</c>.
/// </summary>
public interface ICustomerErasureStep
{
    Task EraseAsync(IReadOnlyList<Guid> customerIds, CancellationToken cancellationToken);
}

/// <summary>An erasure, recorded on the customer's history ("Erasure": the reason) with who and when.</summary>
public sealed class CustomerErasure
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
}

public sealed class CustomerErasureConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<CustomerErasure>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<CustomerErasure> builder)
    {
        builder.ToTable("CustomerErasures");
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.ByUserId).HasMaxLength(64);
        builder.HasIndex(e => e.CustomerId);
        builder.IsAuditedOn(new AuditOwner(nameof(Customer), nameof(CustomerErasure.CustomerId), "Erasure", nameof(CustomerErasure.Reason)));
    }
}
