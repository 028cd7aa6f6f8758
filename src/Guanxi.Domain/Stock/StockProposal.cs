namespace Guanxi.Domain.Stock;

/// <summary>
/// SVC-10: a sell-through proposal made for a distributor's slow product — the owner's task (<c>CustomerTaskKind.SellThrough</c>)
/// it opened, kept with the product so that a customer and product have at most one proposal whose task is open.
/// </summary>
public sealed class StockProposal
{
#pragma warning disable CS8618 // set by EF Core when loading, by Open when created
    private StockProposal()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Product { get; private set; }
    public Guid TaskId { get; private set; }
    public SlowReason Reason { get; private set; }
    public StockSuggestion Suggestion { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }

    public static StockProposal Open(Guid customerId, string product, Guid taskId, StockReading reading, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new()
        {
            Id = Guid.CreateVersion7(), CustomerId = customerId, Product = StockCount.Clean(product), TaskId = taskId,
            Reason = reading.Slow ?? SlowReason.NoMovement, Suggestion = reading.Suggestion ?? StockSuggestion.Promotion, OpenedAt = now,
        };
    }

    /// <summary>ARC-2: a merge moves the merged customer's proposals to the survivor, with their tasks.</summary>
    public void MoveTo(Guid survivorId) => CustomerId = survivorId;
}
