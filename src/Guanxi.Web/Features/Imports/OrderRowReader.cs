using System.Globalization;
using Guanxi.Domain.Orders;
using Guanxi.Web.Features.Customers;

namespace Guanxi.Web.Features.Imports;

/// <summary>One line of an order file: the order it belongs to, its customer, and its item (a file has a row per order line).</summary>
public sealed record OrderLine(
    int Row, OrderKind Kind, string OrderNo, string? CustomerNo, string? Mobile, string? CustomerName, string? Region, DateOnly OrderedAt,
    DateOnly? DeliveredAt, OrderItem? Item, decimal? Amount, decimal? Cost, string? StaffId, Guid DepartmentId, OrderVehicle? Vehicle,
    string? Channel, string? PaymentTerms);

/// <summary>
/// Reads a row of an order file (the export of a dealer system, a shop's invoice lines): order number and kind, the customer
/// by number (客户编号) or mobile, dates in the formats Chinese spreadsheets use, numbers with ¥ and thousands separators.
/// </summary>
public sealed class OrderRowReader(
    IReadOnlyList<string> headers, IReadOnlyList<ImportField> mapping, IReadOnlyDictionary<string, ImportOwner> staff,
    IReadOnlyDictionary<string, Guid> departments, ImportOwner importer, bool english)
{
    private readonly int[] index = [.. Enum.GetValues<ImportField>().Select(f => mapping.ToList().IndexOf(f))];

    public (OrderLine? Line, IReadOnlyList<ImportError> Errors) Read(ImportRow row)
    {
        var errors = new List<ImportError>();
        string? Cell(ImportField field) => index[(int)field] is var i and >= 0 && i < row.Cells.Count ? row.Cells[i] : null;
        void Fail(ImportField field, string zh, string en) => errors.Add(new ImportError(row.Number, Column(field), english ? en : zh));
        decimal? Number(ImportField field)
        {
            if (Cell(field) is not { } text)
                return null;
            if (decimal.TryParse(text.Replace("¥", "", StringComparison.Ordinal).Replace("￥", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal),
                    NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                return value;
            Fail(field, $"“{text}”不是数字", $"'{text}' is not a number");
            return null;
        }

        var orderNo = Cell(ImportField.OrderNo);
        if (orderNo is null)
            Fail(ImportField.OrderNo, "没有订单号", "No order number");
        var kind = Cell(ImportField.OrderKind) switch
        {
            null => OrderKind.Sale,
            "销售" or "新车销售" or "整车销售" or "sale" or "Sale" or "sales" or "Sales" => OrderKind.Sale,
            "售后" or "维修" or "保养" or "维修保养" or "service" or "Service" => OrderKind.Service,
            var other => Unknown(other),
        };
        OrderKind Unknown(string text)
        {
            Fail(ImportField.OrderKind, $"订单类型“{text}”只能是“销售”或“售后”", $"The kind '{text}' must be sale or service");
            return OrderKind.Sale;
        }
        var customerNo = Cell(ImportField.ExternalId);
        var mobile = Cell(ImportField.Mobile) is { } m ? CustomerInput.ToE164(m) : null;
        if (Cell(ImportField.Mobile) is { } badMobile && mobile is null)
            Fail(ImportField.Mobile, $"“{badMobile}”不是有效的手机号码", $"'{badMobile}' is not a valid mobile number");
        else if (customerNo is null && mobile is null)
            Fail(ImportField.ExternalId, "没有客户编号（或客户手机），无法对应到客户", "No customer number (or mobile): the line cannot be matched to a customer");
        var orderedAt = Cell(ImportField.OrderedAt) is { } o ? CustomerRowReader.ParseDate(o) : null;
        if (orderedAt is null)
            Fail(ImportField.OrderedAt, Cell(ImportField.OrderedAt) is { } bad ? $"“{bad}”不是日期（例如 2026-05-01）" : "没有下单日期",
                Cell(ImportField.OrderedAt) is { } badEn ? $"'{badEn}' is not a date (e.g. 2026-05-01)" : "No order date");
        DateOnly? deliveredAt = null;
        if (Cell(ImportField.DeliveredAt) is { } d && (deliveredAt = CustomerRowReader.ParseDate(d)) is null)
            Fail(ImportField.DeliveredAt, $"“{d}”不是日期（例如 2026-05-01）", $"'{d}' is not a date (e.g. 2026-05-01)");
        var (quantity, unitPrice, amount, cost) = (Number(ImportField.Quantity), Number(ImportField.UnitPrice), Number(ImportField.Amount), Number(ImportField.Cost));
        var itemName = Cell(ImportField.ItemName);
        OrderItem? item = itemName is not null || unitPrice is not null ? new OrderItem(itemName ?? (english ? "Item" : "商品"), quantity ?? 1, unitPrice ?? 0) : null;
        foreach (var invalid in item is null ? [] : Order.ValidateItem(item, 0))
            errors.Add(new ImportError(row.Number, Column(invalid.Field!.EndsWith(".name", StringComparison.Ordinal) ? ImportField.ItemName : ImportField.Quantity), invalid.MessageFor(english)));
        string? staffId = null;
        if (Cell(ImportField.Staff) is { } staffName)
        {
            if (staff.TryGetValue(staffName, out var member))
                staffId = member.Id;
            else
                Fail(ImportField.Staff, $"经办人“{staffName}”不存在", $"No member of staff '{staffName}'");
        }
        var department = importer.DepartmentId;
        if (Cell(ImportField.Department) is { } departmentName && !departments.TryGetValue(departmentName, out department))
            Fail(ImportField.Department, $"部门“{departmentName}”不存在", $"No department '{departmentName}'");
        if (errors.Count > 0)
            return (null, errors);
        var vehicle = (Cell(ImportField.VehicleModel), Cell(ImportField.Plate), Cell(ImportField.Vin)) is var (model, plate, vin) && (model ?? plate ?? vin) is not null
            ? new OrderVehicle(model, plate, vin) : null;
        return (new OrderLine(row.Number, kind, orderNo!, customerNo, mobile, Cell(ImportField.Name), Cell(ImportField.Region), orderedAt!.Value, deliveredAt,
            item, amount, cost, staffId, department, vehicle, Cell(ImportField.Source), Cell(ImportField.PaymentTerms)), []);
    }

    private string Column(ImportField field) => index[(int)field] is var i and >= 0 && i < headers.Count ? headers[i] : HeaderMap.Label(field, english);
}
