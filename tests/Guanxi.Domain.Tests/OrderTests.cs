using Guanxi.Domain.Accounts;
using Guanxi.Domain.Credit;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;

namespace Guanxi.Domain.Tests;

/// <summary>Orders: sales and service orders of a customer, the data SAT-1, GRD-1 and ARC-5 read.</summary>
public sealed class OrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Customer = Guid.NewGuid();
    private static readonly Guid Sales = Guid.NewGuid();

    private static OrderDetails Details(string? number = "S-2026-001", decimal? amount = null, IReadOnlyList<OrderItem>? items = null,
        IReadOnlyList<OrderPayment>? payments = null, DateOnly? delivered = null, Guid? referrer = null) => new(
        OrderKind.Sale, number, Customer, Sales, "consultant-1", new DateOnly(2026, 10, 1), delivered ?? new DateOnly(2026, 10, 8),
        items ?? [new OrderItem("哈弗 H6 2026 款", 1, 139_800m), new OrderItem("贴膜", 1, 2_000m)], amount, 120_000m,
        new OrderVehicle("哈弗 H6", "苏d·12345", "lgwef4a59rh123456"), "分期 2 期", payments ?? [], referrer, "展厅");

    [Fact]
    public void An_order_totals_its_items_unless_an_amount_is_given()
    {
        var order = Order.Create(Details(), Now).Value!;
        Assert.Equal(141_800m, order.Amount);
        Assert.Equal("S-2026-001", order.ExternalNo);
        Assert.Equal(new OrderVehicle("哈弗 H6", "苏D·12345", "LGWEF4A59RH123456"), order.Vehicle);
        Assert.False(order.IsReturn);
        Assert.Equal(139_000m, Order.Create(Details(amount: 139_000m), Now).Value!.Amount);
    }

    [Fact]
    public void A_return_has_negative_lines_and_a_negative_amount()
    {
        var order = Order.Create(Details(number: "C536379", items: [new OrderItem("WHITE METAL LANTERN", -6, 3.39m)]), Now).Value!;
        Assert.Equal(-20.34m, order.Amount);
        Assert.True(order.IsReturn);
    }

    [Fact]
    public void ARC_5_outstanding_and_overdue_come_from_the_unpaid_instalments()
    {
        var order = Order.Create(Details(payments:
        [
            new OrderPayment(new DateOnly(2026, 12, 8), null, 70_900m),
            new OrderPayment(new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 8), 70_900m),
            new OrderPayment(new DateOnly(2026, 11, 8), null, 10_000m),
        ]), Now).Value!;
        Assert.Equal(80_900m, order.Outstanding);
        Assert.Equal(new DateOnly(2026, 11, 8), order.UnpaidSince);
        Assert.False(order.IsOverdue(new DateOnly(2026, 11, 8)));
        Assert.True(order.IsOverdue(new DateOnly(2026, 11, 9)));
        Assert.Equal(new DateOnly(2026, 10, 8), order.Payments[0].DueAt);
    }

    [Fact]
    public void ARC_5_the_overdue_amount_is_what_fell_due_unpaid_not_the_outstanding_total_and_its_days_count_from_the_oldest()
    {
        // Twelve monthly instalments of a car loan: the first two paid, the third unpaid and overdue, nine not yet due.
        var first = new DateOnly(2026, 8, 8);
        var payments = Enumerable.Range(0, 12).Select(i => new OrderPayment(first.AddMonths(i), i < 2 ? first.AddMonths(i) : null, 9_438.33m)).ToList();
        var order = Order.Create(Details(payments: payments), Now).Value!;
        var today = new DateOnly(2026, 11, 22);   // the 2026-10-08 instalment is 45 days overdue; 11-08 too, 14 days
        Assert.Equal(new OrderOverdue(18_876.66m, 45, new DateOnly(2026, 10, 8)), order.OverdueOn(today));
        Assert.Equal(94_383.30m, order.Outstanding);   // what is still owed in all, which is not what is overdue

        var one = Order.Create(Details(payments: [.. payments.Select((p, i) => i == 3 ? p with { PaidAt = p.DueAt } : p)]), Now).Value!;
        Assert.Equal(new OrderOverdue(9_438.33m, 45, new DateOnly(2026, 10, 8)), one.OverdueOn(today));
        Assert.True(one.OverdueOn(today).IsOverdue);
        Assert.Equal(OrderOverdue.None, one.OverdueOn(new DateOnly(2026, 10, 8)));   // due today is not overdue yet
        Assert.Equal(new OrderOverdue(9_438.33m, 1, new DateOnly(2026, 10, 8)), one.OverdueOn(new DateOnly(2026, 10, 9)));
        Assert.Equal(OrderOverdue.None, Order.Create(Details(), Now).Value!.OverdueOn(today));   // cash: nothing to owe
        Assert.Equal(PaymentRecord.Of(one.Payments, today).OverdueAmount, one.OverdueOn(today).Amount);   // the credit tab's figure
        Assert.Equal(PaymentRecord.Of(one.Payments, today).OverdueDays, one.OverdueOn(today).Days);
    }

    [Fact]
    public void ARC_5_a_settled_orders_sums_are_its_whole_payment_record_from_then_on()
    {
        OrderPayment[] paid =
        [
            new(new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 8), 70_900m),
            new(new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 20), 70_900m),   // late
            new(new DateOnly(2026, 12, 8), new DateOnly(2026, 11, 21), 10_000m),   // early, not due yet
        ];
        var order = Order.Create(Details(payments: paid), Now).Value!;
        Assert.Equal((3, 2, new DateOnly(2026, 12, 8)), (order.Instalments, order.PaidOnTime, order.LastDueOn));
        Assert.False(order.IsSettled(new DateOnly(2026, 12, 7)));   // the early one is not due: the record still changes with the days
        foreach (var day in new[] { new DateOnly(2026, 12, 8), new DateOnly(2027, 6, 1) })
        {
            Assert.True(order.IsSettled(day));
            Assert.Equal(PaymentRecord.Of(order.Payments, day), PaymentRecord.Settled(order.Instalments, order.PaidOnTime));
        }
        var unpaid = Order.Create(Details(payments: [new OrderPayment(new DateOnly(2026, 10, 8), null, 1m)]), Now).Value!;
        Assert.False(unpaid.IsSettled(new DateOnly(2027, 1, 1)));
        Assert.True(Order.Create(Details(), Now).Value!.IsSettled(new DateOnly(2026, 1, 1)));   // cash: nothing to record
        var since = new DateOnly(2026, 10, 1);
        Assert.Equal(new PaymentRecord(5, 3, 10m, 7, since), new PaymentRecord(3, 2, 0m, 0).Plus(new PaymentRecord(2, 1, 10m, 7, since)));
        Assert.Equal(new PaymentRecord(2, 0, 20m, 9, since.AddDays(-2)), new PaymentRecord(1, 0, 10m, 9, since.AddDays(-2)).Plus(new PaymentRecord(1, 0, 10m, 7, since)));
    }

    [Fact]
    public void Bad_input_is_reported_per_field_and_changes_nothing()
    {
        var order = Order.Create(Details(), Now).Value!;
        var version = order.Version;
        var result = order.Update(Details(items: [new OrderItem(" ", 0, -1)], delivered: new DateOnly(2026, 9, 1), referrer: Customer,
            payments: [new OrderPayment(new DateOnly(2026, 12, 1), null, 0)]));
        Assert.Equal(["referrerId", "deliveredAt", "items[0].name", "items[0].quantity", "payments[0].amount"], result.Errors.Select(e => e.Field));
        Assert.Equal((141_800m, version), (order.Amount, order.Version));
        Assert.Equal(["externalNo", "amount"], Order.Validate(Details(number: " ", items: [])).Select(e => e.Field));
    }

    [Fact]
    public void Writing_the_same_number_again_updates_and_the_number_cannot_change()
    {
        var order = Order.Create(Details(), Now).Value!;
        var version = order.Version;
        Assert.True(order.Update(Details()).Succeeded);
        Assert.Equal(version, order.Version);   // sent again unchanged: no change
        Assert.True(order.Update(Details(amount: 130_000m)).Succeeded);
        Assert.NotEqual(version, order.Version);
        Assert.Equal(130_000m, order.Amount);
        Assert.Equal("externalNo", Assert.Single(order.Update(Details(number: "S-2026-002")).Errors).Field);
    }

    [Fact]
    public void ARC_9_an_order_is_seen_by_whoever_sees_its_customer_and_by_the_department_that_served_it()
    {
        var service = Guid.NewGuid();
        var advisor = new Viewer("advisor", service, new HashSet<Role> { Role.ServiceAdvisor });
        var consultant = new Viewer("consultant", Sales, new HashSet<Role> { Role.SalesConsultant });
        Assert.True(OrderAccess.CanSee(advisor, orderDepartmentId: service, customerDepartmentId: Sales));
        Assert.False(OrderAccess.CanSee(advisor, orderDepartmentId: Sales, customerDepartmentId: Sales));
        Assert.True(OrderAccess.CanSee(consultant, orderDepartmentId: service, customerDepartmentId: Sales));
        Assert.True(OrderAccess.CanWrite(advisor, service));
        Assert.False(OrderAccess.CanWrite(advisor, Sales));
        Assert.False(OrderAccess.CanWrite(new Viewer("gm", Sales, new HashSet<Role> { Role.GeneralManager }), Sales));
    }

    [Fact]
    public void A_trade_customer_stays_one_through_an_edit_and_a_merge()
    {
        var details = new CustomerDetails(CustomerType.Organization, "常州车之家汽车贸易有限公司", null, [], [], null, [], null, false, Gender.Unknown,
            "汽车经销", null, null, "owner-1", Sales, null, null, null, TradeCustomer: true);
        var today = new DateOnly(2026, 11, 22);
        var dealer = Domain.Customers.Customer.Create(details, Now, today).Value!;
        var other = Domain.Customers.Customer.Create(details with { Name = "车之家", TradeCustomer = false }, Now, today).Value!;
        Assert.True(dealer.TradeCustomer);
        Assert.True(CustomerMerge.Compose(other, [dealer]).TradeCustomer);
        Assert.True(dealer.Numbered("C-0001").Succeeded);
        Assert.Equal("externalNo", Assert.Single(dealer.Numbered("C-0002").Errors).Field);
    }
}
