using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Improvement;
using Guanxi.Domain.Service;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// The improvement measures a dealership has after a year (issue 24 item 12), each taken from a problem the demo's surveys
/// and complaints raised, one in every state of the tracking sheet: just reported, awaiting the signature, a plan that is
/// late, planned, in progress with a change of plan, a deadline the VP corrected and a department involved, one whose
/// deadline was missed with a penalty proposed, one awaiting acceptance with one party refusing, and one accepted and
/// closed whose effect shows in the data — the sales department's 交车过程 scores were low until its actions were done
/// <see cref="HandoverFixedDaysAgo"/> days ago (the demo's surveys answer so: <see cref="HandoverLow"/>).
/// </summary>
public static class DemoImprovement
{
    /// <summary>The question whose scores the closed measure raised: the sales questionnaire's handover (交车过程).</summary>
    public const string HandoverQuestion = "handover";

    /// <summary>How many days ago the handover measure's last action was done.</summary>
    public const int HandoverFixedDaysAgo = 72;

    /// <summary>The sales department's handover scores before the fix: one point lower, for most customers.</summary>
    public static bool HandoverLow(Guid department, Guid sales, string questionId, DateOnly on, DateOnly today, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return department == sales && questionId == HandoverQuestion && on < today.AddDays(-HandoverFixedDaysAgo) && random.NextDouble() < 0.7;
    }

    /// <summary>The company's own sales department (not the branch's).</summary>
    public static Task<Guid> SalesDepartment(GuanxiDbContext db, CancellationToken cancellationToken) =>
        (from d in db.Set<Department>()
         join p in db.Set<Department>() on d.ParentId equals p.Id
         where d.Name == "销售部" && p.Kind == DepartmentKind.Company
         select d.Id).FirstAsync(cancellationToken);

    public static async Task Seed(IServiceProvider provider, GuanxiDbContext db, Random random, DateOnly today, DemoProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(progress);
        progress.Stage("改进措施", "improvement measures");
        var clock = provider.GetRequiredService<EnterpriseClock>();
        var calendar = await provider.GetRequiredService<EnterpriseCalendar>().Current(cancellationToken);
        var policy = new ImprovementPolicy();
        var ids = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        string Id(string who) => ids[$"{who}@{DemoEnterprise.Domain}"];
        var (vp, cs) = (Actor.Staff(Id("vp")), Actor.Staff(Id("cs.manager")));
        var (salesManager, serviceManager) = (Actor.Staff(Id("sales.manager")), Actor.Staff(Id("service.manager")));
        var sales = await SalesDepartment(db, cancellationToken);
        var service = await db.Users.Where(u => u.Id == serviceManager.Id).Select(u => u.DepartmentId).SingleAsync(cancellationToken);
        var cservice = await db.Users.Where(u => u.Id == cs.Id).Select(u => u.DepartmentId).SingleAsync(cancellationToken);
        var salesStaff = await db.Users.Where(u => u.DepartmentId == sales && u.IsActive).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync(cancellationToken);
        var serviceStaff = await db.Users.Where(u => u.DepartmentId == service && u.IsActive).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync(cancellationToken);
        DateTimeOffset At(DateOnly day, int hour) => clock.StartOf(day).AddHours(hour).AddMinutes(random.Next(60)).ToUniversalTime();
        var numbers = new Dictionary<int, int>();
        string Next(DateOnly on) => $"GJ{on.Year}{numbers[on.Year] = numbers.GetValueOrDefault(on.Year) + 1:0000}";
        static void Must(Result<Done> done)
        {
            if (!done.Succeeded)
                throw new InvalidOperationException("The demo's measure broke a rule: " + string.Join(" ", done.Errors.Select(e => e.Message)));
        }

        // The problems the demo's surveys and complaints escalated (SAT-11, issue 23): very low overall scores of the last months, the handover question's repeats.
        var lowest = await (from r in db.Set<SurveyResponse>().AsNoTracking()
                            join t in db.Set<SurveyTask>() on r.TaskId equals t.Id
                            where r.Outcome == SurveyOutcome.Completed && r.SupersededBy == null && r.ProgramId == null && r.OverallScore != null && r.RespondedOn >= today.AddDays(-200)
                                && (t.DepartmentId == sales || t.DepartmentId == service)
                            orderby r.OverallScore, r.Id
                            select new { r.Id, r.TaskId, r.RespondedOn, r.RespondedAt, r.OverallScore, r.Comment, t.DepartmentId, t.CustomerId }).Take(2_000).ToListAsync(cancellationToken);
        var lowResponses = lowest.GroupBy(r => r.DepartmentId).SelectMany(g => g.Take(5)).OrderBy(r => r.RespondedOn).ToList();   // the five lowest of each department
        var names = await db.Set<Domain.Customers.Customer>().Where(c => lowResponses.Select(r => r.CustomerId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var surveyProblems = lowResponses.Select(r => SurveyProblem.Raise(new Escalation(SurveyProblemKind.LowOverall, r.OverallScore <= 12 ? EscalationLevel.ExecutiveVp : EscalationLevel.CustomerServiceManager, null, 1),
            r.TaskId, r.Id, r.DepartmentId, $"{names[r.CustomerId]}：总体满意度 {r.OverallScore:0} 分（满分 100）{(r.Comment is { } c ? "。客户意见：" + c : "")}", r.RespondedOn, r.RespondedAt)).ToList();
        var handoverLow = await (from r in db.Set<SurveyResponse>().AsNoTracking()
                                 join t in db.Set<SurveyTask>() on r.TaskId equals t.Id
                                 where t.DepartmentId == sales && t.Kind == SurveyKind.Sales && r.Outcome == SurveyOutcome.Completed && r.RespondedOn <= today.AddDays(-130) && r.RespondedOn > today.AddDays(-137)
                                 orderby r.RespondedOn
                                 select new { r.Id, r.TaskId, r.RespondedOn, r.RespondedAt }).ToListAsync(cancellationToken);
        var handoverProblem = handoverLow.Count == 0 ? null : SurveyProblem.Raise(new Escalation(SurveyProblemKind.RepeatedLowQuestion, EscalationLevel.CustomerServiceManager, HandoverQuestion, 3),
            handoverLow[^1].TaskId, handoverLow[^1].Id, sales, $"“交车过程（车辆清洁、功能讲解、手续办理）是否满意？”7 天内被 {Math.Max(3, handoverLow.Count / 3)} 位客户评为低分", handoverLow[^1].RespondedOn, handoverLow[^1].RespondedAt);
        db.AddRange(surveyProblems);
        if (handoverProblem is not null)
            db.Add(handoverProblem);
        await db.SaveChangesAsync(cancellationToken);
        var complaintProblems = await db.Set<ServiceProblem>().AsNoTracking().Where(p => p.Kind == ServiceProblemKind.Complaint).OrderByDescending(p => p.RaisedAt).Take(4).ToListAsync(cancellationToken);
        var warning = await db.Set<CrisisWarning>().AsNoTracking().OrderByDescending(w => w.RaisedAt).FirstOrDefaultAsync(cancellationToken);
        var measures = new List<Measure>();

        Measure Raised(MeasureSourceKind kind, Guid? source, string title, string description, Guid department, EffectMetric? metric, DateOnly on)
        {
            var measure = Measure.Raise(Next(on), kind, source, title, description, department, metric, cs, At(on, 10), on).Value!;
            measures.Add(measure);
            return measure;
        }
        void Sign(Measure m, string opinion, Guid department, Actor manager, DateOnly on)
        {
            Must(m.GiveOpinion(opinion, department, vp, At(on, 14)));
            Must(m.Sign(manager, At(on.AddDays(1), 9), on.AddDays(1), calendar, policy));
        }
        void Plan(Measure m, Actor manager, DateOnly on, string[] whys, CauseCategory category, string suggestion, (string Title, string Owner, DateOnly Due)[] actions, DateOnly due)
        {
            Must(m.Analyse(whys, category, suggestion, manager, At(on, 10)));
            Must(m.Plan([.. actions.Select(a => (PlannedAction?)new PlannedAction(a.Title, a.Owner, a.Due))], due, manager, At(on, 15), on));
        }
        void Inspect(Measure m, string note, int progress, Actor by, DateOnly on)
        {
            if (!m.Inspect(note, progress, by, At(on, 15)).Succeeded)
                throw new InvalidOperationException("The demo's inspection broke a rule.");
        }
        void Done(Measure m, int index, string? note, Actor by, DateOnly on) =>
            Must(m.CompleteAction(m.CurrentActions.Where(a => !a.IsDone).ElementAt(index).Id, note, by, At(on, 16), on));

        // 1. Accepted and closed, its effect in the data: the handover question of the sales department.
        if (handoverProblem is not null)
        {
            var raisedOn = handoverProblem.RaisedOn.AddDays(1);
            var m = Raised(MeasureSourceKind.SurveyProblem, handoverProblem.Id, "交车讲解不充分，交车过程评分偏低", "近期多位客户在回访中对“交车过程”打低分，反映交车时未讲解车辆功能和保养周期、车辆清洁不到位。",
                sales, new EffectMetric(EffectMetricKind.QuestionScore, HandoverQuestion, sales), raisedOn);
            Must(m.Contain("即日起交车前由销售经理抽查车辆清洁，并当面补讲保养周期", salesManager, At(raisedOn.AddDays(1), 11)));
            Sign(m, "销售部对交车流程全面整改，制定交车讲解清单并培训全员；客服部跟踪回访评分。", sales, salesManager, raisedOn);
            var planOn = raisedOn.AddDays(3);
            var doneOn = today.AddDays(-HandoverFixedDaysAgo);
            Plan(m, salesManager, planOn, ["交车时间安排过紧，顾问赶下一位客户", "没有统一的交车讲解清单，全凭个人经验", "新顾问未接受交车流程培训"], CauseCategory.Method,
                "制定交车讲解清单（功能、保养周期、手续），交车时间不少于 40 分钟，全员培训并抽查",
                [("编写交车讲解清单并张贴于交车区", salesStaff[0], doneOn.AddDays(-10)), ("全体销售顾问交车流程培训", salesManager.Id, doneOn), ("交车预约间隔调整为 60 分钟", salesStaff[1 % salesStaff.Count], doneOn)], doneOn.AddDays(5));
            Inspect(m, "讲解清单已张贴，培训完成一半", 50, cs, doneOn.AddDays(-20));
            Done(m, 0, "清单已张贴并发给每位顾问", Actor.Staff(salesStaff[0]), doneOn.AddDays(-12));
            Done(m, 0, "已培训 12 人，考核全部通过", salesManager, doneOn);
            Done(m, 0, "系统预约间隔已调整", Actor.Staff(salesStaff[1 % salesStaff.Count]), doneOn);
            var acceptOn = doneOn.AddDays(2);
            Must(m.Accept(AcceptanceParty.CustomerService, true, "抽查回访 10 位新车客户，交车过程均评 4 分以上", cs, At(acceptOn, 10), acceptOn));
            Must(m.Accept(AcceptanceParty.Department, true, null, salesManager, At(acceptOn, 11), acceptOn));
            Must(m.Accept(AcceptanceParty.ExecutiveVp, true, "同意验收，三个月后再看回访评分", vp, At(acceptOn, 15), acceptOn));
        }

        // 2. The deadline missed, a penalty proposed: after-sales waiting time.
        if (surveyProblems.FirstOrDefault(p => p.DepartmentId == service) is { } late)
        {
            var raisedOn = today.AddDays(-60);
            var m = Raised(MeasureSourceKind.SurveyProblem, late.Id, "售后等待时间过长", "回访中客户反映保养等待超过预约时间，总体满意度很低。", service,
                new EffectMetric(EffectMetricKind.DimensionScore, nameof(Dimension.Responsiveness), service), raisedOn);
            Sign(m, "售后服务部一个月内解决预约与等待问题。", service, serviceManager, raisedOn);
            Plan(m, serviceManager, raisedOn.AddDays(2), ["预约时段排得过满", "快修工位不足"], CauseCategory.Machine, "预约时段按工位产能排布，增设快修工位",
                [("调整预约系统的时段容量", serviceStaff[0], today.AddDays(-30)), ("增设一个快修工位", serviceManager.Id, today.AddDays(-20))], today.AddDays(-20));
            Done(m, 0, "时段容量已按工位数调整", Actor.Staff(serviceStaff[0]), today.AddDays(-31));
            Inspect(m, "快修工位设备尚未到位", 60, vp, today.AddDays(-18));
            if (!m.ProposePenalty(serviceManager.Id, service, "奖惩制度第 8 条：改进措施未按期完成", "扣减售后服务部当月考核 2 分", vp, At(today.AddDays(-15), 10), today.AddDays(-15)).Succeeded)
                throw new InvalidOperationException("The demo's late measure should be penalisable.");
        }

        // 3. A plan that is late: signed eight working days ago, no plan, flagged to the VP.
        if (surveyProblems.Where(p => p.DepartmentId == sales).Skip(1).FirstOrDefault() is { } noPlan)
        {
            var signedOn = calendar.AddWorkingDays(today.AddDays(-14), 1);
            var m = Raised(MeasureSourceKind.SurveyProblem, noPlan.Id, "价格说明不透明", "客户反映购车时各项费用没有事先说清楚，总体满意度很低。", sales, null, signedOn.AddDays(-1));
            Sign(m, "销售部梳理报价单，所有费用事先书面说明。", sales, salesManager, signedOn.AddDays(-1));
            var flaggedOn = m.PlanDueOn!.Value.AddDays(1);
            m.FlagLatePlan(At(flaggedOn, 8), flaggedOn);
        }

        // 4. Awaiting acceptance, one party refusing: a complaint marked for improvement.
        if (complaintProblems.ElementAtOrDefault(0) is { } complaint)
        {
            var raisedOn = today.AddDays(-40);
            var m = Raised(MeasureSourceKind.Complaint, complaint.SourceId, "维修后同一故障反复出现", complaint.Description, complaint.DepartmentId, null, raisedOn);
            Sign(m, "售后服务部分析返修原因，建立维修质量终检制度。", service, serviceManager, raisedOn);
            Plan(m, serviceManager, raisedOn.AddDays(3), ["终检只看外观，不做路试", "技师对新车型故障不熟悉"], CauseCategory.Method, "建立维修终检路试制度，组织新车型培训",
                [("制定维修终检路试规范", serviceManager.Id, today.AddDays(-10)), ("新车型故障诊断培训", serviceStaff[0], today.AddDays(-5))], today.AddDays(2));
            Done(m, 0, "规范已发布", serviceManager, today.AddDays(-12));
            Done(m, 0, "两批培训已完成", Actor.Staff(serviceStaff[0]), today.AddDays(-4));
            Must(m.Accept(AcceptanceParty.ExecutiveVp, true, "同意", vp, At(today.AddDays(-3), 10), today.AddDays(-3)));
            Must(m.Accept(AcceptanceParty.CustomerService, false, "回访 3 位返修客户，仍有 1 位反映异响未解决", cs, At(today.AddDays(-3), 15), today.AddDays(-3)));
        }

        // 5. In progress: the crisis warning's measure, a department involved, the plan changed and the deadline corrected.
        if (warning is not null)
        {
            var raisedOn = DateOnly.FromDateTime(clock.ToLocal(warning.RaisedAt).DateTime).AddDays(1);
            var m = Raised(MeasureSourceKind.CrisisWarning, warning.Id, "维修质量投诉激增", "维修质量类投诉一周内明显高于往常，需查明原因并整改。", warning.DepartmentId,
                warning.Kind == CrisisSeriesKind.Category ? new EffectMetric(EffectMetricKind.ComplaintCount, warning.SeriesKey, warning.DepartmentId) : null, raisedOn);
            Sign(m, "售后服务部牵头，配件问题请客服部协助回访。", warning.DepartmentId, serviceManager, raisedOn);
            Must(m.Contain("对当周维修车辆逐一电话回访，发现问题免费返修", cs, At(raisedOn, 16)));
            Plan(m, serviceManager, raisedOn.AddDays(2), ["一批刹车片质量不稳定", "到货未抽检"], CauseCategory.Material, "更换供应批次，到货抽检",
                [("封存问题批次刹车片并更换", serviceStaff[0], raisedOn.AddDays(7)), ("建立配件到货抽检记录", serviceManager.Id, raisedOn.AddDays(14))], raisedOn.AddDays(14));
            Must(m.Involve(cservice, "对问题批次涉及的客户逐一回访", serviceManager, At(raisedOn.AddDays(2), 17)));
            Must(m.ConfirmInvolvement(cservice, "两天内完成回访", cs, At(raisedOn.AddDays(3), 9)));
            Done(m, 0, "问题批次已全部更换", Actor.Staff(serviceStaff[0]), raisedOn.AddDays(6));
            var changeOn = raisedOn.AddDays(10);
            var horizon = today.AddDays(12) > changeOn.AddDays(20) ? today.AddDays(12) : changeOn.AddDays(20);
            Must(m.ChangePlan("供应商要求先完成质量追溯，抽检制度需与其共同制定", [new PlannedAction("与供应商共同制定到货抽检标准", serviceManager.Id, horizon.AddDays(-5)),
                new PlannedAction("抽检记录纳入入库流程", serviceStaff[^1], horizon.AddDays(-2))], horizon.AddDays(-2), serviceManager, At(changeOn, 11), changeOn));
            Must(m.CorrectDeadline(horizon, "供应商追溯需两周，期限顺延", vp, At(changeOn.AddDays(1), 9), changeOn.AddDays(1)));
        }

        // 6. Planned: the department set its plan this week.
        if (complaintProblems.ElementAtOrDefault(1) is { } planned)
        {
            var raisedOn = calendar.AddWorkingDays(today.AddDays(-8), 0);
            var m = Raised(MeasureSourceKind.Complaint, planned.SourceId, "结算费用与报价不一致", planned.Description, planned.DepartmentId, null, raisedOn);
            Sign(m, "售后服务部规范报价与结算，差异须事先征得客户同意。", service, serviceManager, raisedOn);
            Plan(m, serviceManager, raisedOn.AddDays(2), ["增项未经客户确认即施工"], CauseCategory.Method, "增项必须电话确认并在系统留痕",
                [("增项确认流程写入服务顾问手册", serviceStaff[0], today.AddDays(10))], today.AddDays(14));
        }

        // 7. Awaiting the department's signature, and 8. just reported.
        if (surveyProblems.Where(p => p.DepartmentId == sales).FirstOrDefault() is { } opinion)
        {
            var m = Raised(MeasureSourceKind.SurveyProblem, opinion.Id, "销售顾问跟进不及时", "客户反映看车后无人跟进，总体满意度很低。", sales, null, today.AddDays(-2));
            Must(m.GiveOpinion("销售部规定看车后 24 小时内回访。", sales, vp, At(today.AddDays(-1), 9)));
        }
        if (complaintProblems.ElementAtOrDefault(2) is { } fresh)
            Raised(MeasureSourceKind.Complaint, fresh.SourceId, "服务顾问解释不耐烦", fresh.Description, fresh.DepartmentId, null, today);

        db.AddRange(measures);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
