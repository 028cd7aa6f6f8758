using Guanxi.Domain.Common;

namespace Guanxi.Domain.Orders;

public static class OrderErrors
{
    public static readonly Error UnknownKind = new("order.unknown_kind", "订单类型只能是销售（sale）或售后（service）。", "The kind is sale or service.", "kind");
    public static readonly Error NumberRequired = new("order.number_required", "请填写订单号。", "Enter the order number.", "externalNo");
    public static readonly Error NumberTooLong = new("order.number_too_long", $"订单号不能超过 {Order.MaxNumberLength} 个字符。", $"The order number can have at most {Order.MaxNumberLength} characters.", "externalNo");
    public static readonly Error NumberFixed = new("order.number_fixed", "订单类型和订单号不能修改。", "The kind and number of an order cannot change.", "externalNo");
    public static readonly Error CustomerRequired = new("order.customer_required", "请选择客户。", "Choose the customer.", "customerId");
    public static readonly Error OrderedAtRequired = new("order.ordered_at_required", "请填写下单日期。", "Enter the order date.", "orderedAt");
    public static readonly Error ReferrerIsCustomer = new("order.referrer_is_customer", "介绍人不能是客户本人。", "The referrer cannot be the customer.", "referrerId");
    public static readonly Error DeliveredBeforeOrdered = new("order.delivered_before_ordered", "交付日期不能早于下单日期。", "The delivery date cannot be before the order date.", "deliveredAt");
    public static readonly Error TooManyItems = new("order.too_many_items", $"一个订单最多 {Order.MaxItems} 行明细。", $"At most {Order.MaxItems} items per order.", "items");
    public static readonly Error AmountRequired = new("order.amount_required", "请填写金额，或至少一行明细。", "Enter the amount or at least one item.", "amount");
    public static readonly Error AmountInvalid = new("order.amount_invalid", "金额超出范围。", "The amount is out of range.", "amount");
    public static readonly Error CostInvalid = new("order.cost_invalid", "成本不能为负数，也不能超出范围。", "The cost cannot be negative or out of range.", "cost");
    public static readonly Error MileageInvalid = new("order.mileage_invalid", $"里程应在 0 到 {Order.MaxMileage:N0} 公里之间。", $"The mileage must be 0 to {Order.MaxMileage:N0} km.", "vehicle.mileage");
    public static readonly Error TooManyPayments = new("order.too_many_payments", $"一个订单最多 {Order.MaxPayments} 期付款。", $"At most {Order.MaxPayments} payments per order.", "payments");

    public static Error ItemName(int index) =>
        new("order.item_name", $"请填写品名（不超过 {Order.MaxTextLength} 个字）。", $"Enter the item's name (at most {Order.MaxTextLength} characters).", $"items[{index}].name");

    public static Error ItemNumbers(int index) =>
        new("order.item_numbers", "数量不能为 0，单价不能为负数。", "The quantity cannot be 0, nor the unit price negative.", $"items[{index}].quantity");

    public static Error PaymentDue(int index) =>
        new("order.payment_due", "请填写每期的应付日期。", "Enter each payment's due date.", $"payments[{index}].dueAt");

    public static Error PaymentAmount(int index) =>
        new("order.payment_amount", "每期付款金额须大于 0。", "Each payment's amount must be above 0.", $"payments[{index}].amount");

    public static Error TextTooLong(string field) =>
        new("order.text_too_long", $"内容不能超过 {Order.MaxTextLength} 个字。", $"At most {Order.MaxTextLength} characters.", field);
}
