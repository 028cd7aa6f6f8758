namespace Guanxi.Domain.Recommendations;

/// <summary>
/// A pair of items bought by the same customers, as the night counted it (<see cref="CoOccurrence"/>): kept so that a
/// customer's "also bought" is one indexed read of the pairs of the items they bought. Derived; the night replaces them all.
/// </summary>
public sealed class ItemPair
{
    public required string Item { get; init; }
    public required string Other { get; init; }
    public int Both { get; init; }
    public int ItemBuyers { get; init; }
    public int OtherBuyers { get; init; }
    public int Customers { get; init; }
    public DateTimeOffset ComputedAt { get; init; }

    public static ItemPair Of(ItemPairFigures f, DateTimeOffset at) =>
        new() { Item = f.Item, Other = f.Other, Both = f.Both, ItemBuyers = f.ItemBuyers, OtherBuyers = f.OtherBuyers, Customers = f.Customers, ComputedAt = at };

    public ItemPairFigures Figures => new(Item, Other, Both, ItemBuyers, OtherBuyers, Customers);
}

/// <summary>
/// A recommendation turned into a task for the customer's owner (SVC-6): which recommendation (its key, kind and
/// subject), which task, when and by whom. While that task is open, the same recommendation is not turned into another.
/// </summary>
public sealed class RecommendationTask
{
    public const int MaxKeyLength = 240;

    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public required string Key { get; init; }
    public RecommendationKind Kind { get; init; }
    public Guid TaskId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedById { get; init; }
}
