using Guanxi.Domain.Orders;

namespace Guanxi.Web.Features.Orders;

/// <summary>The order form's state, turned into an <see cref="OrderBody"/> on save. An empty amount is the items' total.</summary>
public sealed class OrderForm
{
    public OrderKind Kind { get; set; }
    public string? ExternalNo { get; set; }
    public Guid? CustomerId { get; set; }
    public string? CustomerName { get; set; }
    public Guid? DepartmentId { get; set; }
    public string? StaffId { get; set; }
    public DateTime? OrderedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public List<ItemLine> Items { get; set; } = [new()];
    public decimal? Amount { get; set; }
    public decimal? Cost { get; set; }
    public string? Model { get; set; }
    public string? Plate { get; set; }
    public string? Vin { get; set; }
    public int? Mileage { get; set; }
    public string? PaymentTerms { get; set; }
    public List<PaymentLine> Payments { get; set; } = [];
    public Guid? ReferrerId { get; set; }
    public string? ReferrerName { get; set; }
    public string? Channel { get; set; }
    public Guid? Version { get; set; }

    public sealed class ItemLine
    {
        public string? Name { get; set; }
        public decimal Quantity { get; set; } = 1;
        public decimal UnitPrice { get; set; }
    }

    public sealed class PaymentLine
    {
        public DateTime? DueAt { get; set; }
        public DateTime? PaidAt { get; set; }
        public decimal Amount { get; set; }
    }

    public decimal ItemsTotal => Items.Where(i => !string.IsNullOrWhiteSpace(i.Name)).Sum(i => decimal.Round(i.Quantity * i.UnitPrice, 2));

    public static OrderForm From(OrderView v) => new()
    {
        Kind = v.Kind, ExternalNo = v.ExternalNo, CustomerId = v.CustomerId, CustomerName = v.CustomerName, DepartmentId = v.DepartmentId, StaffId = v.StaffId,
        OrderedAt = v.OrderedAt.ToDateTime(TimeOnly.MinValue), DeliveredAt = v.DeliveredAt?.ToDateTime(TimeOnly.MinValue),
        Items = [.. v.Items.Select(i => new ItemLine { Name = i.Name, Quantity = i.Quantity, UnitPrice = i.UnitPrice })],
        Amount = v.Items.Sum(i => i.Amount) == v.Amount && v.Items.Count > 0 ? null : v.Amount, Cost = v.Cost,
        Model = v.Vehicle?.Model, Plate = v.Vehicle?.Plate, Vin = v.Vehicle?.Vin, Mileage = v.Vehicle?.Mileage, PaymentTerms = v.PaymentTerms,
        Payments = [.. v.Payments.Select(p => new PaymentLine { DueAt = p.DueAt.ToDateTime(TimeOnly.MinValue), PaidAt = p.PaidAt?.ToDateTime(TimeOnly.MinValue), Amount = p.Amount })],
        ReferrerId = v.ReferrerId, ReferrerName = v.ReferrerName, Channel = v.Channel, Version = v.Version,
    };

    public OrderBody ToBody() => new(
        Kind, ExternalNo, CustomerId ?? Guid.Empty, DepartmentId, StaffId, Date(OrderedAt) ?? default, Date(DeliveredAt), Amount, Cost,
        [.. Items.Where(i => !string.IsNullOrWhiteSpace(i.Name) || i.UnitPrice != 0).Select(i => new OrderItemBody(i.Name, i.Quantity, i.UnitPrice))],
        new VehicleBody(Model, Plate, Vin, Mileage),
        [.. Payments.Select(p => new PaymentBody(Date(p.DueAt) ?? default, Date(p.PaidAt), p.Amount))],
        ReferrerId, Channel, PaymentTerms);

    private static DateOnly? Date(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
