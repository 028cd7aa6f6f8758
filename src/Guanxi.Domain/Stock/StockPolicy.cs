using System.Globalization;
using Guanxi.Domain.Common;

namespace Guanxi.Domain.Stock;

/// <summary>A stock movement in: a delivery of ours to the distributor (a sale order's line of that product), or a return out (negative).</summary>
public sealed record StockDelivery(DateOnly On, decimal Quantity);

/// <summary>A count of a product on a day.</summary>
public sealed record StockLevel(DateOnly On, decimal Quantity);

/// <summary>Why a product is slow stock: nothing sold for too long, or more in stock than it sells in too many weeks.</summary>
public enum SlowReason
{
    NoMovement,
    HighCover,
}

/// <summary>What a sell-through proposal suggests: a promotion to sell it, a transfer of the excess to where it sells, or a return.</summary>
public enum StockSuggestion
{
    Promotion,
    Transfer,
    Return,
}

/// <summary>
/// SVC-10: a product's stock at a distributor as its counts and our deliveries tell it. The sell-through between two counts
/// is the opening count plus what we delivered after it up to the closing count, less the closing count; the weekly
/// sell-through is that over the window (from the earliest count in the last <see cref="StockPolicy.WindowDays"/> days before
/// the latest, else the count before it) divided by its weeks; the cover is the stock over the weekly sell-through (none
/// when nothing sold). The last movement is the day of the latest count that showed a sale (else the first count):
/// no count since has shown any.
/// </summary>
public sealed record StockReading(
    decimal Quantity, DateOnly CountedOn, DateOnly? OpeningOn, decimal? OpeningQuantity, decimal Delivered, decimal? SellThrough,
    decimal? WeeklySellThrough, decimal? CoverWeeks, DateOnly LastMovementOn, int DaysWithoutMovement, SlowReason? Slow, StockSuggestion? Suggestion,
    decimal? Excess)
{
    public bool IsSlow => Slow is not null;
}

/// <summary>
/// SVC-10's rule (settings, key <see cref="SettingsKey"/>): a product in stock is slow when no count has shown it selling for
/// <see cref="StillDays"/> days (default 60) or it has more than <see cref="CoverWeeks"/> weeks of cover (default 12). A slow
/// product gets a sell-through proposal for the customer's owner: a return when nothing sold for twice the days, a transfer
/// of the excess over the weeks of cover when the cover is twice the weeks, else a promotion.
/// </summary>
public sealed record StockPolicy(int StillDays = 60, int CoverWeeks = 12)
{
    public const string SettingsKey = "stock.policy";

    /// <summary>How far back the weekly sell-through looks from the latest count (13 weeks).</summary>
    public const int WindowDays = 91;

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (StillDays is < 7 or > 365)
            errors.Add(new Error("stock.still_days", "无动销天数应在 7 到 365 之间。", "The days without movement are from 7 to 365.", "stillDays"));
        if (CoverWeeks is < 1 or > 104)
            errors.Add(new Error("stock.cover_weeks", "可销周数上限应在 1 到 104 之间。", "The weeks of cover are from 1 to 104.", "coverWeeks"));
        return errors;
    }

    /// <summary>A product's reading from its counts and our deliveries of it, on <paramref name="today"/>; null without a count.</summary>
    public StockReading? Read(IEnumerable<StockLevel> counts, IEnumerable<StockDelivery> deliveries, DateOnly today)
    {
        var levels = counts.OrderBy(c => c.On).ToList();
        if (levels.Count == 0)
            return null;
        var ins = deliveries.ToList();
        decimal DeliveredBetween(DateOnly after, DateOnly upTo) => ins.Where(d => d.On > after && d.On <= upTo).Sum(d => d.Quantity);

        var latest = levels[^1];
        var lastMovement = levels[0].On;
        for (var i = 1; i < levels.Count; i++)
        {
            if (levels[i - 1].Quantity + DeliveredBetween(levels[i - 1].On, levels[i].On) - levels[i].Quantity > 0)
                lastMovement = levels[i].On;
        }

        var opening = levels.FirstOrDefault(c => c.On >= latest.On.AddDays(-WindowDays) && c.On < latest.On)
            ?? (levels.Count > 1 ? levels[^2] : null);
        decimal delivered = 0;
        decimal? sold = null, weekly = null, cover = null;
        if (opening is not null)
        {
            delivered = DeliveredBetween(opening.On, latest.On);
            sold = opening.Quantity + delivered - latest.Quantity;
            weekly = decimal.Round(sold.Value * 7 / (latest.On.DayNumber - opening.On.DayNumber), 2);
            if (weekly > 0)
                cover = decimal.Round(latest.Quantity / weekly.Value, 1);
        }
        var still = today.DayNumber - lastMovement.DayNumber;
        SlowReason? slow = latest.Quantity <= 0 ? null
            : still >= StillDays ? SlowReason.NoMovement
            : cover > CoverWeeks ? SlowReason.HighCover
            : null;
        StockSuggestion? suggestion = slow is null ? null
            : still >= 2 * StillDays ? StockSuggestion.Return
            : cover > 2 * CoverWeeks ? StockSuggestion.Transfer
            : StockSuggestion.Promotion;
        decimal? excess = suggestion == StockSuggestion.Transfer && weekly is { } w ? decimal.Floor(latest.Quantity - w * CoverWeeks) : null;
        return new StockReading(latest.Quantity, latest.On, opening?.On, opening?.Quantity, delivered, sold, weekly, cover, lastMovement, still, slow, suggestion, excess);
    }

    /// <summary>
    /// The sell-through proposal's note for the owner's task, with the figures, in Chinese and English (dates as
    /// yyyy-MM-dd, shown as the viewer's language writes them): the product, the quantity counted, the days without
    /// movement, the cover and what to do.
    /// </summary>
    public static (string Zh, string En) Note(string product, StockReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var inv = CultureInfo.InvariantCulture;
        var q = reading.Quantity.ToString("0.##", inv);
        var cover = reading.CoverWeeks is { } c ? c.ToString("0.#", inv) : null;
        var weekly = reading.WeeklySellThrough is { } w ? w.ToString("0.##", inv) : null;
        var (doZh, doEn) = reading.Suggestion switch
        {
            StockSuggestion.Return => ("长期无动销，建议与经销商协商退换货或调换为畅销产品", "nothing has sold for a long time: agree a return or an exchange for a product that sells"),
            StockSuggestion.Transfer => ($"库存远超销售，建议将约 {reading.Excess?.ToString("0", inv) ?? q} 件调往销售较快的经销商", $"far more than it sells: transfer about {reading.Excess?.ToString("0", inv) ?? q} to a distributor where it sells"),
            _ => ("建议开展促销（让利、捆绑、店头活动）加快动销", "run a promotion (discount, bundle, in-store event) to move it"),
        };
        var zh = $"{Short(product)}：库存 {q}（{reading.CountedOn:yyyy-MM-dd} 盘点），已 {reading.DaysWithoutMovement} 天无动销"
            + (cover is null ? "，近期无销售" : $"，可销 {cover} 周（周均动销 {weekly}）")
            + $"。{doZh}。";
        var en = $"{Short(product)}: {q} in stock (counted {reading.CountedOn:yyyy-MM-dd}), no movement for {reading.DaysWithoutMovement} days"
            + (cover is null ? ", no recent sales" : $", {cover} weeks of cover ({weekly} a week)")
            + $". {char.ToUpperInvariant(doEn[0])}{doEn[1..]}.";
        return (zh, en);
    }

    /// <summary>A product's name as a task's note (at most 500 characters) can hold it beside the figures.</summary>
    private static string Short(string product) => product.Length <= 120 ? product : product[..119] + "…";
}
