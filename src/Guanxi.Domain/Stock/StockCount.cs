using Guanxi.Domain.Common;

namespace Guanxi.Domain.Stock;

/// <summary>Where a stock count came from: entered on the customer's page, imported from a file, or sent by another system.</summary>
public enum StockSource
{
    Page,
    Import,
    Api,
}

/// <summary>One line of a count as entered: a product and how many of it the distributor holds.</summary>
public sealed record StockCountLine(string? Product, decimal? Quantity);

/// <summary>A count as entered (SVC-10): the day it was counted and its lines, validated by <see cref="StockCount.Validate"/>.</summary>
public sealed record StockCountInput(DateOnly? CountedOn, IReadOnlyList<StockCountLine>? Lines);

/// <summary>
/// SVC-10: how many of one of our products a distributor (a trade customer) held on a day, as counted — by whom and from
/// where. One row per customer, product and day: the same product counted again on the same day corrects the count.
/// </summary>
public sealed class StockCount
{
    public const int MaxProductLength = 200;
    public const decimal MaxQuantity = 1_000_000_000m;
    public const int MaxLines = 500;

    /// <summary>No count is older than this (a year typed 0026 or 1926 is a typing error).</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

#pragma warning disable CS8618 // set by EF Core when loading, by Record when created
    private StockCount()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Product { get; private set; }
    public decimal Quantity { get; private set; }
    public DateOnly CountedOn { get; private set; }

    /// <summary>Who recorded it: a member of staff's id, or the system's (<see cref="Actor"/>).</summary>
    public string ById { get; private set; }
    public StockSource Source { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>A product's name as kept: trimmed, inner runs of spaces made one.</summary>
    public static string Clean(string product) => string.Join(' ', product.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether two names are the same product (case and spacing aside).</summary>
    public static bool Same(string a, string b) => string.Equals(Clean(a), Clean(b), StringComparison.OrdinalIgnoreCase);

    public static StockCount Record(Guid customerId, string product, decimal quantity, DateOnly countedOn, Actor by, StockSource source, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(), CustomerId = customerId, Product = Clean(product), Quantity = quantity, CountedOn = countedOn,
            ById = by.Id, Source = source, RecordedAt = now, Version = Guid.NewGuid(),
        };

    /// <summary>The same product counted again on the same day: the new quantity replaces the old one.</summary>
    public void Correct(decimal quantity, Actor by, StockSource source, DateTimeOffset now) =>
        (Quantity, ById, Source, RecordedAt, Version) = (quantity, by.Id, source, now, Guid.NewGuid());

    /// <summary>ARC-2: a merge moves the merged customer's counts to the survivor.</summary>
    public void MoveTo(Guid survivorId) => (CustomerId, Version) = (survivorId, Guid.NewGuid());

    /// <summary>
    /// Why a count cannot be recorded (none when it can), each error on its field: a day not in the future, at least one
    /// line, each with a product (at most 200 characters, once per count) and a quantity from 0 to 1,000,000,000.
    /// </summary>
    public static List<Error> Validate(StockCountInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<Error>();
        if (input.CountedOn is not { } on)
            errors.Add(StockErrors.DateRequired);
        else if (on > today)
            errors.Add(StockErrors.DateInFuture);
        else if (on < Earliest)
            errors.Add(StockErrors.DateTooOld);
        if (input.Lines is not { Count: > 0 } lines)
        {
            errors.Add(StockErrors.LinesRequired);
            return errors;
        }
        if (lines.Count > MaxLines)
        {
            errors.Add(StockErrors.TooManyLines);
            return errors;
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line.Product))
                errors.Add(StockErrors.ProductRequired.At($"lines[{i}].product"));
            else if (Clean(line.Product).Length > MaxProductLength)
                errors.Add(StockErrors.ProductTooLong.At($"lines[{i}].product"));
            else if (!seen.Add(Clean(line.Product)))
                errors.Add(StockErrors.ProductTwice.At($"lines[{i}].product"));
            if (line.Quantity is not { } quantity)
                errors.Add(StockErrors.QuantityRequired.At($"lines[{i}].quantity"));
            else if (quantity < 0 || quantity > MaxQuantity)
                errors.Add(StockErrors.QuantityOutOfRange.At($"lines[{i}].quantity"));
        }
        return errors;
    }
}

public static class StockErrors
{
    public static readonly Error NotTradeCustomer = Error.Conflict("stock.not_trade_customer",
        "只有经销商（贸易客户）才记录库存：请先在客户资料中勾选“经销商”。",
        "Stock is recorded for trade customers (distributors) only: mark the customer as a trade customer first.", "customerId");
    public static readonly Error CustomerNotActive = Error.Conflict("stock.customer_not_active",
        "只能为在册客户记录库存：该客户已归档或个人信息已删除。", "Stock is recorded for active customers only: this one is archived or erased.", "customerId");
    public static readonly Error NotAllowed = Error.Forbidden("stock.not_allowed",
        "只有客户的负责人、本部门经理和客服经理可以记录库存；其他人只查看。",
        "Only the customer's owner, its department's manager and the customer-service manager record stock; others read it.");
    public static readonly Error ReportNotAllowed = Error.Forbidden("stock.report_not_allowed",
        "滞销库存报表供部门经理、客服人员和公司领导查看。", "The slow-stock report is for department managers, customer service and leadership.");
    public static readonly Error DateRequired = new("stock.date_required", "请填写盘点日期（YYYY-MM-DD）。", "Give the day of the count (YYYY-MM-DD).", "countedOn");
    public static readonly Error DateInFuture = new("stock.date_in_future", "盘点日期不能晚于今天。", "The day of the count cannot be in the future.", "countedOn");
    public static readonly Error DateTooOld = new("stock.date_too_old", "盘点日期不能早于 2000 年。", "The day of the count cannot be before 2000.", "countedOn");
    public static readonly Error LinesRequired = new("stock.lines_required", "请至少填写一种产品的库存。", "Give the stock of at least one product.", "lines");
    public static readonly Error TooManyLines = new("stock.too_many_lines", $"一次盘点最多 {StockCount.MaxLines} 种产品。", $"A count has at most {StockCount.MaxLines} products.", "lines");
    public static readonly Error ProductRequired = new("stock.product_required", "请填写产品名称。", "Give the product's name.", "product");
    public static readonly Error ProductTooLong = new("stock.product_too_long", $"产品名称不能超过 {StockCount.MaxProductLength} 字。", $"The product's name cannot exceed {StockCount.MaxProductLength} characters.", "product");
    public static readonly Error ProductTwice = new("stock.product_twice", "同一次盘点中该产品重复出现，请合并为一行。", "This product appears twice in one count; give it on one line.", "product");
    public static readonly Error QuantityRequired = new("stock.quantity_required", "请填写库存数量。", "Give the quantity in stock.", "quantity");
    public static readonly Error QuantityOutOfRange = new("stock.quantity_out_of_range", "库存数量应在 0 到 1,000,000,000 之间。", "The quantity is from 0 to 1,000,000,000.", "quantity");
}
