using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Service;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Calendar;
using Guanxi.Web.Features.ServiceDesk;
using Guanxi.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// A year of complaints and inquiries as a dealership's customer service handles them (SVC-2): received on every channel
/// and touchpoint, classified and assessed, assigned, answered and resolved — most within the tier's times, some late
/// (their warnings and escalations recorded as they fired), a few paused while waiting on the customer, a few reopened —
/// confirmed with the customer and closed; some marked for improvement. The last days' are still open, some overdue. In the
/// middle of last month 维修质量 spikes: a dozen complaints in five days where one a week is usual.
/// For about half of the resolved complaints the handler asked, on resolving, for a satisfaction check through the survey
/// engine (a task in the complaint checks' program, shared among the callback specialists as the engine shares them): most
/// answered by phone within the program's window — mostly satisfied, some not (the problem not really solved, or solved too
/// slowly), a few never reached — each answer recorded on the complaint as the engine records it, and the complaint closed
/// after it (or, the problem not solved, mostly reopened by its handler). A few resolved in the last working days are still
/// in the callback specialists' queue, some already called once.
/// </summary>
public static class DemoComplaints
{
    private sealed record Check(Complaint Complaint, SurveyTask Task, DateTimeOffset AskedAt, bool InQueue);

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
        var program = await db.Set<SurveyProgram>().AsNoTracking().Where(p => p.Population == ProgramPopulation.ResolvedComplaints && p.Active)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);   // the program the check asks in (OpenSurveyOnRequest)
        var checks = new List<Check>();
        var callers = await db.Users.CountAsync(u => u.IsActive && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == nameof(Role.CallbackSpecialist)), cancellationToken);

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
        if (program is not null)
        {
            InQueue();
            await Answer();
        }

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
            if (program is not null && random.NextDouble() < DemoComplaintChecks.Share)
            {
                checks.Add(Ask(complaint, by, resolved, withNote: random.NextDouble() < 0.2));
                return complaint;   // closed once the customer has answered (Answer)
            }
            var closed = resolved.AddDays(random.Next(1, 4));
            if (closed > now)
                return complaint;
            complaint.Close(random.NextDouble() < 0.85, "回访确认客户意见", Actor.Staff(desk[random.Next(desk.Count)]), closed);
            if (random.NextDouble() < 0.05 && closed.AddDays(5) < now)
                Reopen(complaint, "客户反映问题再次出现", Actor.Staff(desk[random.Next(desk.Count)]), closed.AddDays(random.Next(2, 5)), "再次检修并更换总成，客户确认已解决", by);
            return complaint;
        }

        // The customer came back: open again, resolved again by its handler and, a couple of days later, closed satisfied.
        void Reopen(Complaint complaint, string reason, Actor by, DateTimeOffset at, string resolution, Actor handler)
        {
            complaint.Reopen(reason, by, at, sla);
            var again = At(complaint.ClockSince ?? at, complaint.ResolutionTarget * 0.5);
            if (again >= now)
                return;
            complaint.Resolve(resolution, null, false, handler, again, sla);
            if (again.AddDays(2) < now)
                complaint.Close(true, "再次回访，客户满意", Actor.Staff(desk[random.Next(desk.Count)]), again.AddDays(2));
        }

        // SVC-2, as the complaint page asks: "ask for the check" ticked on resolving, or now and then the button a little later
        // with a note for the callback specialist — one task in the program, opened on the day asked (OpenSurveyOnRequest).
        Check Ask(Complaint complaint, Actor by, DateTimeOffset resolved, bool withNote, bool inQueue = false)
        {
            var at = withNote ? resolved.AddMinutes(random.Next(10, 90)) : resolved.AddSeconds(random.Next(5, 40));
            if (at > now)
                at = now;
            var task = SurveyTask.OnRequest(program!, complaint.CustomerId, complaint.DepartmentId, complaint.StaffId, Day(resolved),
                program!.WindowOnRequest(Day(at), sla.Calendar.IsWorkday), at);
            var asked = complaint.AskSatisfactionCheck(task.Id, withNote ? DemoComplaintChecks.AskNotes[random.Next(DemoComplaintChecks.AskNotes.Length)] : null, by, at);
            if (!asked.Succeeded)
                throw new InvalidOperationException($"The demo's complaint {complaint.Id} cannot ask for its check: {asked.Errors[0].Message}");
            return new Check(complaint, task, at, inQueue);
        }

        // This week's desk: complaints resolved in the last two working days, their checks waiting in the queue — one for each
        // callback specialist.
        void InQueue()
        {
            var days = new List<DateOnly>();
            for (var d = today; days.Count < 2 && d > today.AddDays(-30); d = d.AddDays(-1))
            {
                if (sla.Calendar.IsWorkday(d) && clock.StartOf(d).AddHours(10) < now)
                    days.Add(d);
            }
            for (var (waiting, tries) = (0, 0); waiting < callers && days.Count > 0 && tries < 100; tries++)
            {
                var day = days[random.Next(days.Count)];
                var resolved = WorkingHours(random, day, clock.Zone);
                if (resolved >= now)
                    resolved = now.AddMinutes(-random.Next(5, 30));
                var receivedOn = day.AddDays(-random.Next(3, 8));
                while (!sla.Calendar.IsWorkday(receivedOn))
                    receivedOn = receivedOn.AddDays(-1);
                var kind = Pick(random, Kinds);
                var complaint = Receive(kind.Category, kind.Summaries[random.Next(kind.Summaries.Length)], receivedOn);
                var by = Actor.Staff(complaint.AssigneeId!);
                var responded = At(complaint.ReceivedAt, TimeSpan.FromMinutes(random.Next(70, 180)));
                if (responded.AddHours(1) >= resolved)
                    continue;
                Tick(complaint, responded);
                complaint.Respond("已联系客户，了解情况并致歉", by, responded, sla);
                Tick(complaint, resolved);
                complaint.Resolve(Resolutions[random.Next(Resolutions.Length)], null, false, by, resolved, sla);
                made.Add(complaint);
                checks.Add(Ask(complaint, by, resolved, withNote: false, inQueue: true));
                waiting++;
            }
        }

        // The checks' tasks shared among the callback specialists as the engine shares them (SurveyAssignment: the fewest open
        // first), in one batch as the draws are — the year's first, in the order asked, which level the specialists' loads, and
        // this week's waiting ones last, which the engine's round then gives one to each. Then called and answered on the call
        // sheet: the response recorded on the task and, as ComplaintChecks does it for RecordSurveyResponse, on the complaint,
        // which the desk then closes.
        async Task Answer()
        {
            var asked = checks.OrderBy(c => c.InQueue).ThenBy(c => c.AskedAt).ThenBy(c => c.Task.Id).ToList();
            await SurveyAssignment.Assign(db, [.. asked.Select(c => c.Task)], today, cancellationToken);
            var notSolved = new List<(Guid Department, DateOnly On)>();
            var round = new Queue<DemoCheckAnswer>();
            foreach (var check in asked)
            {
                db.Add(check.Task);
                if (round.Count == 0)
                {
                    var next = DemoComplaintChecks.Round.ToArray();
                    random.Shuffle(next);
                    round = new Queue<DemoCheckAnswer>(next);
                }
                await Call(check, check.InQueue ? null : round.Dequeue(), notSolved);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        async Task Call(Check check, DemoCheckAnswer? given, List<(Guid Department, DateOnly On)> notSolved)
        {
            var (complaint, task, askedAt, _) = check;
            var caller = Actor.Staff(task.AssigneeId ?? complaint.AssigneeId!);
            if (given is not { } answer)
            {
                FirstCall(task, askedAt, caller);
                return;
            }
            var unreachable = answer == DemoCheckAnswer.Unreachable;
            var at = askedAt;
            for (var tries = unreachable ? 3 : random.NextDouble() < 0.3 ? random.Next(1, 3) : 0; tries > 0; tries--)
            {
                at = At(at, TimeSpan.FromHours(unreachable ? 2 + random.NextDouble() * 2 : 0.3 + random.NextDouble() * 2));
                if (at > now)
                    return;   // still calling: in the queue
                Attempt(task, random.NextDouble() < 0.8 ? AttemptResult.NoAnswer : AttemptResult.Busy, null, null, at, caller);
            }
            at = unreachable ? at.AddMinutes(random.Next(1, 5)) : At(at, TimeSpan.FromHours(0.2 + random.NextDouble() * 3));
            if (at > now)
                return;
            var on = Day(at);
            if (on > task.Due)
            {
                task.ExplainOverdue("客户出差，时效内未能联系上");   // cannot happen on a plain calendar: the window has two more working days
                return;
            }
            var version = await SurveyQuestionnaires.Current(db, task, on, cancellationToken)
                ?? throw new InvalidOperationException($"No questionnaire is in effect for the complaint checks on {on}.");
            var policy = new EscalationPolicy();
            if (answer == DemoCheckAnswer.NotSolved && notSolved.Count(n => n.Department == task.DepartmentId && n.On > on.AddDays(-EscalationPolicy.WeekDays)) >= policy.Repeats - 1)
                answer = DemoCheckAnswer.TooSlow;   // a third "not solved" in a department's week would be escalated (SAT-11), which the demo does not run
            var recorded = unreachable
                ? SurveyResponse.Invalid(task.Id, SurveyMethod.Phone, SurveyOutcome.Unreachable, DemoComplaintChecks.UnreachableNote, caller, on, at)
                : SurveyResponse.Answered(task.Id, SurveyMethod.Phone, version, DemoComplaintChecks.Answers(random, answer), null, RecordSurveyResponse.DefaultHiddenGap, caller, on, at);
            if (!recorded.Succeeded || !task.Respond(recorded.Value!, on, at).Succeeded)
                throw new InvalidOperationException($"The demo's answer to check {task.Id} is refused: {(recorded.Succeeded ? "" : recorded.Errors[0].Message)}");
            var response = recorded.Value!;
            db.Add(response);
            if (answer == DemoCheckAnswer.NotSolved)
                notSolved.Add((task.DepartmentId, on));
            var satisfied = ComplaintCheck.Verdict(response);
            complaint.RecordSatisfactionCheck(task.Id, satisfied, response.Outcome == SurveyOutcome.Completed ? response.Comment : response.Note, caller, at);

            var next = At(at, TimeSpan.FromHours(0.5 + random.NextDouble() * 6));
            if (next > now)
                return;   // resolved, checked, not closed yet
            var solved = ComplaintCheck.Solved(response.Answers);
            var handler = Actor.Staff(complaint.AssigneeId!);
            if (satisfied == false && solved == false && notSolved.Count % 3 != 0)   // two of three
                Reopen(complaint, "满意度回访：客户反映问题未解决", handler, next, "再次处理，客户确认问题已解决", handler);   // its handler decides: open again
            else
                complaint.Close(satisfied, DemoComplaintChecks.CloseNote(satisfied, solved), Actor.Staff(desk[random.Next(desk.Count)]), next);
        }

        // The first call to a customer whose check is still in the queue: not made yet, no answer, or a call back asked for.
        void FirstCall(SurveyTask task, DateTimeOffset askedAt, Actor caller)
        {
            var roll = random.NextDouble();
            var at = At(askedAt, TimeSpan.FromMinutes(random.Next(10, 90)));
            if (roll < 0.3 || at > now)
                return;
            var callBack = At(now, TimeSpan.FromHours(1 + random.Next(4)));
            if (roll < 0.65 && Day(callBack) <= task.Due)
                Attempt(task, AttemptResult.CallBack, callBack, "客户在开会，约好时间再打", at, caller);
            else
                Attempt(task, AttemptResult.NoAnswer, null, "无人接听", at, caller);
        }

        void Attempt(SurveyTask task, AttemptResult result, DateTimeOffset? callBack, string? note, DateTimeOffset at, Actor caller)
        {
            task.Attempt(result, callBack, at);
            db.Add(new SurveyAttempt { Id = Guid.CreateVersion7(), TaskId = task.Id, Result = result, CallBackAt = task.CallBackAt, Note = note, At = at, ById = caller.Id });
        }

        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(clock.ToLocal(at).DateTime);

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
