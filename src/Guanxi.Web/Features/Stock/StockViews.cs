using Guanxi.Domain.Stock;

namespace Guanxi.Web.Features.Stock;

/// <summary>
/// A product at a distributor: the latest count (quantity, countedOn, by whom, source), the sell-through since the opening
/// count of the window (openingOn, openingQuantity, delivered by us in between, sellThrough, weeklySellThrough), the cover
/// in weeks (null when nothing sold), the last day a count showed a sale, the days since, whether it is slow, why
/// (noMovement|highCover) and what is suggested (promotion|transfer|return), and the open sell-through task if any.
/// </summary>
public sealed record StockLineView(
    string Product, decimal Quantity, DateOnly CountedOn, string CountedBy, string CountedById, StockSource Source,
    DateOnly? OpeningOn, decimal? OpeningQuantity, decimal Delivered, decimal? SellThrough, decimal? WeeklySellThrough, decimal? CoverWeeks,
    DateOnly LastMovementOn, int DaysWithoutMovement, bool Slow, SlowReason? Reason, StockSuggestion? Suggestion, Guid? OpenTaskId);

/// <summary>A count as recorded, for the customer's recent counts.</summary>
public sealed record StockCountRow(DateOnly CountedOn, string Product, decimal Quantity, string By, string ById, StockSource Source, DateTimeOffset RecordedAt);

/// <summary>A distributor's stock: the rule in force, whether the caller may record a count, each product's latest line, the recent counts.</summary>
public sealed record CustomerStockView(
    Guid CustomerId, string CustomerName, int StillDays, int CoverWeeks, bool CanRecord, IReadOnlyList<StockLineView> Lines, IReadOnlyList<StockCountRow> Recent);

/// <summary>A slow product in the report.</summary>
public sealed record SlowStockLine(
    string Product, decimal Quantity, DateOnly CountedOn, decimal? WeeklySellThrough, decimal? CoverWeeks, int DaysWithoutMovement,
    SlowReason Reason, StockSuggestion Suggestion, Guid? OpenTaskId);

/// <summary>A distributor with slow stock: its owner and department, how many products are slow and how many units, the lines.</summary>
public sealed record SlowStockDistributor(
    Guid CustomerId, string CustomerName, string OwnerId, string Owner, Guid DepartmentId, string Department, int SlowProducts, decimal SlowQuantity,
    IReadOnlyList<SlowStockLine> Lines);

/// <summary>The slow-stock report (滞销库存): the rule, how many distributors have counts and the slow ones, most slow products first.</summary>
public sealed record SlowStockReport(int StillDays, int CoverWeeks, int DistributorsCounted, IReadOnlyList<SlowStockDistributor> Distributors);
