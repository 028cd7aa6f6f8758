using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// The service desk as a dealership that has used it for a year finds it (issue 23): each customer entered when they first
/// came (before their first purchase, or within the last year and a half), twelve months of contacts on every
/// channel — VIPs called about monthly, ordinary customers a couple of times a year, about one customer in seven not
/// contacted for longer than the tier allows; follow-ups done with what they learnt (a few sales opportunities), some
/// overdue in their owners' lists, the next ones planned; and a dozen cases in the case library.
/// </summary>
public static class DemoService
{
    private static readonly (ContactChannel Channel, double Weight)[] Channels =
        [(ContactChannel.Phone, 55), (ContactChannel.Wechat, 20), (ContactChannel.Visit, 10), (ContactChannel.Sms, 7), (ContactChannel.Email, 4), (ContactChannel.Chat, 3), (ContactChannel.Letter, 1)];

    private static readonly (Touchpoint Touchpoint, string Summary, string? Outcome, bool Inbound)[] Talks =
    [
        (Touchpoint.PreSale, "咨询新款车型配置和现车情况", "已发送配置单，约周末到店试驾", true),
        (Touchpoint.PreSale, "邀约参加店内新车品鉴会", "客户表示有兴趣，待确认时间", false),
        (Touchpoint.Sale, "确认贷款方案和首付金额", "客户选择三年期方案", false),
        (Touchpoint.Sale, "询问置换旧车的评估价格", "已约二手车评估师上门", true),
        (Touchpoint.Delivery, "通知新车到店，预约交车时间", "约定本周六上午交车", false),
        (Touchpoint.Delivery, "交车后询问牌照和保险办理进度", "牌照已办好，保单已寄出", true),
        (Touchpoint.AfterSale, "提醒首次保养时间", "已预约下周二上午", false),
        (Touchpoint.AfterSale, "客户反映空调制冷偏弱", "已约到店检查", true),
        (Touchpoint.AfterSale, "询问延保产品和价格", "已发送延保介绍", true),
        (Touchpoint.AfterSale, "保养后回访，询问车辆使用情况", "客户满意，无异常", false),
        (Touchpoint.AfterSale, "年检到期提醒", "客户自行办理", false),
        (Touchpoint.AfterSale, "询问保养预约能否改期", "已改到下周", true),
    ];

    private static readonly (string Usage, string? Needs, string Feedback, string? Opportunity)[] FollowUpNotes =
    [
        ("每天上下班通勤，已行驶约 1.2 万公里", null, "对车辆油耗满意", null),
        ("周末自驾出游较多，车况良好", "想加装行车记录仪", "希望保养时能提供代步车", null),
        ("主要由家人接送孩子使用", "家里二胎出生，空间有些紧张", "对服务顾问的提醒很满意", "考虑换购七座 SUV"),
        ("公司车辆，司机日常商务接待", "年内还要给分公司配车", "希望开具发票更快一些", "分公司年内采购两台商务车"),
        ("跑网约车，每月行驶约 6000 公里", "关心延保和保养套餐", "保养等待时间偏长", "推荐保养套餐和延保"),
        ("偶尔使用，车况正常", null, "暂无意见", null),
    ];

    private static readonly (CaseKind Kind, string Title, string Story, string Lesson, string[] Tags)[] Cases =
    [
        (CaseKind.Success, "VIP 客户车辆半路抛锚，两小时内送达代步车",
            "周日下午，VIP 客户在高速服务区来电，车辆无法启动。服务顾问立即联系救援，同时安排代步车送到服务区，客户按时赶上了家庭聚会。事后客户在朋友圈点名表扬。",
            "VIP 的快速响应通道要真正可用：周末值班表、救援和代步车资源要提前落实到人。", ["VIP", "救援", "售后"]),
        (CaseKind.Failure, "交车延误未提前告知，客户当场投诉",
            "客户按约定时间带全家到店提车，因上牌资料缺失需等两个多小时，销售顾问未提前电话告知。客户当场投诉，满意度回访只给了 3 分。",
            "交车前一天必须逐项确认车辆、资料和上牌进度；有任何延误，至少提前半天告知客户并给出补偿方案。", ["交付", "沟通"]),
        (CaseKind.Success, "保养结算多收费用，当天退款并上门致歉",
            "客户结算时发现多收了一项未说明的检测费，投诉到客服部。客服经理核实后当天退款，服务经理带礼品上门致歉，并调整了结算前逐项确认的流程。",
            "收费透明是信任的底线：结算前逐项解释，客户签字确认。", ["收费", "投诉处理"]),
        (CaseKind.Failure, "电话预约长期打不通，客户流失到路边店",
            "多位客户反映售后预约电话高峰时段总是占线，其中一位老客户改去路边店保养。回访时客户说“打了三次都没人接”。",
            "高峰时段增加接线人员，开放微信预约；未接来电必须在 30 分钟内回拨。", ["预约", "流失"]),
        (CaseKind.Success, "定期回访发现商机，企业客户追加采购两台商务车",
            "销售顾问按季度回访企业客户，了解到对方年内要给分公司配车，及时提供了车队方案和金融政策，两周后签约。",
            "回访不只是问满意度，要问使用情况和新需求，并把商机记录下来跟进。", ["回访", "商机", "企业客户"]),
        (CaseKind.Success, "生日关怀电话，客户介绍了两位朋友来店",
            "客服在客户生日当天致电祝福并提醒免费检测权益，客户很感动，随后介绍两位朋友到店看车，其中一位成交。",
            "关怀要有温度、有实惠；老客户的口碑是最好的获客渠道。", ["关怀", "转介绍"]),
        (CaseKind.Failure, "维修后同一故障三次返修",
            "客户车辆异响，两次维修都未根治，第三次到店时情绪激动。技术总监亲自检查后发现是零件批次问题。",
            "同一故障返修一次即升级技术支持，不能让客户跑第三趟。", ["维修质量", "返修"]),
        (CaseKind.Success, "休息区改造后，等待时间投诉明显下降",
            "根据满意度调查中“休息区太吵、没有充电插座”的意见，店里增设了安静区和充电桌，并在大屏显示维修进度。",
            "把调查中的具体意见变成看得见的改进，客户会感受到被重视。", ["客户体验", "改进"]),
        (CaseKind.Failure, "客户信息登记错误，回访打给了别人",
            "建档时手机号录错一位，满意度回访打给了陌生人，真正的客户一年里没有收到任何保养提醒。",
            "建档时当面核对手机号；回访遇空号或非本人，要在档案中标注并尽快更正。", ["档案", "回访"]),
        (CaseKind.Success, "春节前主动提醒保养，客户返乡路上零故障",
            "春节前两周，服务顾问逐一提醒有返乡计划的客户做出行前检查，发现并处理了多台车的轮胎和刹车隐患。",
            "在节假日前做有针对性的关怀提醒，既是服务也是业务。", ["关怀", "售后"]),
        (CaseKind.Success, "投诉处理后回访确认，客户续保并推荐朋友",
            "客户因等待时间长投诉，处理完毕后客服三天内回访确认，客户对处理结果满意，当月续保并推荐了朋友购车。",
            "投诉解决后一定要回访确认满意度，这是把不满变成忠诚的关键一步。", ["投诉处理", "回访"]),
        (CaseKind.Failure, "价格承诺前后不一，客户要求退订",
            "销售顾问口头承诺赠送的装饰在合同中没有写明，交车时客户发现没有，要求退订。经理协调后补送，但客户评价明显下降。",
            "所有优惠和赠品都写进合同；口头承诺以书面为准。", ["价格", "销售"]),
    ];

    public static async Task Seed(IServiceProvider provider, GuanxiDbContext db, Random random, DateOnly today, DemoProgress progress, CancellationToken cancellationToken)
    {
        var clock = provider.GetRequiredService<EnterpriseClock>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var customers = await db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.OwnerId, c.DepartmentId, c.Tier, c.FirstOrderOn }).ToListAsync(cancellationToken);
        var standards = ServiceStandard.Defaults.ToDictionary(s => s.Tier);
        var service = await (from u in db.Users
                             join r in db.UserRoles on u.Id equals r.UserId
                             where r.RoleId == nameof(Role.CallbackSpecialist) || r.RoleId == nameof(Role.DutyManager)
                             select u.Id).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);

        progress.Stage("联系记录（12 个月）", "contacts (12 months)");
        var contacts = new List<Contact>();
        var followUps = new List<CustomerTask>();
        var entries = new Dictionary<DateOnly, List<Guid>>();
        foreach (var c in customers)
        {
            var cadence = standards[c.Tier].FollowUpDays;
            // Entered in the archive when they first came: a month or so before their first purchase, or in the last year and a half.
            var entered = c.FirstOrderOn is { } bought ? bought.AddDays(-random.Next(3, 45)) : today.AddDays(-random.Next(10, 540));
            if (entered > today.AddDays(-1))
                entered = today.AddDays(-1);
            (entries.TryGetValue(entered, out var ids) ? ids : entries[entered] = []).Add(c.Id);
            var first = new[] { entered, today.AddDays(-365) }.Max();
            // About one in seven is behind: their last contact is older than the tier allows.
            var behind = random.NextDouble() < 0.15;
            var last = behind ? today.AddDays(-cadence - 1 - random.Next(1, 60)) : today.AddDays(-random.Next(0, Math.Max(1, cadence - 2)));
            if (last < first)
                continue;
            var count = c.Tier switch { Tier.Vip => random.Next(8, 13), Tier.Important => random.Next(3, 7), _ => random.Next(1, 3) };
            var days = Enumerable.Range(0, count - 1).Select(_ => first.AddDays(random.Next(Math.Max(1, last.DayNumber - first.DayNumber)))).Append(last);
            foreach (var day in days)
            {
                var talk = Talks[random.Next(Talks.Length)];
                var staff = talk.Inbound && service.Count > 0 && random.NextDouble() < 0.3 ? service[random.Next(service.Count)] : c.OwnerId;
                var channel = Pick(random, Channels);
                var made = Contact.Record(c.Id, c.DepartmentId, staff,
                    new ContactDetails(channel, talk.Inbound ? ContactDirection.Inbound : ContactDirection.Outbound, WorkingHours(random, day, clock.Zone), talk.Summary, talk.Outcome, talk.Touchpoint), now);
                if (made.Succeeded)
                    contacts.Add(made.Value!);
            }
            // The tier's follow-ups of the last months, done with what they learnt; a few still open past their day.
            if (c.Tier is Tier.Vip or Tier.Important && !behind)
            {
                var due = today.AddDays(-random.Next(5, cadence));
                var task = CustomerTask.Open(c.Id, CustomerTaskKind.FollowUpCall, c.OwnerId, c.DepartmentId, due,
                    ($"{c.Tier.Chinese()}客户每 {cadence} 天回访一次：了解产品使用情况、新需求和意见", $"{c.Tier.English()} customers get a follow-up call every {cadence} days: ask how they use the product, about new needs and their feedback"),
                    clock.StartOf(due.AddDays(-14)).ToUniversalTime());
                if (random.NextDouble() < 0.8)
                {
                    var notes = FollowUpNotes[random.Next(FollowUpNotes.Length)];
                    task.CompleteFollowUp(new Domain.Tasks.FollowUpNotes(notes.Usage, notes.Needs, notes.Feedback, notes.Opportunity is not null, notes.Opportunity), c.OwnerId, WorkingHours(random, due.AddDays(-random.Next(0, 3)), clock.Zone));
                }
                followUps.Add(task);
            }
        }
        foreach (var (day, ids) in entries)
        {
            var at = clock.StartOf(day).AddHours(10).ToUniversalTime();
            foreach (var chunk in ids.Chunk(500))
                await db.Set<Customer>().Where(c => chunk.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, at), cancellationToken);
        }
        foreach (var chunk in contacts.Chunk(2000))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        db.AddRange(followUps);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await db.Set<Customer>().ExecuteUpdateAsync(s => s.SetProperty(c => c.LastContactAt, c => db.Set<Contact>().Where(k => k.CustomerId == c.Id).Max(k => (DateTimeOffset?)k.At)), cancellationToken);

        progress.Stage("定期回访计划", "follow-up plans");
        await provider.GetRequiredService<PlanFollowUps>().Handle(cancellationToken);

        progress.Stage("案例库", "the case library");
        var authors = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.DepartmentId, u.Email }).ToListAsync(cancellationToken);
        var publisher = authors.First(a => a.Email!.StartsWith("cs.manager@", StringComparison.Ordinal));
        var writers = authors.Where(a => !a.Email!.StartsWith("admin@", StringComparison.Ordinal) && !a.Email.StartsWith("gm@", StringComparison.Ordinal)).ToList();
        var vips = customers.Where(c => c.Tier == Tier.Vip).Select(c => c.Id).ToList();
        for (var i = 0; i < Cases.Length; i++)
        {
            var (kind, title, story, lesson, tags) = Cases[i];
            var author = writers[random.Next(writers.Count)];
            var linked = vips.Count > 0 && i % 3 == 0 ? new[] { vips[random.Next(vips.Count)] } : [];
            var written = WorkingHours(random, today.AddDays(-random.Next(20, 300)), clock.Zone);
            var made = ServiceCase.Write(new CaseContent(kind, title, story, lesson, tags, linked, []), author.Id, author.DepartmentId, written);
            if (!made.Succeeded)
                continue;
            if (i < Cases.Length - 3)
                made.Value!.Publish(publisher.Id, written.AddDays(random.Next(1, 5)));
            db.Add(made.Value!);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static T Pick<T>(Random random, (T Value, double Weight)[] choices)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
            if ((roll -= weight) < 0)
                return value;
        return choices[^1].Value;
    }

    private static DateTimeOffset WorkingHours(Random random, DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(8, 30)).AddMinutes(random.Next(9 * 60));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
