using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Stock;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Stock;

/// <summary>The body of POST /api/customers/{id}/stock (and of the tab's form): the day counted and a line per product.</summary>
public sealed record StockCountBody(DateOnly? CountedOn, IReadOnlyList<StockCountLineBody>? Lines);

public sealed record StockCountLineBody(string? Product, decimal? Quantity);

/// <summary>
/// SVC-10: the customer's owner, its department's manager or the customer-service manager (<see cref="CustomerAccess.CanEdit"/>)
/// records a count of a distributor's stock: the day (not in the future) and each product's quantity, a product once per
/// count. A product already counted that day is corrected (the history keeps the old quantity). Out of sight: not found;
/// not a trade customer or not active: a conflict that says so; bad input: 400 per field, nothing saved.
/// </summary>
public sealed class RecordStockCount(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock, TimeProvider time)
{
    public async Task<Result<int>> Handle(Guid customerId, StockCountBody? body, StockSource source, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId && c.Status != CustomerStatus.Merged)
            .Select(c => new { c.OwnerId, c.DepartmentId, c.Status, c.TradeCustomer }).SingleOrDefaultAsync(cancellationToken);
        if (customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        if (!CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId))
            return StockErrors.NotAllowed;
        var input = new StockCountInput(body?.CountedOn, body?.Lines?.Select(l => new StockCountLine(l?.Product, l?.Quantity)).ToList());
        if (StockCount.Validate(input, clock.Today) is { Count: > 0 } errors)
            return Result<int>.Fail(errors);
        if (!customer.TradeCustomer)
            return StockErrors.NotTradeCustomer;
        if (customer.Status != CustomerStatus.Active)
            return StockErrors.CustomerNotActive;
        return await Keep(db, customerId, input, Actor.Staff(viewer.UserId), source, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Saves a valid count of a customer already checked (a person's, or an import's row by row): each line recorded, or the
    /// day's count of that product corrected. Two counts racing for one product and day: one wins, the other is told to retry.
    /// </summary>
    public static async Task<Result<int>> Keep(GuanxiDbContext db, Guid customerId, StockCountInput input, Actor by, StockSource source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var on = input.CountedOn!.Value;
        var existing = await db.Set<StockCount>().Where(s => s.CustomerId == customerId && s.CountedOn == on).ToListAsync(cancellationToken);
        foreach (var line in input.Lines!)
        {
            if (existing.FirstOrDefault(s => StockCount.Same(s.Product, line.Product!)) is { } same)
                same.Correct(line.Quantity!.Value, by, source, now);
            else
                db.Add(StockCount.Record(customerId, line.Product!, line.Quantity!.Value, on, by, source, now));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Versions.Raced;
        }
        return input.Lines!.Count;
    }
}
