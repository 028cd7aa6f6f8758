using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Inspections;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// Six months of 专项检查 as the dealership carries them out (CAPA-8, 001 篇6 "每月…对各部门及各岗位进行2次专项检查"; issue 24
/// item 12): the executive VP made three plans six months ago — 销售部·销售顾问 and 客服部·回访专员 inspected by the VP,
/// 售后服务部·服务顾问 by the customer-service manager, twice a month each — and every month had its inspections on the days
/// the schedule gives (<see cref="InspectionPlan.Owed"/>, scheduled when the plan was made and then a month ahead, as the
/// nightly job does; this month's and next month's are there, so the job finds nothing missing). Each was carried out by
/// its inspector on its day, a few a day or two late; 客服部's last one is still to do, overdue. Most items pass; a failed
/// one raises a finding, whose owner (a member of the department) and deadline its manager names (客服部 has none: the
/// inspector), which the owner fixes and the inspector re-checks — some re-checks fail once, the deadline is moved and
/// it is fixed again; each step only once its moment has come, so the last weeks' findings are still open or wait for
/// their re-check. The newest finding was fixed and waits for its re-check; the newest other finding of the sales and of
/// the service plan whose deadline is past was never fixed: overdue, on the department's demo account. 着装
/// (<see cref="ImprovingItem"/>) failed every inspection of the plans' first month, most of the second, one of the third's
/// two, and none since: the pass-rate report's story.
/// </summary>
public static class DemoInspections
{
    /// <summary>The item whose pass rate improves after the plans' second month.</summary>
    public const string ImprovingItem = "着装";

    private sealed record Item(string Name, double FailRate, string[] Faults, string[] Fixes);

    private sealed record PlanSpec(string Department, string Post, Role Staff, string Inspector, string? Manager, string Account, bool LastLeftUndone, Item[] Items);

    private static readonly string[] DressFixes = ["已补发工牌，晨会检查仪容仪表", "已统一换洗工装，每日上岗前自查"];

    private static readonly PlanSpec[] Specs =
    [
        new("销售部", "销售顾问", Role.SalesConsultant, "vp", "sales.manager", "sales", false,
        [
            new("服务礼仪", 0.08, ["接待时未起身问候", "客户进店 30 秒内无人接待", "送客未送至展厅门口", "接听电话未使用标准问候语"], ["已组织接待礼仪培训并现场演练", "晨会重申接待规范，经理每日抽查"]),
            new(ImprovingItem, 0, ["工牌未佩戴", "衬衫未熨烫，领带未系", "皮鞋不洁", "未按规定穿着工装"], DressFixes),
            new("话术", 0.1, ["报价未说明保养套餐", "未主动介绍金融方案", "对竞品进行贬低", "未邀请客户试乘试驾"], ["已更新标准话术并组织考核", "已组织话术培训，经理抽查录音"]),
            new("流程", 0.07, ["试驾前未登记驾驶证", "客户信息未及时录入系统", "报价单未经销售经理签字", "交车前未做 PDI 检查记录"], ["已按流程重新培训并补齐记录", "已修订流程检查表，每日下班前自查"]),
            new("展厅环境", 0.12, ["展车表面有灰尘和指纹", "洽谈桌上资料杂乱", "展厅饮品未及时补充", "展车未放置价格牌"], ["已安排专人每两小时巡查展厅", "已整改完毕，列入每日清洁检查表"]),
        ]),
        new("售后服务部", "服务顾问", Role.ServiceAdvisor, "cs.manager", "service.manager", "advisor", false,
        [
            new("服务礼仪", 0.08, ["接车时未起身问候", "客户等候时未主动告知维修进度", "接听预约电话未使用标准问候语"], ["已组织接待礼仪培训并现场演练", "晨会重申接待规范，经理每日抽查"]),
            new(ImprovingItem, 0, ["工牌未佩戴", "工装有油污", "未按规定穿工鞋"], DressFixes),
            new("接车流程", 0.09, ["接车未做环车检查", "未铺设座椅套、方向盘套和脚垫", "接车单未请客户签字", "未提醒客户带走车内贵重物品"], ["已重新培训接车流程，经理抽查接车单", "已在接车区张贴接车五步流程"]),
            new("维修说明", 0.1, ["增项未事先征得客户同意", "交车时未说明更换的配件", "未告知下次保养里程", "结算单费用未逐项解释"], ["已要求结算时逐项解释并请客户签字确认", "已组织维修说明话术培训"]),
            new("休息区环境", 0.14, ["休息区饮水机无水", "休息区杂志过期未更换", "卫生间地面有积水", "充电插座损坏未报修"], ["已安排专人每两小时巡查休息区", "已整改完毕，列入每日清洁检查表"]),
        ]),
        new("客服部", "回访专员", Role.CallbackSpecialist, "vp", null, "callback", true,
        [
            new("话术", 0.12, ["回访开场未自报单位和姓名", "客户抱怨时未致歉安抚", "使用了“没办法”等服务禁语", "未核实客户身份即开始回访"], ["已更新回访标准话术并组织考核", "已组织话术培训，每周抽听录音"]),
            new("回访流程", 0.1, ["交车后超过 3 天才回访", "未确认客户方便通话即开始提问", "客户反映的问题未转交相关部门", "未按问卷顺序提问"], ["已按回访流程重新培训", "已在系统中设置回访时限提醒"]),
            new("记录完整", 0.15, ["回访记录缺少客户意见原文", "未记录未接通原因", "客户联系方式变更未更新", "回访结果未在系统中结案"], ["已补全记录，并将客户意见设为必填", "已逐条核对本周记录并补录"]),
        ]),
    ];

    private static readonly string[] RecheckFaults = ["复查时仍发现同样问题，需继续整改", "整改不彻底，抽查两人仍有一人未做到", "当天已整改，次日复查又出现"];

    private sealed record Raised(PlanSpec Spec, Finding Finding, DateOnly On);

    public static async Task Seed(IServiceProvider provider, GuanxiDbContext db, Random random, DateOnly today, DemoProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(progress);
        progress.Stage("专项检查（6 个月）", "inspections (6 months)");
        var clock = provider.GetRequiredService<EnterpriseClock>();
        var calendar = await provider.GetRequiredService<EnterpriseCalendar>().Current(cancellationToken);
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var ids = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        string Id(string who) => ids[$"{who}@{DemoEnterprise.Domain}"];
        var departments = await (from d in db.Set<Department>()
                                 join p in db.Set<Department>() on d.ParentId equals p.Id
                                 where p.Kind == DepartmentKind.Company
                                 select new { d.Name, d.Id }).ToDictionaryAsync(d => d.Name, d => d.Id, cancellationToken);
        var posts = await (from u in db.Users
                           join r in db.UserRoles on u.Id equals r.UserId
                           where u.IsActive
                           orderby u.Email
                           select new { u.Id, u.DepartmentId, r.RoleId }).ToListAsync(cancellationToken);
        DateTimeOffset At(DateOnly day, int hour) => clock.StartOf(day).AddHours(hour).AddMinutes(random.Next(60)).ToUniversalTime();
        DateTimeOffset After(DateTimeOffset previous, DateOnly day, int hour) => At(day, hour) is var at && at > previous ? at : previous.AddMinutes(20 + random.Next(60));
        static void Must(Result<Done> done)
        {
            if (!done.Succeeded)
                throw new InvalidOperationException("The demo's finding broke a rule: " + string.Join(" ", done.Errors.Select(e => e.Message)));
        }

        // Six months ago, on a working day, the executive VP made the plans; their inspections were scheduled then (that month's and the next) and a month ahead since.
        var madeOn = today.AddMonths(-6);
        while (!calendar.IsWorkday(madeOn))
            madeOn = madeOn.AddDays(-1);
        var madeAt = At(madeOn, 10);
        var vp = Actor.Staff(Id("vp"));
        var (firstMonth, lastMonth) = (InspectionSchedule.FirstOf(madeOn), InspectionSchedule.FirstOf(today).AddMonths(1));
        var plans = new List<InspectionPlan>();
        var inspections = new List<(PlanSpec Spec, InspectionPlan Plan, List<Inspection> Inspections)>();
        foreach (var spec in Specs)
        {
            var content = new PlanContent(departments[spec.Department], spec.Post, InspectionPlan.DefaultPerMonth, [.. spec.Items.Select(i => new ChecklistLine(null, i.Name))], Id(spec.Inspector));
            var plan = InspectionPlan.Create(content, vp, madeAt, madeOn).Value ?? throw new InvalidOperationException("The demo's inspection plan broke a rule.");
            plans.Add(plan);
            var scheduled = new List<Inspection>();
            for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
            {
                var job = clock.StartOf(month.AddMonths(-1)).AddHours(2).AddMinutes(40).ToUniversalTime();   // the night job of the month before's first day
                var at = month <= firstMonth.AddMonths(1) ? madeAt : job < now ? job : now;
                scheduled.AddRange(plan.Owed(month, calendar).Select(d => Inspection.Schedule(plan, month, d.Sequence, d.On, at)));
            }
            inspections.Add((spec, plan, scheduled));
        }

        // Carried out by the inspector on the day (a few a day or two late, the third-to-last of each plan among them), but 客服部's last one; the last two
        // of each plan found something.
        var raised = new List<Raised>();
        foreach (var (spec, plan, scheduled) in inspections)
        {
            var inspector = Actor.Staff(plan.InspectorId);
            var due = scheduled.Where(i => i.DueOn < today).ToList();
            var done = spec.LastLeftUndone && due.Count > 0 ? due[..^1] : due;
            for (var n = 0; n < done.Count; n++)
            {
                var inspection = done[n];
                var planMonth = (inspection.Month.Year - firstMonth.Year) * 12 + inspection.Month.Month - firstMonth.Month;
                var fails = spec.Items.Select(item => item.Name != ImprovingItem ? random.NextDouble() < item.FailRate
                    : planMonth switch { 0 => true, 1 => inspection.Sequence == 1 || random.NextDouble() < 0.5, 2 => inspection.Sequence == 1, _ => false }).ToArray();
                if (n >= done.Count - 2 && !fails.Contains(true))
                {
                    var others = Enumerable.Range(0, fails.Length).Where(i => spec.Items[i].Name != ImprovingItem).ToList();
                    fails[others[random.Next(others.Count)]] = true;
                }
                var on = inspection.DueOn;
                if ((random.NextDouble() < 0.12 || n == done.Count - 3) && on.AddDays(1 + random.Next(2)) is var late && late < today)
                    on = late;
                var lines = inspection.Checklist.Select((item, i) => new ResultLine(item.Id, fails[i] ? ItemOutcome.Fail : ItemOutcome.Pass,
                    fails[i] ? spec.Items[i].Faults[random.Next(spec.Items[i].Faults.Length)] : null)).ToList();
                var findings = inspection.Record(lines, inspector, At(on, 9 + random.Next(7))).Value ?? throw new InvalidOperationException("The demo's inspection broke a rule.");
                raised.AddRange(findings.Select(f => new Raised(spec, f, on)));
            }
        }

        // Fixed, waiting for its re-check: the newest finding. Overdue: the newest of the others of the sales and the service plan whose deadline (a week
        // after it was assigned, the day after it was raised) is past.
        var waiting = raised.MaxBy(r => r.Finding.RaisedAt) ?? throw new InvalidOperationException("The demo has no finding to leave waiting for its re-check.");
        bool Late(Raised r) => r.Finding != waiting.Finding && r.On.AddDays(8) < today;
        var overdue = Specs.Where(s => s.Manager is not null).Select(s => raised.Where(r => r.Spec == s && Late(r) && r.On >= today.AddDays(-60)).MaxBy(r => r.Finding.RaisedAt))
            .OfType<Raised>().ToList();
        if (overdue.Count == 0)
            overdue = [raised.Where(Late).MaxBy(r => r.Finding.RaisedAt) ?? throw new InvalidOperationException("The demo has no finding to leave overdue.")];
        var firsts = new HashSet<PlanSpec>();   // each plan's first finding failed its first re-check
        foreach (var (spec, finding, on) in raised)
        {
            var inspector = Actor.Staff(finding.InspectorId);
            var manager = spec.Manager is { } m ? Actor.Staff(Id(m)) : inspector;
            var staff = posts.Where(p => p.DepartmentId == finding.DepartmentId && p.RoleId == spec.Staff.Name()).Select(p => p.Id).ToList();
            var account = Id(spec.Account);
            if (overdue.Any(r => r.Finding == finding))
            {
                var assignOn = on.AddDays(1);
                Must(finding.AssignOwner(account, assignOn.AddDays(7), manager, After(finding.RaisedAt, assignOn, 10), assignOn));
                continue;
            }
            var owner = waiting.Finding == finding ? account : staff[random.Next(staff.Count)];
            if (waiting.Finding == finding)
            {
                var assignedAt = finding.RaisedAt.AddMinutes(30 + random.Next(30));
                Must(finding.AssignOwner(owner, on.AddDays(7), manager, assignedAt, on));
                var fixOn = on.AddDays(1 + random.Next(4));
                var fixedAt = fixOn < today ? After(assignedAt, fixOn, 15) : assignedAt.AddMinutes(40 + random.Next(40));
                Must(finding.Fix(spec.Items.Single(i => i.Name == finding.ItemName).Fixes[0], Actor.Staff(owner), fixedAt));
                continue;
            }
            Follow(finding, spec.Items.Single(i => i.Name == finding.ItemName), on, owner, manager, inspector, firsts.Add(spec));
        }

        db.AddRange(plans);
        db.AddRange(inspections.SelectMany(p => p.Inspections));
        db.AddRange(raised.Select(r => r.Finding));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // A finding's way as far as today has come: the owner named within a day, a week to fix it, fixed in a few days, re-checked a few days later — a
        // re-check failing now and then (each plan's first finding's), the deadline moved at once by the inspector, fixed again and re-checked. Each step only when its moment has come.
        void Follow(Finding finding, Item item, DateOnly on, string owner, Actor manager, Actor inspector, bool first)
        {
            var day = on.AddDays(random.Next(2));
            var at = After(finding.RaisedAt, day, 11 + random.Next(6));
            if (at > now)
                return;
            Must(finding.AssignOwner(owner, day.AddDays(7), manager, at, day));
            for (var round = 0; ; round++)
            {
                day = day.AddDays(1 + random.Next(round == 0 ? 5 : 3));
                at = After(at, day, 9 + random.Next(8));
                if (at > now)
                    return;
                Must(finding.Fix(item.Fixes[random.Next(item.Fixes.Length)], Actor.Staff(owner), at));
                day = day.AddDays(1 + random.Next(3));
                at = After(at, day, 9 + random.Next(8));
                var fails = round == 0 && (random.NextDouble() < 0.2 || first);
                if (at.AddMinutes(30) > now)
                    return;
                Must(finding.Recheck(!fails, fails ? RecheckFaults[random.Next(RecheckFaults.Length)] : null, inspector, at));
                if (!fails)
                    return;
                at = at.AddMinutes(10 + random.Next(20));
                Must(finding.AssignOwner(owner, day.AddDays(5), inspector, at, day));
            }
        }
    }
}
