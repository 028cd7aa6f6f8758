using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Calendar;
using Guanxi.Web.Features.ServiceDesk;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// A year of complaints and inquiries as a dealership's customer service handles them (SVC-2): received on every channel
/// and touchpoint, classified and assessed, assigned, answered and resolved — most within the tier's times, some late
/// (their warnings and escalations recorded as they fired), a few paused while waiting on the customer, a few reopened —
/// confirmed with the customer and closed; some marked for improvement. The last days' are still open, some overdue. In the
/// middle of last month 维修质量 spikes: a dozen complaints in five days where one a week is usual.
/// </summary>
public static class DemoComplaints
{
    private static readonly (string Category, double Weight, string[] Summaries)[] Kinds =
    [
        ("waitingTime", 24, ["保养等待时间过长，超过预约时间两小时", "交车时等了很久没人接待", "预约电话总是占线"]),
        ("repairQuality", 16, ["维修后同一故障再次出现", "保养后发动机舱有油渍", "更换的零件有异响"]),
        ("attitude", 12, ["服务顾问态度冷淡，解释不耐烦", "电话回访时语气生硬", "前台接待没有主动招呼"]),
        ("billing", 12, ["结算时多出事先没说的费用", "发票开具错误，要求重开", "保养套餐抵扣没有生效"]),
        ("price", 10, ["配件价格比外面贵很多", "工时费报价不透明", "新车优惠与承诺不一致"]),
        ("delivery", 10, ["交车延误没有提前告知", "交车时没人讲解车机功能", "随车资料缺失"]),
        ("productQuality", 10, ["车机系统经常死机", "新车异味较重", "雨天天窗渗水"]),
        ("other", 6, ["休息区太吵，没有充电插座", "停车位不够", "洗车不干净"]),
    ];

    private static readonly string[] Resolutions =
    [
        "已向客户道歉并重新安排检修，问题已解决", "已退还多收费用并致歉", "已赠送一次免费保养作为补偿", "已更换配件并延长质保", "已调整预约流程，并向客户说明",
        "已安排技术总监复查，确认修复",
    ];

    public static async Task Seed(IServiceProvider provider, GuanxiDbContext db, Random random, DateOnly today, DemoProgress progress, CancellationToken cancellationToken)
    {
        progress.Stage("投诉与咨询（12 个月）", "complaints and inquiries (12 months)");
        var clock = provider.GetRequiredService<EnterpriseClock>();
        var sla = new SlaRules(await provider.GetRequiredService<EnterpriseCalendar>().Current(cancellationToken), ComplaintPolicy.Default);
        var standards = ServiceStandard.Defaults.ToDictionary(s => s.Tier);
        var categories = ComplaintCategory.Defaults;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var customers = await db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.DepartmentId, c.OwnerId, c.Tier }).ToListAsync(cancellationToken);
        var lastOrders = (await db.Set<Order>().AsNoTracking().Select(o => new { o.Id, o.CustomerId, o.DepartmentId, o.StaffId, o.OrderedAt }).ToListAsync(cancellationToken))
            .ToLookup(o => o.CustomerId);
        var desk = await (from u in db.Users
                          join r in db.UserRoles on u.Id equals r.UserId
                          where r.RoleId == nameof(Role.CallbackSpecialist) || r.RoleId == nameof(Role.DutyManager) || r.RoleId == nameof(Role.CustomerServiceManager)
                          select u.Id).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        if (customers.Count == 0 || desk.Count == 0)
            return;

        var count = Math.Max(60, customers.Count / 15);
        var made = new List<Complaint>();
        var problems = new List<ServiceProblem>();
        for (var i = 0; i < count; i++)
        {
            var day = today.AddDays(-random.Next(0, 365));
            var kind = Pick(random, Kinds);
            if (kind.Category == "repairQuality" && random.NextDouble() < 0.6)
                kind = Kinds[0];   // 维修质量 is usually rare: its spike stands out
            made.Add(Handle(Receive(kind.Category, kind.Summaries[random.Next(kind.Summaries.Length)], day)));
        }
        // Last month's spike: 维修质量, twelve complaints in five days.
        var spike = new DateOnly(today.Year, today.Month, 1).AddMonths(-1).AddDays(10);
        var repair = Kinds.Single(k => k.Category == "repairQuality");
        for (var i = 0; i < 12; i++)
            made.Add(Handle(Receive(repair.Category, repair.Summaries[random.Next(repair.Summaries.Length)], spike.AddDays(random.Next(0, 5)))));

        foreach (var chunk in made.Chunk(200))
        {
            db.AddRange(chunk);
            db.AddRange(chunk.SelectMany(c => c.TakeNewSteps()));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        db.AddRange(problems);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // The detector as it ran the morning after the spike, and customer service's answer to its warning.
        var morning = clock.StartOf(spike.AddDays(5)).AddHours(9).ToUniversalTime();
        var then = new FixedTime(morning);
        await ActivatorUtilities.CreateInstance<RaiseCrisisWarnings>(provider, new EnterpriseClock(then, clock.Zone), (TimeProvider)then).Handle(cancellationToken);
        var manager = await (from u in db.Users join r in db.UserRoles on u.Id equals r.UserId where r.RoleId == nameof(Role.CustomerServiceManager) select u.Id).FirstAsync(cancellationToken);
        foreach (var warning in await db.Set<CrisisWarning>().Where(w => w.Status == CrisisStatus.Open).ToListAsync(cancellationToken))
        {
            var by = Actor.Staff(manager);
            warning.SetPlan("1. 技术总监当天起复查近两周全部维修结案车辆；2. 暂停问题批次配件的使用并联系厂家；3. 逐一回访投诉客户，免费复检并提供代步车；4. 周五前向执行副总经理书面汇报原因与整改措施。", by, morning.AddHours(2));
            warning.Communicate("执行副总经理、售后服务部经理", "电话通报维修质量投诉激增情况及应对方案", morning.AddHours(2.5), by, morning.AddHours(2.5));
            warning.Communicate("12 位投诉客户", "逐一致电致歉，预约免费复检并安排代步车", morning.AddDays(1), by, morning.AddDays(1));
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        Complaint Receive(string category, string summary, DateOnly day)
        {
            var c = customers[random.Next(customers.Count)];
            var at = WorkingHours(random, day, clock.Zone);
            var order = lastOrders[c.Id].Where(o => clock.StartOf(o.OrderedAt) < at).MaxBy(o => o.OrderedAt);
            var touchpoint = order is null ? Touchpoint.PreSale : random.NextDouble() < 0.7 ? Touchpoint.AfterSale : random.NextDouble() < 0.5 ? Touchpoint.Delivery : Touchpoint.Sale;
            var channel = random.NextDouble() switch { < 0.6 => ContactChannel.Phone, < 0.75 => ContactChannel.Visit, < 0.9 => ContactChannel.Wechat, < 0.95 => ContactChannel.Email, _ => ContactChannel.Chat };
            var severity = random.NextDouble() switch { < 0.35 => ComplaintSeverity.Low, < 0.8 => ComplaintSeverity.Medium, < 0.95 => ComplaintSeverity.High, _ => ComplaintSeverity.Critical };
            var intake = new ComplaintIntake(c.Id, order?.DepartmentId ?? c.DepartmentId, order?.StaffId, order?.Id, c.Tier, channel, category, severity, touchpoint, summary,
                $"客户{(channel == ContactChannel.Phone ? "来电" : "反映")}：{summary}。");
            var complaint = Complaint.Receive(intake, categories, standards[c.Tier], sla, Actor.Staff(desk[random.Next(desk.Count)]), at).Value!;
            complaint.Assign(order?.StaffId ?? c.OwnerId, Actor.Staff(desk[random.Next(desk.Count)]), sla.Calendar.AddWorkingTime(at, TimeSpan.FromMinutes(random.Next(10, 60))).ToUniversalTime());
            return complaint;
        }

        Complaint Handle(Complaint complaint)
        {
            var by = Actor.Staff(complaint.AssigneeId!);
            var late = random.NextDouble() < 0.15;
            var t = At(complaint.ReceivedAt, complaint.ResponseTarget * (late ? 1.3 + random.NextDouble() * 1.5 : 0.2 + random.NextDouble() * 0.6));
            Tick(complaint, t);
            if (t > now)
                return complaint;   // the last days': still waiting for an answer
            complaint.Respond("已联系客户，了解情况并致歉", by, t, sla);
            if (random.NextDouble() < 0.1)
            {
                var held = At(t, TimeSpan.FromHours(1));
                if (held > now)
                    return complaint;
                complaint.Hold("等待客户确认到店时间", by, held, sla);
                var resumed = held.AddDays(random.Next(1, 4));
                if (resumed > now)
                    return complaint;
                complaint.Resume(by, resumed, sla);
            }
            late = random.NextDouble() < 0.2;
            var resolved = At(complaint.ReceivedAt, complaint.ResolutionTarget * (late ? 1.2 + random.NextDouble() * 2 : 0.3 + random.NextDouble() * 0.6));
            if (resolved <= t)
                resolved = At(t, TimeSpan.FromHours(1));
            Tick(complaint, resolved);
            if (resolved > now)
                return complaint;
            var improve = random.NextDouble() < 0.1;
            complaint.Resolve(Resolutions[random.Next(Resolutions.Length)], null, improve, by, resolved, sla);
            if (improve)
                problems.Add(ServiceProblem.Of(complaint, categories.Single(k => k.Code == complaint.Category).Name, DateOnly.FromDateTime(clock.ToLocal(resolved).DateTime), resolved));
            var closed = resolved.AddDays(random.Next(1, 4));
            if (closed > now)
                return complaint;
            complaint.Close(random.NextDouble() < 0.85, "回访确认客户意见", Actor.Staff(desk[random.Next(desk.Count)]), closed);
            if (random.NextDouble() < 0.05 && closed.AddDays(5) < now)
            {
                complaint.Reopen("客户反映问题再次出现", Actor.Staff(desk[random.Next(desk.Count)]), closed.AddDays(random.Next(2, 5)), sla);
                var again = At(complaint.ClockSince ?? closed.AddDays(5), complaint.ResolutionTarget * 0.5);
                if (again < now)
                {
                    complaint.Resolve("再次检修并更换总成，客户确认已解决", null, false, by, again, sla);
                    if (again.AddDays(2) < now)
                        complaint.Close(true, "再次回访，客户满意", Actor.Staff(desk[random.Next(desk.Count)]), again.AddDays(2));
                }
            }
            return complaint;
        }

        DateTimeOffset At(DateTimeOffset from, TimeSpan work) => sla.Calendar.AddWorkingTime(from, work).ToUniversalTime();

        // The SLA checks of every working hour until then (or now): warnings and escalations fired as the job would have.
        void Tick(Complaint complaint, DateTimeOffset until)
        {
            var end = until < now ? until : now;
            for (var at = At(complaint.ClockSince ?? complaint.ReceivedAt, TimeSpan.FromHours(1)); at < end; at = At(at, TimeSpan.FromHours(1)))
                complaint.Check(sla, at);
        }
    }

    private static (string Category, double Weight, string[] Summaries) Pick(Random random, (string Category, double Weight, string[] Summaries)[] choices)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var choice in choices)
            if ((roll -= choice.Weight) < 0)
                return choice;
        return choices[^1];
    }

    private static DateTimeOffset WorkingHours(Random random, DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(8, 30)).AddMinutes(random.Next(9 * 60));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>A clock stopped at one instant: the detector as it ran on the morning after the spike.</summary>
    private sealed class FixedTime(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
