using System.Globalization;
using Guanxi.Domain.Orders;

namespace Guanxi.Domain.Recommendations;

/// <summary>What of an order the recommendations read: its kind, day, vehicle (with the odometer reading) and item names.</summary>
public sealed record OrderFact(
    OrderKind Kind, DateOnly OrderedAt, DateOnly? DeliveredAt, string? Model, string? Plate, string? Vin, int? Mileage, IReadOnlyList<string> Items)
{
    /// <summary>The day the car was handed over or the job done.</summary>
    public DateOnly Day => DeliveredAt ?? OrderedAt;
}

/// <summary>
/// SVC-6 for a dealer: what a customer's cars are due for, from their orders. A car is a sale's vehicle (delivered, with
/// its VIN or plate); a service order belongs to the car of the same VIN, else of the same plate, and a car only serviced
/// here is a car of its own, without an age. Per car:
/// <list type="bullet">
/// <item>the service — <see cref="RecommendationPolicy.ServiceMonths"/> after the last service job (the delivery when there
/// is none), or, when the car's odometer readings (the mileage of its orders) give a pace — the km per day between the
/// first and the last reading —, the day the projected mileage reaches the last job's reading plus
/// <see cref="RecommendationPolicy.ServiceKm"/>, whichever is first;</item>
/// <item>tyres and battery — their age in years from delivery, or from the last job that replaced them (an item naming 轮胎 /
/// 蓄电池 / 电瓶);</item>
/// <item>the insurance — renewed on each anniversary of the delivery, proposed from
/// <see cref="RecommendationPolicy.InsuranceDaysBefore"/> days before;</item>
/// <item>a trade-in — once the car is <see cref="RecommendationPolicy.TradeInYears"/> years old.</item>
/// </list>
/// Each is proposed from <see cref="RecommendationPolicy.LookAheadDays"/> days before it is due (the insurance by its own
/// days); overdue ones come first. Orders without a vehicle propose nothing here.
/// </summary>
public static class DealerRecommendations
{
    private static readonly string[] TyreWords = ["轮胎", "tyre", "tire"];
    private static readonly string[] BatteryWords = ["蓄电池", "电瓶", "battery"];

    /// <summary>A car as the orders know it: how it is named, when it was delivered (null: not bought here) and its jobs and readings.</summary>
    public sealed record Car(string Subject, string Label, DateOnly? DeliveredOn, IReadOnlyList<OrderFact> Jobs, IReadOnlyList<(DateOnly Day, int Km)> Readings);

    public static IReadOnlyList<Recommendation> For(IEnumerable<OrderFact> orders, DateOnly today, RecommendationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var found = new List<Recommendation>();
        foreach (var car in Cars(orders, today))
        {
            if (Service(car, today, policy) is { } service)
                found.Add(service);
            if (Replacement(car, today, policy, RecommendationKind.Tyres) is { } tyres)
                found.Add(tyres);
            if (Replacement(car, today, policy, RecommendationKind.Battery) is { } battery)
                found.Add(battery);
            if (Insurance(car, today, policy) is { } insurance)
                found.Add(insurance);
            if (TradeIn(car, today, policy) is { } tradeIn)
                found.Add(tradeIn);
        }
        return [.. found.OrderByDescending(r => r.Score).ThenBy(r => r.DueOn)];
    }

    /// <summary>The customer's cars: each delivered sale's vehicle, and the vehicles only serviced here; each with its jobs and odometer readings in time order.</summary>
    public static IReadOnlyList<Car> Cars(IEnumerable<OrderFact> orders, DateOnly today)
    {
        var done = orders.Where(o => o.Day <= today && (o.Vin ?? o.Plate) is not null && (o.Kind == OrderKind.Service || o.DeliveredAt is not null))
            .OrderBy(o => o.Day).ToList();
        var cars = new List<(OrderFact First, List<OrderFact> Orders)>();
        foreach (var order in done.Where(o => o.Kind == OrderKind.Sale))
            cars.Add((order, [order]));
        foreach (var job in done.Where(o => o.Kind == OrderKind.Service))
        {
            var car = cars.FirstOrDefault(c => job.Vin is not null && Same(c.Orders, o => o.Vin, job.Vin))
                is { First: not null } byVin ? byVin : cars.FirstOrDefault(c => job.Plate is not null && Same(c.Orders, o => o.Plate, job.Plate));
            if (car.First is null)
                cars.Add((job, [job]));
            else
                car.Orders.Add(job);
        }
        return [.. cars.Select(c =>
        {
            var sale = c.First.Kind == OrderKind.Sale ? c.First : null;
            var model = c.Orders.Select(o => o.Model).LastOrDefault(m => m is not null);
            var plate = c.Orders.Select(o => o.Plate).LastOrDefault(p => p is not null);
            var vin = c.Orders.Select(o => o.Vin).LastOrDefault(v => v is not null);
            var label = string.Join(" ", new[] { model, plate ?? (model is null ? vin : null) }.Where(s => s is not null));
            return new Car(vin ?? plate!, label, sale?.Day, [.. c.Orders.Where(o => o.Kind == OrderKind.Service)],
                [.. c.Orders.Where(o => o.Mileage is not null).Select(o => (o.Day, o.Mileage!.Value))]);
        })];
    }

    private static bool Same(List<OrderFact> orders, Func<OrderFact, string?> of, string value) =>
        orders.Any(o => string.Equals(of(o), value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The car's pace in km a day between its first and last readings (null without two readings days apart and an increase).</summary>
    public static double? KmPerDay(IReadOnlyList<(DateOnly Day, int Km)> readings)
    {
        if (readings.Count < 2)
            return null;
        var (first, last) = (readings[0], readings[^1]);
        var days = last.Day.DayNumber - first.Day.DayNumber;
        return days > 0 && last.Km > first.Km ? (double)(last.Km - first.Km) / days : null;
    }

    private static Recommendation? Service(Car car, DateOnly today, RecommendationPolicy policy)
    {
        var last = car.Jobs.Count > 0 ? car.Jobs[^1] : null;
        if ((last?.Day ?? car.DeliveredOn) is not { } since)
            return null;
        var due = since.AddMonths(policy.ServiceMonths);
        var months = Months(since, today);
        var (zh, en) = last is not null
            ? ($"上次保养 {Iso(since)}，已 {months} 个月（每 {policy.ServiceMonths} 个月保养一次）", $"Last service {Iso(since)}, {months} months ago (every {policy.ServiceMonths} months)")
            : ($"{Iso(since)} 交车，已 {months} 个月，尚无保养记录（每 {policy.ServiceMonths} 个月保养一次）", $"Delivered {Iso(since)}, {months} months ago, not serviced yet (every {policy.ServiceMonths} months)");

        // By mileage: from the last job's reading (the delivery's for a car never serviced), projected at the car's pace.
        int? atSince = car.Readings.Where(r => r.Day == since).Select(r => (int?)r.Km).LastOrDefault();
        if (atSince is { } baseKm && car.Readings.Count > 0)
        {
            var (readOn, readKm) = car.Readings[^1];
            var dueKm = baseKm + policy.ServiceKm;
            if (KmPerDay(car.Readings) is { } pace)
            {
                var now = (int)Math.Round(readKm + pace * (today.DayNumber - readOn.DayNumber));
                var byKm = readOn.AddDays((int)Math.Ceiling((dueKm - readKm) / pace));
                if (byKm < since)
                    byKm = since;
                if (byKm < due)
                    due = byKm;
                zh += $"；按日均 {N(pace)} 公里推算，现约 {N(now)} 公里，距上次保养约 {N(now - baseKm)} 公里（每 {N(policy.ServiceKm)} 公里保养一次）";
                en += $"; at {N(pace)} km a day, about {N(now)} km now, about {N(now - baseKm)} km since (every {N(policy.ServiceKm)} km)";
            }
            else
            {
                if (readKm >= dueKm && readOn < due)
                    due = readOn;
                zh += $"；上次 {N(baseKm)} 公里，{N(dueKm)} 公里时保养";
                en += $"; {N(baseKm)} km then, next service at {N(dueKm)} km";
            }
        }
        if (due > today.AddDays(policy.LookAheadDays))
            return null;
        var (priority, score) = Urgency(due, today);
        return new Recommendation(RecommendationKind.Service, car.Subject, $"{car.Label} 保养到期", $"Service due: {car.Label}", zh + "。", en + ".", due, priority, score,
            $"您的爱车 {car.Label} 已到保养时间（上次 {Iso(since)}），欢迎预约回厂保养。", $"Your {car.Label} is due for its service (last on {Iso(since)}); book a visit with us.");
    }

    private static Recommendation? Replacement(Car car, DateOnly today, RecommendationPolicy policy, RecommendationKind kind)
    {
        var (words, years, zhPart, enPart) = kind == RecommendationKind.Tyres
            ? (TyreWords, policy.TyreYears, "轮胎", "tyres")
            : (BatteryWords, policy.BatteryYears, "蓄电池", "battery");
        var replaced = car.Jobs.LastOrDefault(j => j.Items.Any(i => words.Any(w => i.Contains(w, StringComparison.OrdinalIgnoreCase))));
        if ((replaced?.Day ?? car.DeliveredOn) is not { } since)
            return null;
        var due = since.AddYears(years);
        if (due > today.AddDays(policy.LookAheadDays))
            return null;
        var age = Age(since, today);
        var (zh, en) = replaced is not null
            ? ($"上次更换{zhPart} {Iso(since)}，已 {age.Zh}（建议每 {years} 年更换）。", $"The {enPart} last replaced {Iso(since)}, {age.En} ago (every {years} years).")
            : ($"{Iso(since)} 交车，车龄 {age.Zh}，未在本店更换过{zhPart}（建议每 {years} 年更换）。", $"Delivered {Iso(since)}, {age.En} old, the {enPart} never replaced here (every {years} years).");
        var (priority, score) = Urgency(due, today);
        return new Recommendation(kind, car.Subject, $"{car.Label} 建议检查更换{zhPart}", $"Check the {enPart}: {car.Label}", zh, en, due, priority, score,
            $"您的爱车 {car.Label} 的{zhPart}已使用 {age.Zh}，建议回厂免费检测。", $"The {enPart} of your {car.Label} are {age.En} old; come for a free check.");
    }

    private static Recommendation? Insurance(Car car, DateOnly today, RecommendationPolicy policy)
    {
        if (car.DeliveredOn is not { } delivered)
            return null;
        var years = Math.Max(1, today.Year - delivered.Year);
        var renewal = delivered.AddYears(years);
        if (renewal < today)
            renewal = delivered.AddYears(years + 1);
        var days = renewal.DayNumber - today.DayNumber;
        if (days > policy.InsuranceDaysBefore)
            return null;
        var priority = days <= 7 ? RecommendationPriority.High : RecommendationPriority.Medium;
        var score = Math.Clamp(90 - days, 40, 95);
        return new Recommendation(RecommendationKind.Insurance, car.Subject, $"{car.Label} 保险续保", $"Insurance renewal: {car.Label}",
            $"{Iso(delivered)} 交车，保险每年续保，本期 {Iso(renewal)} 到期，还有 {days} 天。", $"Delivered {Iso(delivered)}; the yearly insurance ends {Iso(renewal)}, in {days} days.",
            renewal, priority, score,
            $"您的爱车 {car.Label} 的保险将于 {Iso(renewal)} 到期，我们可为您办理续保。", $"The insurance of your {car.Label} ends {Iso(renewal)}; we can renew it for you.");
    }

    private static Recommendation? TradeIn(Car car, DateOnly today, RecommendationPolicy policy)
    {
        if (car.DeliveredOn is not { } delivered)
            return null;
        var due = delivered.AddYears(policy.TradeInYears);
        if (due > today.AddDays(policy.LookAheadDays))
            return null;
        var age = Age(delivered, today);
        var (_, score) = Urgency(due, today);
        return new Recommendation(RecommendationKind.TradeIn, car.Subject, $"{car.Label} 可推荐置换", $"Trade-in: {car.Label}",
            $"{Iso(delivered)} 交车，车龄 {age.Zh}（满 {policy.TradeInYears} 年可推荐以旧换新）。", $"Delivered {Iso(delivered)}, {age.En} old (a trade-in from {policy.TradeInYears} years).",
            due, RecommendationPriority.Medium, Math.Min(score, 60),
            $"您的爱车 {car.Label} 已陪伴您 {age.Zh}，欢迎了解以旧换新优惠。", $"Your {car.Label} has served you {age.En}; ask us about our trade-in offers.");
    }

    /// <summary>Overdue first (High, 70–100 by how long), then by how soon (Medium, 31–69).</summary>
    private static (RecommendationPriority, int) Urgency(DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        return days <= 0 ? (RecommendationPriority.High, 70 + Math.Min(30, -days / 10)) : (RecommendationPriority.Medium, Math.Clamp(70 - days, 31, 69));
    }

    /// <summary>Whole months from one day to another.</summary>
    public static int Months(DateOnly from, DateOnly to) => Math.Max(0, (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0));

    private static (string Zh, string En) Age(DateOnly from, DateOnly to)
    {
        var months = Months(from, to);
        var (y, m) = (months / 12, months % 12);
        return (y == 0 ? $"{m} 个月" : m == 0 ? $"{y} 年" : $"{y} 年 {m} 个月",
            y == 0 ? $"{m} months" : m == 0 ? $"{y} years" : $"{y} years {m} months");
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(double value) => Math.Round(value).ToString("N0", CultureInfo.InvariantCulture);
}
