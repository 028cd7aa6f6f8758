using Guanxi.Domain.Common;

namespace Guanxi.Domain.Orders;

/// <summary>A sales order (vehicle or product delivered) or a service order (an after-sales job).</summary>
public enum OrderKind
{
    Sale,
    Service,
}

/// <summary>A line of an order; a return's lines have negative quantities.</summary>
public sealed record OrderItem(string Name, decimal Quantity, decimal UnitPrice)
{
    public decimal Amount => decimal.Round(Quantity * UnitPrice, 2);
}

/// <summary>The vehicle sold or serviced, when there is one; <see cref="Mileage"/> is its odometer reading in km at the job or delivery (SVC-6).</summary>
public sealed record OrderVehicle(string? Model, string? Plate, string? Vin, int? Mileage = null);

/// <summary>An instalment: <see cref="Amount"/> due on <see cref="DueAt"/>, paid in full on <see cref="PaidAt"/> (null: unpaid).</summary>
public sealed record OrderPayment(DateOnly DueAt, DateOnly? PaidAt, decimal Amount);

/// <summary>
/// What of an order is overdue on a day: the instalments due before that day and not paid (an instalment is paid in full
/// or not at all, so nothing was paid on them), and for how many days — since the due date of the oldest of them.
/// </summary>
public sealed record OrderOverdue(decimal Amount, int Days, DateOnly? Since)
{
    public static OrderOverdue None { get; } = new(0m, 0, null);

    public bool IsOverdue => Amount > 0;

    /// <summary>The overdue part of <paramref name="payments"/> on <paramref name="today"/>: due before today and unpaid.</summary>
    public static OrderOverdue Of(IEnumerable<OrderPayment> payments, DateOnly today)
    {
        var (amount, since) = (0m, (DateOnly?)null);
        foreach (var p in payments)
        {
            if (p.PaidAt is null && p.DueAt < today)
                (amount, since) = (amount + p.Amount, since is { } s && s < p.DueAt ? s : p.DueAt);
        }
        return since is { } oldest ? new(amount, today.DayNumber - oldest.DayNumber, oldest) : None;
    }
}

/// <summary>Everything that makes an order, as entered, imported or sent by another system.</summary>
public sealed record OrderDetails(
    OrderKind Kind,
    string? ExternalNo,
    Guid CustomerId,
    Guid DepartmentId,
    string? StaffId,
    DateOnly OrderedAt,
    DateOnly? DeliveredAt,
    IReadOnlyList<OrderItem> Items,
    decimal? Amount,
    decimal? Cost,
    OrderVehicle? Vehicle,
    string? PaymentTerms,
    IReadOnlyList<OrderPayment> Payments,
    Guid? ReferrerId,
    string? Channel);

/// <summary>
/// An order of a customer (SAT-1's population, GRD-1's indicators, ARC-5's payments). Its external number is unique per
/// kind: writing the same number again updates the order, never duplicates it. The amount is the items' sum unless given;
/// a negative amount is a return (an invoice "C…" of a retailer). What is still owed and since when is kept with the order,
/// so that overdue customers are found without reading every payment.
/// </summary>
public sealed class Order
{
    public const int MaxNumberLength = 64;
    public const int MaxItems = 1000;
    public const int MaxPayments = 120;
    public const int MaxTextLength = 200;
    public const decimal MaxAmount = 1_000_000_000m;
    public const int MaxMileage = 2_000_000;

    private List<OrderItem> items = [];
    private List<OrderPayment> payments = [];

#pragma warning disable CS8618 // set by EF Core when loading, by Apply when created
    private Order()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public OrderKind Kind { get; private set; }
    public string ExternalNo { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string? StaffId { get; private set; }
    public DateOnly OrderedAt { get; private set; }
    public DateOnly? DeliveredAt { get; private set; }
    public IReadOnlyList<OrderItem> Items => items;
    public decimal Amount { get; private set; }
    public decimal? Cost { get; private set; }
    public string? VehicleModel { get; private set; }
    public string? VehiclePlate { get; private set; }
    public string? VehicleVin { get; private set; }

    /// <summary>The vehicle's odometer reading (km) at this job or delivery, when known.</summary>
    public int? VehicleMileage { get; private set; }
    public string? PaymentTerms { get; private set; }
    public IReadOnlyList<OrderPayment> Payments => payments;

    /// <summary>What is still unpaid of the instalments.</summary>
    public decimal Outstanding { get; private set; }

    /// <summary>The due date of the earliest unpaid instalment: overdue from the day after.</summary>
    public DateOnly? UnpaidSince { get; private set; }

    /// <summary>
    /// ARC-5 at scale: how many instalments there are, how many were paid by their due date, and the last due date. Once
    /// all are paid and due (<see cref="IsSettled"/>), they are the order's whole part of the payment record, which no
    /// longer changes with the days: the nightly rating sums them instead of reading every order's instalments.
    /// </summary>
    public int Instalments { get; private set; }
    public int PaidOnTime { get; private set; }
    public DateOnly? LastDueOn { get; private set; }

    public bool IsSettled(DateOnly today) => Outstanding == 0 && (LastDueOn is null || LastDueOn <= today);

    public Guid? ReferrerId { get; private set; }
    public string? Channel { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid Version { get; private set; }

    public bool IsReturn => Amount < 0;

    public OrderVehicle? Vehicle => VehicleModel is null && VehiclePlate is null && VehicleVin is null && VehicleMileage is null
        ? null : new(VehicleModel, VehiclePlate, VehicleVin, VehicleMileage);

    public static Result<Order> Create(OrderDetails details, DateTimeOffset now)
    {
        var order = new Order { Id = Guid.CreateVersion7(), CreatedAt = now };
        return order.Apply(details);
    }

    /// <summary>The same order written again (same kind and number): it takes the new details; the number stays.</summary>
    public Result<Order> Update(OrderDetails details)
    {
        if (details.Kind != Kind || !string.Equals(Clean(details.ExternalNo), ExternalNo, StringComparison.Ordinal))
            return OrderErrors.NumberFixed;
        return Apply(details);
    }

    /// <summary>ARC-2: a merge moves the merged customers' orders to the survivor (and their referrals with them).</summary>
    public void MoveTo(Guid survivorId) =>
        (CustomerId, ReferrerId, Version) = (survivorId, ReferrerId == survivorId ? null : ReferrerId, Guid.NewGuid());

    /// <summary>The referrer was merged: the survivor made the referral (nobody, when the survivor is this order's customer).</summary>
    public void ReferredBy(Guid survivorId) => (ReferrerId, Version) = (survivorId == CustomerId ? null : survivorId, Guid.NewGuid());

    /// <summary>Instalments unpaid after their due date, as of <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => UnpaidSince is { } due && due < today;

    /// <summary>What is overdue on <paramref name="today"/> and for how many days (not the whole outstanding amount).</summary>
    public OrderOverdue OverdueOn(DateOnly today) => OrderOverdue.Of(payments, today);

    private Result<Order> Apply(OrderDetails d)
    {
        var errors = Validate(d);
        if (errors.Count > 0)
            return Result<Order>.Fail([.. errors]);
        var before = State;
        (Kind, ExternalNo, CustomerId, DepartmentId, StaffId) = (d.Kind, Clean(d.ExternalNo)!, d.CustomerId, d.DepartmentId, Clean(d.StaffId));
        (OrderedAt, DeliveredAt) = (d.OrderedAt, d.DeliveredAt);
        var newItems = d.Items.Select(i => i with { Name = i.Name.Trim() }).ToList();
        if (!items.SequenceEqual(newItems))
            items = newItems;
        Amount = d.Amount ?? items.Sum(i => i.Amount);
        Cost = d.Cost;
        (VehicleModel, VehiclePlate, VehicleVin) = (Clean(d.Vehicle?.Model), Clean(d.Vehicle?.Plate)?.ToUpperInvariant(), Clean(d.Vehicle?.Vin)?.ToUpperInvariant());
        VehicleMileage = d.Vehicle?.Mileage;
        PaymentTerms = Clean(d.PaymentTerms);
        var newPayments = d.Payments.OrderBy(p => p.DueAt).ToList();
        if (!payments.SequenceEqual(newPayments))
            payments = newPayments;
        Outstanding = payments.Where(p => p.PaidAt is null).Sum(p => p.Amount);
        UnpaidSince = payments.Where(p => p.PaidAt is null).Select(p => (DateOnly?)p.DueAt).Min();
        (Instalments, PaidOnTime, LastDueOn) = (payments.Count, payments.Count(p => p.PaidAt is { } paid && paid <= p.DueAt), payments.Select(p => (DateOnly?)p.DueAt).Max());
        (ReferrerId, Channel) = (d.ReferrerId, Clean(d.Channel));
        if (State != before)   // the same order sent again is no change (an idempotent batch writes nothing)
            Version = Guid.NewGuid();
        return this;
    }

    // The lists are replaced only when their content changes, so comparing them by reference compares their content.
    private (OrderKind, string, Guid, Guid, string?, DateOnly, DateOnly?, object, decimal, decimal?, string?, string?, string?, int?, string?, object, Guid?, string?) State =>
        (Kind, ExternalNo, CustomerId, DepartmentId, StaffId, OrderedAt, DeliveredAt, items, Amount, Cost, VehicleModel, VehiclePlate, VehicleVin, VehicleMileage,
            PaymentTerms, payments, ReferrerId, Channel);

    /// <summary>Why these details cannot be an order (none when they can).</summary>
    public static List<Error> Validate(OrderDetails d)
    {
        var errors = new List<Error>();
        if (!Enum.IsDefined(d.Kind))
            errors.Add(OrderErrors.UnknownKind);
        if (Clean(d.ExternalNo) is not { } number)
            errors.Add(OrderErrors.NumberRequired);
        else if (number.Length > MaxNumberLength)
            errors.Add(OrderErrors.NumberTooLong);
        if (d.CustomerId == Guid.Empty)
            errors.Add(OrderErrors.CustomerRequired);
        if (d.OrderedAt.Year < 1900)
            errors.Add(OrderErrors.OrderedAtRequired);
        if (d.ReferrerId is { } referrer && referrer == d.CustomerId)
            errors.Add(OrderErrors.ReferrerIsCustomer);
        if (d.DeliveredAt is { } delivered && delivered < d.OrderedAt)
            errors.Add(OrderErrors.DeliveredBeforeOrdered);
        if (d.Items.Count > MaxItems)
            errors.Add(OrderErrors.TooManyItems);
        foreach (var (item, i) in d.Items.Select((item, i) => (item, i)))
            errors.AddRange(ValidateItem(item, i));
        if (d.Amount is null && d.Items.Count == 0)
            errors.Add(OrderErrors.AmountRequired);
        if (d.Amount is { } amount && Math.Abs(amount) > MaxAmount || d.Cost is < 0 || d.Cost > MaxAmount)
            errors.Add(d.Cost is < 0 || d.Cost > MaxAmount ? OrderErrors.CostInvalid : OrderErrors.AmountInvalid);
        if (d.Payments.Count > MaxPayments)
            errors.Add(OrderErrors.TooManyPayments);
        foreach (var (payment, i) in d.Payments.Select((p, i) => (p, i)))
        {
            if (payment.DueAt.Year < 1900)
                errors.Add(OrderErrors.PaymentDue(i));
            if (payment.Amount <= 0 || payment.Amount > MaxAmount)
                errors.Add(OrderErrors.PaymentAmount(i));
        }
        if (d.Vehicle?.Mileage is < 0 or > MaxMileage)
            errors.Add(OrderErrors.MileageInvalid);
        foreach (var (text, field) in new[] { (d.Channel, "channel"), (d.PaymentTerms, "paymentTerms"), (d.Vehicle?.Model, "vehicle.model"), (d.Vehicle?.Plate, "vehicle.plate"), (d.Vehicle?.Vin, "vehicle.vin") })
        {
            if (text?.Trim().Length > MaxTextLength)
                errors.Add(OrderErrors.TextTooLong(field));
        }
        return errors;
    }

    /// <summary>Why a line cannot be the <paramref name="index"/>-th item of an order (none when it can).</summary>
    public static IEnumerable<Error> ValidateItem(OrderItem item, int index)
    {
        if (string.IsNullOrWhiteSpace(item.Name) || item.Name.Trim().Length > MaxTextLength)
            yield return OrderErrors.ItemName(index);
        if (item.Quantity == 0 || Math.Abs(item.Quantity) > 1_000_000 || item.UnitPrice < 0 || item.UnitPrice > MaxAmount)
            yield return OrderErrors.ItemNumbers(index);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
