using Guanxi.Domain.Stock;

namespace Guanxi.Domain.Tests;

/// <summary>SVC-10: distributors' stock — a count's rules, sell-through and cover from counts and our deliveries, slow stock and its proposal.</summary>
public sealed class StockTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly StockPolicy Policy = new();

    private static StockLevel L(int daysAgo, decimal quantity) => new(Today.AddDays(-daysAgo), quantity);

    private static StockDelivery D(int daysAgo, decimal quantity) => new(Today.AddDays(-daysAgo), quantity);

    private static List<string?> FieldsOf(DateOnly? on, params StockCountLine[] lines) =>
        [.. StockCount.Validate(new StockCountInput(on, lines), Today).Select(e => e.Field)];

    [Fact]
    public void SVC10_sell_through_is_the_opening_count_plus_our_deliveries_less_the_closing_count()
    {
        // 28 days: 40 counted, 20 delivered two weeks later, 32 counted → 28 sold, 7 a week, 32 in stock = 4.6 weeks of cover.
        var reading = Policy.Read([L(28, 40), L(0, 32)], [D(14, 20), D(40, 99), D(-1, 50)], Today)!;
        Assert.Equal((Today.AddDays(-28), 40m, 20m, 28m), (reading.OpeningOn!.Value, reading.OpeningQuantity!.Value, reading.Delivered, reading.SellThrough!.Value));
        Assert.Equal(7m, reading.WeeklySellThrough);
        Assert.Equal(4.6m, reading.CoverWeeks);
        Assert.Equal((Today, 0), (reading.LastMovementOn, reading.DaysWithoutMovement));
        Assert.False(reading.IsSlow);
    }

    [Fact]
    public void SVC10_the_weekly_sell_through_looks_back_13_weeks_from_the_latest_count()
    {
        // Counts a year apart and within the window: the window opens at the earliest count within 91 days of the latest.
        var reading = Policy.Read([L(400, 500), L(84, 100), L(42, 80), L(0, 58)], [], Today)!;
        Assert.Equal(Today.AddDays(-84), reading.OpeningOn);
        Assert.Equal(42m, reading.SellThrough);
        Assert.Equal(3.5m, reading.WeeklySellThrough);
        // None in the window but the latest: the count before it opens it.
        var sparse = Policy.Read([L(200, 30), L(0, 10)], [], Today)!;
        Assert.Equal((Today.AddDays(-200), 20m), (sparse.OpeningOn!.Value, sparse.SellThrough!.Value));
    }

    [Fact]
    public void SVC10_a_product_with_no_movement_for_the_set_days_is_slow_and_a_long_still_one_is_proposed_for_return()
    {
        // Counted 70 days ago and today: nothing sold (the delivery of 5 is still there). Movement last seen at the first count.
        var still = Policy.Read([L(70, 12), L(0, 17)], [D(30, 5)], Today)!;
        Assert.Equal((0m, (decimal?)null), (still.SellThrough!.Value, still.CoverWeeks));
        Assert.Equal((Today.AddDays(-70), 70), (still.LastMovementOn, still.DaysWithoutMovement));
        Assert.Equal((SlowReason.NoMovement, StockSuggestion.Promotion), (still.Slow, still.Suggestion));

        var stale = Policy.Read([L(130, 12)], [], Today)!;   // one count, 130 days old: nothing is known to have sold since
        Assert.Equal((SlowReason.NoMovement, StockSuggestion.Return), (stale.Slow, stale.Suggestion));

        // 59 days without movement is not yet slow; a sale seen at the last count resets the days.
        Assert.False(Policy.Read([L(59, 12)], [], Today)!.IsSlow);
        var moved = Policy.Read([L(100, 40), L(50, 9), L(10, 9)], [], Today)!;
        Assert.Equal((Today.AddDays(-50), 50), (moved.LastMovementOn, moved.DaysWithoutMovement));
        Assert.False(moved.IsSlow);
        // A decrease made up by a delivery in between is a sale too.
        Assert.Equal(Today.AddDays(-10), Policy.Read([L(100, 12), L(10, 12)], [D(40, 6)], Today)!.LastMovementOn);
    }

    [Fact]
    public void SVC10_a_product_with_more_cover_than_the_set_weeks_is_slow_and_far_more_is_proposed_for_transfer()
    {
        // 2 a week, 30 in stock: 15 weeks of cover > 12.
        var high = Policy.Read([L(28, 38), L(0, 30)], [], Today)!;
        Assert.Equal((2m, 15m), (high.WeeklySellThrough!.Value, high.CoverWeeks!.Value));
        Assert.Equal((SlowReason.HighCover, StockSuggestion.Promotion), (high.Slow, high.Suggestion));
        // 1 a week, 60 in stock: 60 weeks > 24 → transfer what is over 12 weeks' worth: 48.
        var far = Policy.Read([L(14, 62), L(0, 60)], [], Today)!;
        Assert.Equal((SlowReason.HighCover, StockSuggestion.Transfer, 48m), (far.Slow, far.Suggestion, far.Excess));
        // 12 weeks exactly is not above the line; the settings move it.
        Assert.False(Policy.Read([L(28, 32), L(0, 24)], [], Today)!.IsSlow);
        Assert.True(new StockPolicy(CoverWeeks: 10).Read([L(28, 32), L(0, 24)], [], Today)!.IsSlow);
        Assert.True(new StockPolicy(StillDays: 30).Read([L(40, 5)], [], Today)!.IsSlow);
    }

    [Fact]
    public void SVC10_nothing_in_stock_is_never_slow_and_no_count_reads_nothing()
    {
        Assert.False(Policy.Read([L(200, 10), L(100, 0)], [], Today)!.IsSlow);
        Assert.Null(Policy.Read([], [D(3, 10)], Today));
    }

    [Fact]
    public void SVC10_the_proposal_note_carries_the_product_quantity_days_cover_and_suggestion_in_both_languages()
    {
        var reading = Policy.Read([L(28, 38), L(0, 30)], [], Today)!;
        var (zh, en) = StockPolicy.Note("机油 5W-30", reading);
        Assert.Contains("机油 5W-30", zh);
        Assert.Contains("库存 30", zh);
        Assert.Contains("2026-12-01", zh);
        Assert.Contains("可销 15 周", zh);
        Assert.Contains("促销", zh);
        Assert.Contains("15 weeks of cover", en);
        Assert.Contains("promotion", en);
        var (longZh, longEn) = StockPolicy.Note(new string('品', 200), Policy.Read([L(300, 10)], [], Today)!);
        Assert.True(longZh.Length <= 500 && longEn.Length <= 500);
        Assert.Contains("退换货", longZh);
        Assert.Contains("no recent sales", longEn);
    }

    [Fact]
    public void SVC10_a_count_needs_a_day_not_in_the_future_and_each_product_once_with_a_quantity_from_0_to_a_billion()
    {
        Assert.Empty(FieldsOf(Today, new StockCountLine("机油 5W-30", 12), new StockCountLine("滤清器", 0)));
        Assert.Equal(["countedOn"], FieldsOf(Today.AddDays(1), new StockCountLine("机油", 1)));
        Assert.Equal(["countedOn"], FieldsOf(null, new StockCountLine("机油", 1)));
        Assert.Equal(["countedOn"], FieldsOf(new DateOnly(1999, 12, 31), new StockCountLine("机油", 1)));
        Assert.Equal(["lines"], FieldsOf(Today));
        Assert.Equal(["lines[0].product", "lines[1].quantity", "lines[2].quantity", "lines[3].product"],
            FieldsOf(Today, new StockCountLine(" ", 1), new StockCountLine("A", -1), new StockCountLine("B", 1_000_000_001), new StockCountLine(new string('长', 201), 1)));
        Assert.Equal(["lines[1].product"], FieldsOf(Today, new StockCountLine("机油  5W-30", 1), new StockCountLine(" 机油 5w-30 ", 2)));   // the same product, spacing and case aside
        Assert.Equal(["lines[0].quantity"], FieldsOf(Today, new StockCountLine("机油", null)));
        Assert.True(StockCount.Same("机油  5W-30 ", "机油 5w-30"));
    }

    [Fact]
    public void SVC10_the_rule_is_set_within_bounds()
    {
        Assert.Empty(new StockPolicy().Validate());
        Assert.Equal(["stillDays", "coverWeeks"], new StockPolicy(6, 0).Validate().Select(e => e.Field));
        Assert.Equal(["stillDays", "coverWeeks"], new StockPolicy(366, 105).Validate().Select(e => e.Field));
    }
}
