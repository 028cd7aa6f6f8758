using Guanxi.Domain.Orders;

namespace Guanxi.Web.Features.Orders;

public sealed record OrderItemBody(string? Name, decimal Quantity, decimal UnitPrice);

/// <summary>The vehicle: model, plate, VIN and, optionally, its odometer reading in km at the job or delivery.</summary>
public sealed record VehicleBody(string? Model, string? Plate, string? Vin, int? Mileage = null);

public sealed record PaymentBody(DateOnly DueAt, DateOnly? PaidAt, decimal Amount);

/// <summary>The order body of POST /api/orders and of each element of /api/orders/batch (and of the order form).</summary>
public sealed record OrderBody(
    OrderKind Kind, string? ExternalNo, Guid CustomerId, Guid? DepartmentId, string? StaffId, DateOnly OrderedAt, DateOnly? DeliveredAt,
    decimal? Amount, decimal? Cost, IReadOnlyList<OrderItemBody>? Items, VehicleBody? Vehicle, IReadOnlyList<PaymentBody>? Payments,
    Guid? ReferrerId, string? Channel = null, string? PaymentTerms = null);

/// <summary>
/// One order. <c>outstanding</c> is all that is still owed; <c>overdueAmount</c> the part of it that fell due before today
/// and is unpaid, <c>overdueDays</c> the days since the oldest of those instalments fell due (0 and 0 when nothing is overdue).
/// </summary>
public sealed record OrderView(
    Guid Id, OrderKind Kind, string ExternalNo, Guid CustomerId, string CustomerName, Guid DepartmentId, string DepartmentName,
    string? StaffId, string? StaffName, DateOnly OrderedAt, DateOnly? DeliveredAt, decimal Amount, decimal? Cost, bool IsReturn,
    IReadOnlyList<OrderItem> Items, OrderVehicle? Vehicle, string? PaymentTerms, IReadOnlyList<OrderPayment> Payments, decimal Outstanding,
    DateOnly? UnpaidSince, bool Overdue, Guid? ReferrerId, string? ReferrerName, string? Channel, bool Editable, Guid Version,
    decimal OverdueAmount = 0, int OverdueDays = 0);

/// <summary>An order in a list; <c>overdueAmount</c> and <c>overdueDays</c> as in <see cref="OrderView"/>.</summary>
public sealed record OrderRow(
    Guid Id, OrderKind Kind, string ExternalNo, Guid CustomerId, string CustomerName, string DepartmentName, string? StaffName,
    DateOnly OrderedAt, DateOnly? DeliveredAt, decimal Amount, decimal Outstanding, bool Overdue, string? VehicleModel, string? VehiclePlate,
    decimal OverdueAmount = 0, int OverdueDays = 0);

public sealed record BatchRejection(int Index, string Message, string? Field);

public sealed record BatchResult(int Created, int Updated, IReadOnlyList<BatchRejection> Rejected);
