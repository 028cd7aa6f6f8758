using System.Globalization;

namespace Guanxi.Domain.Recommendations;

/// <summary>
/// "Customers who bought <see cref="Item"/> also bought <see cref="Other"/>": of <see cref="Customers"/> customers with
/// orders, <see cref="ItemBuyers"/> bought the item, <see cref="OtherBuyers"/> the other and <see cref="Both"/> both.
/// Support = Both / Customers; confidence = Both / ItemBuyers (P(other | item)); lift = confidence / P(other), above 1
/// when buying the item makes the other likelier than it is among all customers.
/// </summary>
public sealed record ItemPairFigures(string Item, string Other, int Both, int ItemBuyers, int OtherBuyers, int Customers)
{
    public double Support => Customers == 0 ? 0 : (double)Both / Customers;

    public double Confidence => ItemBuyers == 0 ? 0 : (double)Both / ItemBuyers;

    public double Lift => OtherBuyers == 0 || Customers == 0 ? 0 : Confidence / ((double)OtherBuyers / Customers);

    /// <summary>Whether the policy keeps it: bought together by enough customers, and with enough lift.</summary>
    public bool Passes(RecommendationPolicy policy) => Both >= policy.MinSupportCount && Lift >= policy.MinLift;
}

/// <summary>
/// SVC-6 for any enterprise: item co-occurrence over the customers' orders. Each customer counts once per item name
/// (trimmed; a return's lines are left out by the caller), so a customer who bought an item twice weighs as one who
/// bought it once. A customer with more than <see cref="MaxItemsPerCustomer"/> different items (a wholesale buyer) counts
/// as a buyer of each but adds no pairs, so that the pairs stay at most n·(n−1)/2 per customer. Fed one customer at a time.
/// </summary>
public sealed class CoOccurrence
{
    public const int MaxItemsPerCustomer = 100;

    private readonly Dictionary<string, int> buyers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), int> both = [];

    public int Customers { get; private set; }

    /// <summary>One customer's item names, from all their orders.</summary>
    public void Add(IEnumerable<string> items)
    {
        var distinct = items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
            return;
        Customers++;
        foreach (var item in distinct)
            buyers[item] = buyers.GetValueOrDefault(item) + 1;
        if (distinct.Count > MaxItemsPerCustomer)
            return;
        for (var i = 0; i < distinct.Count; i++)
        {
            for (var j = i + 1; j < distinct.Count; j++)
                both[(distinct[i], distinct[j])] = both.GetValueOrDefault((distinct[i], distinct[j])) + 1;
        }
    }

    /// <summary>
    /// The pairs the policy keeps, in both directions (X → Y and Y → X have the same support and lift but not the same
    /// confidence), at most <paramref name="perItem"/> for each item, the highest lift first.
    /// </summary>
    public IReadOnlyList<ItemPairFigures> Pairs(RecommendationPolicy policy, int perItem = 20)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var pairs = new List<ItemPairFigures>();
        foreach (var ((a, b), count) in both)
        {
            if (count < policy.MinSupportCount)
                continue;
            foreach (var pair in new[] { new ItemPairFigures(a, b, count, buyers[a], buyers[b], Customers), new ItemPairFigures(b, a, count, buyers[b], buyers[a], Customers) })
            {
                if (pair.Passes(policy))
                    pairs.Add(pair);
            }
        }
        return [.. pairs.GroupBy(p => p.Item, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(p => p.Lift).ThenByDescending(p => p.Both).ThenBy(p => p.Other, StringComparer.Ordinal).Take(perItem))
            .OrderBy(p => p.Item, StringComparer.Ordinal).ThenByDescending(p => p.Lift)];
    }

    /// <summary>
    /// For a customer who bought <paramref name="bought"/>: the items their peers bought — for each item they bought, the
    /// others its buyers bought (pairs kept by the policy) — less what they bought already; each item once, by its
    /// strongest pair (the highest lift, then confidence), at most <see cref="RecommendationPolicy.MaxAlsoBought"/>.
    /// </summary>
    public static IReadOnlyList<Recommendation> For(IEnumerable<string> bought, IEnumerable<ItemPairFigures> pairs, RecommendationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var have = bought.Select(i => i.Trim()).ToHashSet(StringComparer.Ordinal);
        return [.. pairs.Where(p => have.Contains(p.Item) && !have.Contains(p.Other) && p.Passes(policy))
            .GroupBy(p => p.Other, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(p => p.Lift).ThenByDescending(p => p.Confidence).ThenBy(p => p.Item, StringComparer.Ordinal).First())
            .OrderByDescending(p => p.Lift).ThenByDescending(p => p.Confidence).ThenBy(p => p.Other, StringComparer.Ordinal)
            .Take(policy.MaxAlsoBought)
            .Select(Of)];
    }

    private static Recommendation Of(ItemPairFigures p)
    {
        var (confidence, support, lift) = (Percent(p.Confidence), Percent(p.Support), p.Lift.ToString("0.0", CultureInfo.InvariantCulture));
        return new Recommendation(RecommendationKind.AlsoBought, p.Other, $"推荐「{p.Other}」", $"Suggest \"{p.Other}\"",
            $"买过「{p.Item}」的 {p.ItemBuyers:N0} 位客户中有 {p.Both:N0} 位也买了「{p.Other}」（{confidence}）；支持度：{p.Both:N0} / {p.Customers:N0} 位客户（{support}），提升度 {lift}。",
            $"Of the {p.ItemBuyers:N0} customers who bought \"{p.Item}\", {p.Both:N0} also bought \"{p.Other}\" ({confidence}); support {p.Both:N0} of {p.Customers:N0} customers ({support}), lift {lift}.",
            null, p.Confidence >= 0.5 ? RecommendationPriority.Medium : RecommendationPriority.Low, Math.Clamp((int)Math.Round(30 * p.Confidence), 1, 30),
            $"购买「{p.Item}」的客户也常选择「{p.Other}」，欢迎了解。", $"Customers who chose \"{p.Item}\" often also choose \"{p.Other}\"; ask us about it.");
    }

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
