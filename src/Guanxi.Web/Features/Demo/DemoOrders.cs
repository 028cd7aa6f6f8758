using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// 24 months of the demo dealership's orders: most customers bought a car (organisations several), some a second one;
/// buyers come back for service every five to seven months until some stop coming, and pay a dealer's prices for it (the
/// first service's labour is free; maintenance ¥300–¥3,000, repairs more), each job with the car's plate and its mileage (25–110 km
/// a day, varying from visit to visit); a third pay in instalments, and a few
/// of those (and of the firms on monthly terms) are overdue; some were referred by an earlier buyer. Deterministic, like the rest of the demo.
/// </summary>
public static class DemoOrders
{
    /// <summary>A showroom and its workshop (the main site, or the branch): their departments and staff.</summary>
    public sealed record Site(Guid SalesDepartment, IReadOnlyList<string> Consultants, Guid ServiceDepartment, IReadOnlyList<string> Advisors);

    private static readonly (string Model, decimal Price)[] Models =
        [("哈弗 H6", 139_800m), ("哈弗 大狗", 149_900m), ("哈弗 枭龙 MAX", 159_800m), ("坦克 300", 209_800m), ("魏牌 蓝山", 269_800m), ("欧拉 好猫", 109_800m), ("长城炮", 129_800m)];

    private static readonly (string Name, decimal Price)[] Accessories = [("贴膜", 2_000m), ("脚垫", 800m), ("行车记录仪", 1_200m), ("座椅套", 1_500m)];

    /// <summary>
    /// A workshop job as a dealer's after-sales prices it (parts and labour together, ¥): maintenance ¥300–¥3,000, repairs
    /// more, an accident repair now and then; <see cref="Weight"/> is how often it is the reason for a visit.
    /// </summary>
    private sealed record ServiceJob(string Name, decimal Min, decimal Max, int Weight, decimal LabourShare);

    /// <summary>The first service after delivery: oil and filter paid, the labour free (首保工时免费).</summary>
    private static readonly ServiceJob FirstService = new("首次保养（机油、机滤）", 300m, 520m, 0, 0m);

    private static readonly ServiceJob[] ServiceJobs =
    [
        new("常规保养（机油、机滤）", 380m, 900m, 40, 0.25m),
        new("大保养（机油、三滤、火花塞）", 1_200m, 3_000m, 14, 0.3m),
        new("更换刹车片", 700m, 1_600m, 10, 0.3m),
        new("四轮定位", 300m, 480m, 7, 0.6m),
        new("空调清洗、更换空调滤芯", 300m, 650m, 6, 0.4m),
        new("更换蓄电池", 600m, 1_300m, 5, 0.1m),
        new("更换轮胎", 1_600m, 4_200m, 6, 0.1m),
        new("钣金喷漆", 1_500m, 6_800m, 7, 0.5m),
        new("底盘与悬挂维修", 1_800m, 7_500m, 3, 0.4m),
        new("变速箱维修", 4_500m, 16_000m, 1, 0.35m),
        new("事故车维修（保险理赔）", 6_000m, 38_000m, 2, 0.35m),
    ];

    /// <summary>What a visit sometimes adds to its main job.</summary>
    private static readonly (string Name, decimal Min, decimal Max)[] ServiceExtras = [("更换雨刮片", 120m, 260m), ("精致洗车", 80m, 200m), ("添加玻璃水与防冻液", 60m, 180m), ("更换灯泡", 50m, 150m)];

    private const string PlateLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    public static List<OrderDetails> Generate(Random random, IReadOnlyList<Customer> customers, Func<Guid, Site> siteOf, DateOnly today)
    {
        var orders = new List<OrderDetails>();
        var buyers = new List<Guid>();
        var odometer = new Random(25);   // the cars' mileage: its own draws, so that everything else stays as it was
        var numbers = new Dictionary<string, int>();
        string Number(string prefix, DateOnly day)
        {
            var key = prefix + day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            numbers[key] = numbers.GetValueOrDefault(key) + 1;
            return $"{key}{numbers[key]:D3}";
        }

        foreach (var customer in customers.Where(c => c.Status == CustomerStatus.Active).OrderBy(c => c.CreatedAt))
        {
            var site = siteOf(customer.DepartmentId);
            var roll = random.NextDouble();
            var cars = roll < 0.68 ? (customer.Type == CustomerType.Organization ? random.Next(1, 5) : random.NextDouble() < 0.12 ? 2 : 1) : 0;
            var serviceOnly = cars == 0 && roll < 0.80;   // bought elsewhere, serviced here
            var bought = today.AddDays(-random.Next(5, 730));
            var deliveries = new List<(DateOnly Day, string Plate, int Km, int KmPerDay)>();
            for (var car = 0; car < cars && bought <= today.AddDays(-2); car++)
            {
                var (model, price) = Models[random.Next(Models.Length)];
                var delivered = bought.AddDays(random.Next(3, 21));
                var delivery = delivered <= today ? delivered : (DateOnly?)null;
                IReadOnlyList<OrderItem> items =
                    [new OrderItem($"{model} {bought.Year} 款", 1, price), .. Accessories.Where(_ => random.NextDouble() < 0.35).Select(a => new OrderItem(a.Name, 1, a.Price))];
                var amount = items.Sum(i => i.Amount);
                var cost = decimal.Round(price * 0.93m + (amount - price) * 0.4m, 2);
                var instalments = random.NextDouble() < 0.3;
                var payments = delivery is null ? [] : instalments ? Instalments(random, amount, delivery.Value, today) : [new OrderPayment(delivery.Value, delivery.Value, amount)];
                var staff = customer.OwnerId is { } owner && site.Consultants.Contains(owner) ? owner : site.Consultants[random.Next(site.Consultants.Count)];
                var referrer = buyers.Count > 20 && random.NextDouble() < 0.12 ? buyers[random.Next(buyers.Count)] : (Guid?)null;
                var (plate, vin) = (Plate(random), Vin(random));
                var deliveryKm = odometer.Next(5, 60);   // km on the odometer at delivery
                orders.Add(new OrderDetails(OrderKind.Sale, Number("XS", bought), customer.Id, site.SalesDepartment, staff, bought, delivery, items, null, cost,
                    new OrderVehicle(model, plate, vin, delivery is null ? null : deliveryKm), instalments ? "分期 12 期" : "全款", payments, referrer, referrer is null ? customer.Source : "老客户介绍"));
                if (delivery is { } d)
                    deliveries.Add((d, plate, deliveryKm, odometer.Next(25, 110)));
                bought = bought.AddDays(random.Next(30, 420));
            }
            if (deliveries.Count > 0)
                buyers.Add(customer.Id);
            if (serviceOnly)
                deliveries.Add((today.AddDays(-random.Next(60, 730)), Plate(odometer), odometer.Next(8_000, 90_000), odometer.Next(25, 110)));
            var monthly = customer.Type == CustomerType.Organization;
            foreach (var (delivered, plate, startKm, kmPerDay) in deliveries)
            {
                var (km, read) = (startKm, delivered);
                var visit = delivered.AddDays(random.Next(120, 200));
                for (var first = true; visit < today && random.NextDouble() > 0.12; first = false)
                {
                    var items = ServiceItems(random, first && !serviceOnly ? FirstService : Pick(random, ServiceJobs));
                    var amount = items.Sum(i => i.Amount);
                    var due = monthly ? visit.AddDays(30) : visit;
                    var paid = due > today || monthly && random.NextDouble() < 0.1 ? (DateOnly?)null : due;
                    var advisor = site.Advisors[random.Next(site.Advisors.Count)];
                    _ = Plate(random);   // once a plate of its own: drawn still, so that the rest of the demo stays as it was
                    (km, read) = (km + (int)((visit.DayNumber - read.DayNumber) * kmPerDay * (0.8 + 0.4 * odometer.NextDouble())), visit);
                    orders.Add(new OrderDetails(OrderKind.Service, Number("WX", visit), customer.Id, site.ServiceDepartment, advisor,
                        visit, visit, items, null, decimal.Round(amount * 0.55m, 2), new OrderVehicle(null, plate, null, km), monthly ? "月结 30 天" : "现结",
                        [new OrderPayment(due, paid, amount)], null, null));
                    visit = visit.AddDays(random.Next(150, 220));
                }
            }
        }
        return orders;
    }

    /// <summary>A job's parts and its labour (工时费), priced within its range and mostly towards the lower end, sometimes with a small extra; never ¥0.</summary>
    private static List<OrderItem> ServiceItems(Random random, ServiceJob job)
    {
        var price = Yuan(job.Min + (job.Max - job.Min) * (decimal)Math.Pow(random.NextDouble(), 2));
        var labour = Yuan(price * job.LabourShare);
        var items = new List<OrderItem> { new(job.Name, 1, price - labour) };
        if (labour > 0)
            items.Add(new OrderItem("工时费", 1, labour));
        if (random.NextDouble() < 0.2)
        {
            var (name, min, max) = ServiceExtras[random.Next(ServiceExtras.Length)];
            items.Add(new OrderItem(name, 1, Yuan(min + (max - min) * (decimal)random.NextDouble())));
        }
        return items;
    }

    /// <summary>Rounded to ten yuan, as a workshop's price list is.</summary>
    private static decimal Yuan(decimal amount) => decimal.Round(amount / 10m, MidpointRounding.AwayFromZero) * 10m;

    private static ServiceJob Pick(Random random, ServiceJob[] jobs)
    {
        var roll = random.Next(jobs.Sum(j => j.Weight));
        foreach (var job in jobs)
        {
            if ((roll -= job.Weight) < 0)
                return job;
        }
        return jobs[^1];
    }

    /// <summary>30% down on delivery, the rest in 12 monthly instalments; one buyer in twelve stopped paying a few months ago.</summary>
    private static List<OrderPayment> Instalments(Random random, decimal amount, DateOnly delivered, DateOnly today)
    {
        var down = decimal.Round(amount * 0.3m, 2);
        var monthly = decimal.Round((amount - down) / 12, 2);
        var stopsAt = random.NextDouble() < 1 / 12d ? today.AddDays(-random.Next(20, 120)) : DateOnly.MaxValue;
        var payments = new List<OrderPayment> { new(delivered, delivered, down) };
        for (var month = 1; month <= 12; month++)
        {
            var due = delivered.AddMonths(month);
            var share = month == 12 ? amount - down - monthly * 11 : monthly;
            payments.Add(new OrderPayment(due, due <= today && due < stopsAt ? due : null, share));
        }
        return payments;
    }

    private static string Plate(Random random) =>
        "苏D" + new string([.. Enumerable.Range(0, 5).Select(_ => PlateLetters[random.Next(PlateLetters.Length)])]);

    private static string Vin(Random random) =>
        "LGW" + new string([.. Enumerable.Range(0, 14).Select(_ => PlateLetters[random.Next(PlateLetters.Length)])]);
}
