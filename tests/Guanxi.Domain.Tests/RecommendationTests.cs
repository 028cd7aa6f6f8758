using Guanxi.Domain.Orders;
using Guanxi.Domain.Recommendations;

namespace Guanxi.Domain.Tests;

/// <summary>SVC-6: recommendations from purchase history — a dealer's rules by time, mileage and age, and items bought together.</summary>
public sealed class RecommendationTests
{
    private static readonly RecommendationPolicy Policy = new();

    private static OrderFact Sale(DateOnly delivered, int? km = null, string vin = "LGWEF4A59RH123456", string plate = "苏D12345") =>
        new(OrderKind.Sale, delivered.AddDays(-7), delivered, "哈弗 H6", plate, vin, km, ["哈弗 H6 2024 款"]);

    private static OrderFact Job(DateOnly day, int? km = null, string plate = "苏D12345", string item = "常规保养（机油、机滤）") =>
        new(OrderKind.Service, day, day, null, plate, null, km, [item, "工时费"]);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void SVC6_the_service_is_due_six_months_after_the_last_job_and_overdue_comes_first()
    {
        var found = DealerRecommendations.For([Sale(D(2024, 1, 10)), Job(D(2025, 9, 1)), Job(D(2026, 3, 1))], D(2026, 10, 1), Policy);
        var service = Assert.Single(found, r => r.Kind == RecommendationKind.Service);
        Assert.Equal((D(2026, 9, 1), RecommendationPriority.High, "LGWEF4A59RH123456"), (service.DueOn, service.Priority, service.Subject));
        Assert.StartsWith("上次保养 2026-03-01，已 7 个月（每 6 个月保养一次）", service.Reason);
        Assert.StartsWith("Last service 2026-03-01, 7 months ago", service.ReasonEn);
        Assert.Equal("哈弗 H6 苏D12345 保养到期", service.Title);

        // Serviced a fortnight ago: nothing due by time for the next six months (the look-ahead is 30 days).
        Assert.DoesNotContain(DealerRecommendations.For([Sale(D(2024, 1, 10)), Job(D(2026, 9, 17))], D(2026, 10, 1), Policy), r => r.Kind == RecommendationKind.Service);
        // A new car never serviced: six months after delivery.
        var first = Assert.Single(DealerRecommendations.For([Sale(D(2026, 3, 20))], D(2026, 10, 1), Policy), r => r.Kind == RecommendationKind.Service);
        Assert.Equal(D(2026, 9, 20), first.DueOn);
        Assert.Contains("尚无保养记录", first.Reason);
    }

    [Fact]
    public void SVC6_the_mileage_projected_from_the_pace_between_jobs_brings_the_service_forward()
    {
        // 0 km at delivery, 18,100 km at the first job, 36,500 km a year after delivery: 100 km a day.
        OrderFact[] orders = [Sale(D(2025, 1, 1), 0), Job(D(2025, 7, 1), 18_100), Job(D(2026, 1, 1), 36_500)];
        Assert.Equal(100, DealerRecommendations.KmPerDay(DealerRecommendations.Cars(orders, D(2026, 4, 1))[0].Readings));
        var service = Assert.Single(DealerRecommendations.For(orders, D(2026, 4, 1), Policy), r => r.Kind == RecommendationKind.Service);
        // 46,500 km (the last job's 36,500 + 10,000) is reached 100 days after the last job: 2026-04-11, before the six months (2026-07-01).
        Assert.Equal((D(2026, 4, 11), RecommendationPriority.Medium), (service.DueOn, service.Priority));
        Assert.Contains("按日均 100 公里推算，现约 45,500 公里，距上次保养约 9,000 公里（每 10,000 公里保养一次）", service.Reason);
        Assert.Contains("at 100 km a day, about 45,500 km now", service.ReasonEn);

        // The same jobs without readings: due by time only, on 2026-07-01, beyond the 30 days looked ahead.
        OrderFact[] unread = [Sale(D(2025, 1, 1)), Job(D(2025, 7, 1)), Job(D(2026, 1, 1))];
        Assert.DoesNotContain(DealerRecommendations.For(unread, D(2026, 4, 1), Policy), r => r.Kind == RecommendationKind.Service);
        // One reading gives no pace: the service is due by time, at the mileage named.
        OrderFact[] once = [Sale(D(2025, 1, 1)), Job(D(2026, 1, 1), 36_500)];
        var byTime = Assert.Single(DealerRecommendations.For(once, D(2026, 6, 15), Policy), r => r.Kind == RecommendationKind.Service);
        Assert.Equal(D(2026, 7, 1), byTime.DueOn);
        Assert.Contains("上次 36,500 公里，46,500 公里时保养", byTime.Reason);
    }

    [Fact]
    public void SVC6_a_car_older_than_the_trade_in_age_is_proposed_a_trade_in()
    {
        var old = Assert.Single(DealerRecommendations.For([Sale(D(2019, 3, 1))], D(2026, 5, 1), Policy), r => r.Kind == RecommendationKind.TradeIn);
        Assert.Equal((D(2025, 3, 1), RecommendationPriority.Medium), (old.DueOn, old.Priority));
        Assert.Equal("2019-03-01 交车，车龄 7 年 2 个月（满 6 年可推荐以旧换新）。", old.Reason);
        Assert.DoesNotContain(DealerRecommendations.For([Sale(D(2023, 3, 1))], D(2026, 5, 1), Policy), r => r.Kind == RecommendationKind.TradeIn);
        Assert.Contains(DealerRecommendations.For([Sale(D(2023, 3, 1))], D(2026, 5, 1), Policy with { TradeInYears = 3 }), r => r.Kind == RecommendationKind.TradeIn);
        // A car only serviced here has no known age: no trade-in, no tyres, no insurance.
        Assert.All(DealerRecommendations.For([Job(D(2026, 1, 1), plate: "苏E99999")], D(2026, 10, 1), Policy), r => Assert.Equal(RecommendationKind.Service, r.Kind));
    }

    [Fact]
    public void SVC6_tyres_and_battery_are_due_by_age_from_delivery_or_their_last_replacement()
    {
        var kinds = DealerRecommendations.For([Sale(D(2021, 3, 1)), Job(D(2026, 2, 1))], D(2026, 3, 10), Policy).Select(r => r.Kind).ToList();
        Assert.Contains(RecommendationKind.Tyres, kinds);
        Assert.Contains(RecommendationKind.Battery, kinds);
        var replaced = DealerRecommendations.For([Sale(D(2021, 3, 1)), Job(D(2024, 6, 1), item: "更换轮胎"), Job(D(2026, 2, 1))], D(2026, 3, 10), Policy);
        Assert.DoesNotContain(replaced, r => r.Kind == RecommendationKind.Tyres);
        Assert.Contains(replaced, r => r.Kind == RecommendationKind.Battery);
        var battery = Assert.Single(replaced, r => r.Kind == RecommendationKind.Battery);
        Assert.Equal("2021-03-01 交车，车龄 5 年，未在本店更换过蓄电池（建议每 3 年更换）。", battery.Reason);
    }

    [Fact]
    public void SVC6_the_insurance_is_renewed_yearly_from_the_delivery_and_proposed_days_before()
    {
        var renewal = Assert.Single(DealerRecommendations.For([Sale(D(2024, 5, 10))], D(2026, 4, 25), Policy), r => r.Kind == RecommendationKind.Insurance);
        Assert.Equal(D(2026, 5, 10), renewal.DueOn);
        Assert.Equal("2024-05-10 交车，保险每年续保，本期 2026-05-10 到期，还有 15 天。", renewal.Reason);
        Assert.Contains("2026-05-10", renewal.CareText);
        Assert.DoesNotContain(DealerRecommendations.For([Sale(D(2024, 5, 10))], D(2026, 3, 1), Policy), r => r.Kind == RecommendationKind.Insurance);
        Assert.Equal(RecommendationPriority.High, DealerRecommendations.For([Sale(D(2024, 5, 10))], D(2026, 5, 5), Policy).Single(r => r.Kind == RecommendationKind.Insurance).Priority);
    }

    [Fact]
    public void SVC6_a_service_job_is_the_car_of_its_vin_else_of_its_plate()
    {
        OrderFact[] orders = [Sale(D(2022, 1, 1), vin: "VIN1", plate: "苏A11111"), Sale(D(2023, 1, 1), vin: "VIN2", plate: "苏B22222"), Job(D(2026, 1, 1), plate: "苏b22222")];
        var cars = DealerRecommendations.Cars(orders, D(2026, 5, 1));
        Assert.Equal([0, 1], cars.Select(c => c.Jobs.Count));
        Assert.Equal(["VIN1", "VIN2"], cars.Select(c => c.Subject));
    }

    [Fact]
    public void SVC6_items_bought_together_have_the_support_confidence_and_lift_counted_by_hand()
    {
        // Six customers: A and B bought together by two; A alone-with-C by one; C by two more; D by one.
        var counts = new CoOccurrence();
        foreach (var basket in new[] { new[] { "A", "B" }, ["A", "B", "A"], ["A", "C"], ["C"], [" C "], ["D"] })
            counts.Add(basket);
        Assert.Equal(6, counts.Customers);
        var policy = new RecommendationPolicy(MinSupportCount: 2, MinLift: 1.2);
        var pairs = counts.Pairs(policy);
        // A → B: support 2/6, confidence 2/3 (three bought A), P(B) = 2/6, lift (2/3)/(1/3) = 2. B → A: confidence 2/2, P(A) = 1/2, lift 2.
        // A and C: bought together by one customer only, under the minimum support (and a lift of (1/3)/(3/6) < 1).
        Assert.Equal([("A", "B", 2, 3, 2), ("B", "A", 2, 2, 3)], pairs.Select(p => (p.Item, p.Other, p.Both, p.ItemBuyers, p.OtherBuyers)));
        var ab = pairs[0];
        Assert.Equal((1 / 3d, 2 / 3d, 2d), (ab.Support, ab.Confidence, ab.Lift), (x, y) => Math.Abs(x.Item1 - y.Item1) < 1e-12 && Math.Abs(x.Item2 - y.Item2) < 1e-12 && Math.Abs(x.Item3 - y.Item3) < 1e-12);
        Assert.Empty(counts.Pairs(policy with { MinLift = 2.5 }));
        Assert.Empty(counts.Pairs(policy with { MinSupportCount = 3 }));

        // A customer who bought A is proposed B, with the figures; one who has both, or only C, nothing.
        var proposal = Assert.Single(CoOccurrence.For(["A"], pairs, policy));
        Assert.Equal((RecommendationKind.AlsoBought, "B", (DateOnly?)null), (proposal.Kind, proposal.Subject, proposal.DueOn));
        Assert.Equal("买过「A」的 3 位客户中有 2 位也买了「B」（66.7%）；支持度：2 / 6 位客户（33.3%），提升度 2.0。", proposal.Reason);
        Assert.Empty(CoOccurrence.For(["A", "B"], pairs, policy));
        Assert.Empty(CoOccurrence.For(["C"], pairs, policy));
        Assert.Empty(CoOccurrence.For(["A"], pairs, policy with { MaxAlsoBought = 0 }));
    }

    [Fact]
    public void SVC6_the_thresholds_are_refused_out_of_range_on_their_fields()
    {
        Assert.Empty(Policy.Validate());
        var errors = new RecommendationPolicy(ServiceMonths: 0, ServiceKm: 500, MinLift: 1.0, MinSupportCount: 1, LookAheadDays: -1).Validate();
        Assert.Equal(["serviceMonths", "serviceKm", "lookAheadDays", "minSupportCount", "minLift"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.Message) || string.IsNullOrEmpty(e.MessageEn)));
        Assert.Single(new RecommendationPolicy(MinLift: double.NaN).Validate());
    }

    [Fact]
    public void SVC6_an_order_keeps_the_vehicles_mileage_and_refuses_an_impossible_one()
    {
        OrderDetails Details(int? km) => new(OrderKind.Service, "WX-1", Guid.NewGuid(), Guid.NewGuid(), null, D(2026, 3, 1), D(2026, 3, 1),
            [new OrderItem("常规保养", 1, 500m)], null, null, new OrderVehicle(null, "苏D12345", null, km), null, [], null, null);
        var order = Order.Create(Details(12_400), DateTimeOffset.UnixEpoch).Value!;
        Assert.Equal(new OrderVehicle(null, "苏D12345", null, 12_400), order.Vehicle);
        Assert.Equal("vehicle.mileage", Assert.Single(Order.Create(Details(-1), DateTimeOffset.UnixEpoch).Errors).Field);
        Assert.Equal("vehicle.mileage", Assert.Single(Order.Create(Details(Order.MaxMileage + 1), DateTimeOffset.UnixEpoch).Errors).Field);
    }
}
