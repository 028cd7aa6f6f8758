using Guanxi.Domain.Accounts;
using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Improvement;

namespace Guanxi.Domain.Tests;

/// <summary>CAPA-1…7: the tracking sheet 《部门改进措施跟踪单》 from the problem to the joint acceptance.</summary>
public sealed class MeasureTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // National Day 2026: 1–7 October off, Sunday 20 September and Saturday 10 October worked.
    private static readonly WorkCalendar Calendar = new(WorkCalendar.DefaultWorkdays, WorkCalendar.DefaultPeriods,
        [.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))], [new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 10)], Shanghai);

    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid AfterSales = Guid.NewGuid();
    private static readonly Actor Cs = Actor.Staff("cs");
    private static readonly Actor Vp = Actor.Staff("vp");
    private static readonly Actor Manager = Actor.Staff("manager");

    private static DateTimeOffset At(DateOnly day, int hour = 10) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    private static Measure Reported(DateOnly on) =>
        Measure.Raise("GJ-2026-0001", MeasureSourceKind.Manual, null, "交车说明不充分", "近一周 5 位客户反映交车时未讲解保养周期。", Sales, null, Cs, At(on), on).Value!;

    private static Measure Signed(DateOnly on)
    {
        var m = Reported(on);
        Assert.True(m.GiveOpinion("销售部两周内整改交车流程", Sales, Vp, At(on)).Succeeded);
        Assert.True(m.Sign(Manager, At(on, 11), on, Calendar, new ImprovementPolicy()).Succeeded);
        return m;
    }

    private static Measure Planned(DateOnly on, DateOnly due)
    {
        var m = Signed(on);
        Assert.True(m.Analyse(["交车时间紧", "没有讲解清单"], CauseCategory.Method, "制定交车讲解清单", Manager, At(on, 12)).Succeeded);
        Assert.True(m.Plan([new PlannedAction("编写交车讲解清单", "consultant", due), new PlannedAction("培训全体销售顾问", "manager", due)], due, Manager, At(on, 14), on).Succeeded);
        return m;
    }

    [Fact]
    public void CAPA1_a_measure_needs_its_cause_and_a_suggestion_before_a_plan()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Signed(day);
        var plan = m.Plan([new PlannedAction("培训", "manager", day.AddDays(10))], day.AddDays(10), Manager, At(day), day);
        Assert.Equal("measure.analyse_first", plan.Errors.Single().Code);

        var bad = m.Analyse(["", "  "], null, " ", Manager, At(day));
        Assert.Equal(["causes", "causeCategory", "suggestion"], bad.Errors.Select(e => e.Field));
        var tooMany = m.Analyse(["1", "2", "3", "4", "5", "6"], CauseCategory.People, "x", Manager, At(day));
        Assert.Equal("measure.too_many_causes", tooMany.Errors.Single().Code);

        Assert.True(m.Analyse(["为什么 1", "为什么 2"], CauseCategory.People, "培训", Manager, At(day)).Succeeded);
        Assert.True(m.Plan([new PlannedAction("培训", "manager", day.AddDays(10))], day.AddDays(10), Manager, At(day), day).Succeeded);
        Assert.Equal(MeasureStatus.Planned, m.Status);
    }

    [Fact]
    public void CAPA1_an_immediate_containment_may_be_recorded_before_the_cause_is_known()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Reported(day);
        Assert.True(m.Contain("当天起交车前由经理复核讲解", Cs, At(day)).Succeeded);
        Assert.Equal("当天起交车前由经理复核讲解", m.Containment);
        Assert.Equal(MeasureStatus.Reported, m.Status);
    }

    [Fact]
    public void CAPA1_a_measure_from_a_problem_names_it_and_one_by_hand_names_none()
    {
        var day = new DateOnly(2026, 11, 2);
        var noId = Measure.Raise("GJ-1", MeasureSourceKind.SurveyProblem, null, "t", "d", Sales, null, Cs, At(day), day);
        Assert.Equal("source.id", noId.Errors.Single().Field);
        var manualWithId = Measure.Raise("GJ-1", MeasureSourceKind.Manual, Guid.NewGuid(), "t", "d", Sales, null, Cs, At(day), day);
        Assert.Equal("measure.manual_has_no_source", manualWithId.Errors.Single().Code);
        var empty = Measure.Raise("GJ-1", MeasureSourceKind.Manual, null, "", new string('长', 2001), Sales, null, Cs, At(day), day);
        Assert.Equal(["title", "description"], empty.Errors.Select(e => e.Field));
    }

    [Fact]
    public void CAPA2_the_VP_writes_an_opinion_and_names_the_department_which_then_signs()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Reported(day);
        Assert.Equal("measure.no_opinion_yet", m.Sign(Manager, At(day), day, Calendar, new()).Errors.Single().Code);
        Assert.True(m.GiveOpinion("售后部负责", AfterSales, Vp, At(day)).Succeeded);
        Assert.Equal(AfterSales, m.DepartmentId);
        Assert.True(m.Sign(Manager, At(day, 15), day, Calendar, new()).Succeeded);
        Assert.Equal((MeasureStatus.Signed, "manager", At(day, 15)), (m.Status, m.SignedById, m.SignedAt));
        Assert.Equal("measure.opinion_after_signing", m.GiveOpinion("改回销售部", Sales, Vp, At(day)).Errors.Single().Code);
    }

    [Fact]
    public void CAPA3_the_plan_is_due_three_working_days_after_signing_across_a_weekend()
    {
        // Signed Thursday 5 November 2026: Friday, Monday, Tuesday → due Tuesday 10 November.
        var m = Signed(new DateOnly(2026, 11, 5));
        Assert.Equal(new DateOnly(2026, 11, 10), m.PlanDueOn);
    }

    [Fact]
    public void CAPA3_the_plan_is_due_three_working_days_after_signing_across_the_national_day_holiday()
    {
        // Signed Tuesday 29 September: Wednesday 30 September, then 1–7 October off, Thursday 8 and Friday 9 October.
        var m = Signed(new DateOnly(2026, 9, 29));
        Assert.Equal(new DateOnly(2026, 10, 9), m.PlanDueOn);
        // Signed Friday 9 October: Saturday 10 October is a 调休 working day, then Monday 12 and Tuesday 13.
        Assert.Equal(new DateOnly(2026, 10, 13), Signed(new DateOnly(2026, 10, 9)).PlanDueOn);
    }

    [Fact]
    public void CAPA3_a_late_plan_is_flagged_once_and_marked_late_when_it_comes()
    {
        var signedOn = new DateOnly(2026, 11, 5);
        var m = Signed(signedOn);
        Assert.False(m.PlanOverdue(new DateOnly(2026, 11, 10)));
        Assert.False(m.FlagLatePlan(At(new DateOnly(2026, 11, 10)), new DateOnly(2026, 11, 10)));
        var late = new DateOnly(2026, 11, 11);
        Assert.True(m.PlanOverdue(late));
        Assert.True(m.IsOverdue(late));
        Assert.True(m.FlagLatePlan(At(late), late));
        Assert.False(m.FlagLatePlan(At(late, 16), late));
        Assert.True(m.Analyse(["原因"], CauseCategory.Method, "建议", Manager, At(late)).Succeeded);
        Assert.True(m.Plan([new PlannedAction("整改", "manager", late.AddDays(7))], late.AddDays(7), Manager, At(late), late).Succeeded);
        Assert.True(m.PlanLate);
        Assert.True(m.Penalisable(late));
    }

    [Fact]
    public void CAPA3_a_plan_checks_each_action_and_its_day()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Signed(day);
        Assert.True(m.Analyse(["原因"], CauseCategory.Method, "建议", Manager, At(day)).Succeeded);
        var bad = m.Plan([null, new PlannedAction(" ", "", day.AddDays(-1)), new PlannedAction("ok", "x", day.AddDays(30))], day.AddDays(10), Manager, At(day), day);
        Assert.Equal(["actions[0]", "actions[1].title", "actions[1].ownerId", "actions[1].dueOn", "actions[2].dueOn"], bad.Errors.Select(e => e.Field));
        Assert.Equal(MeasureStatus.Signed, m.Status);
        Assert.Empty(m.Actions);
    }

    [Fact]
    public void CAPA4_an_involved_department_confirms_its_part_or_the_coordination_goes_to_the_VP()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Planned(day, day.AddDays(14));
        var parts = Guid.NewGuid();
        Assert.Equal("measure.involve_own_department", m.Involve(Sales, "x", Manager, At(day)).Errors.Single().Code);
        Assert.True(m.Involve(AfterSales, "提供保养周期讲解资料", Manager, At(day)).Succeeded);
        Assert.Equal(ErrorKind.Conflict, m.Involve(AfterSales, "again", Manager, At(day)).Kind);
        Assert.True(m.Involve(parts, "配件价格表", Manager, At(day)).Succeeded);
        Assert.True(m.ConfirmInvolvement(AfterSales, "周五前提供", Actor.Staff("as-manager"), At(day)).Succeeded);
        Assert.Equal("measure.already_confirmed", m.EscalateCoordination(AfterSales, null, Manager, At(day)).Errors.Single().Code);
        Assert.True(m.EscalateCoordination(parts, "配件部未回复", Manager, At(day)).Succeeded);
        Assert.Equal("measure.already_escalated", m.EscalateCoordination(parts, null, Actor.System(), At(day)).Errors.Single().Code);
        Assert.Contains(m.Steps, s => s.Kind == MeasureStepKind.CoordinationEscalated && s.DepartmentId == parts);
    }

    [Fact]
    public void CAPA5_a_change_of_plan_is_recorded_with_its_reason_and_keeps_what_was_done()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Planned(day, day.AddDays(14));
        var first = m.CurrentActions.First();
        Assert.True(m.CompleteAction(first.Id, "清单已发布", Actor.Staff("consultant"), At(day.AddDays(3)), day.AddDays(3)).Succeeded);
        Assert.Equal("reason", m.ChangePlan("", [], day.AddDays(20), Manager, At(day), day.AddDays(3)).Errors.Single().Field);
        Assert.True(m.ChangePlan("培训场地冲突，改为分两批", [new PlannedAction("第一批培训", "manager", day.AddDays(10)), new PlannedAction("第二批培训", "manager", day.AddDays(20))],
            day.AddDays(20), Manager, At(day.AddDays(3)), day.AddDays(3)).Succeeded);
        Assert.Equal(["编写交车讲解清单", "第一批培训", "第二批培训"], m.CurrentActions.Select(a => a.Title));
        Assert.Single(m.Actions, a => a.Superseded);
        Assert.Equal(day.AddDays(20), m.DueOn);
        var step = m.Steps[^1];
        Assert.Equal(MeasureStepKind.PlanChanged, step.Kind);
        Assert.StartsWith("培训场地冲突，改为分两批", step.Note, StringComparison.Ordinal);
        Assert.Equal(MeasureStatus.InProgress, m.Status);
    }

    [Fact]
    public void CAPA5_the_VP_corrects_an_unreasonable_deadline_and_it_is_recorded()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Planned(day, day.AddDays(60));
        Assert.Equal("measure.actions_after_deadline", m.CorrectDeadline(day.AddDays(20), "太长", Vp, At(day), day).Errors.Single().Code);
        var relaxed = Planned(day, day.AddDays(5));
        Assert.True(relaxed.CorrectDeadline(day.AddDays(30), "培训须等厂家讲师，期限不合理", Vp, At(day), day).Succeeded);
        Assert.Equal(day.AddDays(30), relaxed.DueOn);
        var step = relaxed.Steps[^1];
        Assert.Equal((MeasureStepKind.DeadlineCorrected, "vp", day.AddDays(30)), (step.Kind, step.ById, step.DueOn));
        Assert.Contains("2026-11-07 → 2026-12-02", step.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void CAPA6_all_actions_done_opens_the_acceptance_and_only_three_acceptances_close_it()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Planned(day, day.AddDays(14));
        Assert.Equal("measure.acceptance_not_open", m.Accept(AcceptanceParty.ExecutiveVp, true, null, Vp, At(day), day).Errors.Single().Code);
        foreach (var action in m.CurrentActions.ToList())
            Assert.True(m.CompleteAction(action.Id, null, Manager, At(day.AddDays(5)), day.AddDays(5)).Succeeded);
        Assert.Equal((MeasureStatus.AwaitingAcceptance, day.AddDays(5)), (m.Status, m.ActionsDoneOn));

        Assert.True(m.Accept(AcceptanceParty.ExecutiveVp, true, null, Vp, At(day.AddDays(6)), day.AddDays(6)).Succeeded);
        Assert.True(m.Accept(AcceptanceParty.CustomerService, true, "回访客户均已知晓保养周期", Cs, At(day.AddDays(6)), day.AddDays(6)).Succeeded);
        Assert.Equal("note", m.Accept(AcceptanceParty.Department, false, " ", Manager, At(day.AddDays(6)), day.AddDays(6)).Errors.Single().Field);
        Assert.True(m.Accept(AcceptanceParty.Department, false, "培训尚未覆盖新员工", Manager, At(day.AddDays(6)), day.AddDays(6)).Succeeded);
        Assert.Equal(MeasureStatus.AwaitingAcceptance, m.Status);   // two accept, one refuses: not closed

        Assert.True(m.Accept(AcceptanceParty.Department, true, "新员工已补训", Manager, At(day.AddDays(8)), day.AddDays(8)).Succeeded);
        Assert.Equal(MeasureStatus.Closed, m.Status);
        Assert.Equal(3, m.Acceptances.Count);
        Assert.Equal(ErrorKind.Conflict, m.Accept(AcceptanceParty.Department, true, null, Manager, At(day.AddDays(9)), day.AddDays(9)).Kind);
    }

    [Fact]
    public void CAPA6_at_the_deadline_the_acceptance_opens_even_with_actions_undone()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Planned(day, day.AddDays(7));
        Assert.False(m.AcceptanceOpen(day.AddDays(6)));
        Assert.True(m.AcceptanceOpen(day.AddDays(7)));
        Assert.True(m.Accept(AcceptanceParty.ExecutiveVp, false, "到期未完成培训", Vp, At(day.AddDays(7)), day.AddDays(7)).Succeeded);
    }

    [Fact]
    public void CAPA6_customer_service_and_the_VP_inspect_at_any_time_with_the_progress_seen()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Planned(day, day.AddDays(14));
        Assert.Equal("progress", m.Inspect("看了", 120, Cs, At(day)).Errors.Single().Field);
        var step = m.Inspect("清单初稿已完成，培训未开始", 40, Cs, At(day.AddDays(2))).Value!;
        Assert.Equal((MeasureStepKind.Inspected, 40), (step.Kind, step.Progress));
    }

    [Fact]
    public void CAPA6_the_VP_reopens_the_root_cause_work_and_a_new_round_needs_a_new_analysis()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Planned(day, day.AddDays(14));
        foreach (var action in m.CurrentActions.ToList())
            Assert.True(m.CompleteAction(action.Id, null, Manager, At(day.AddDays(5)), day.AddDays(5)).Succeeded);
        Assert.True(m.Accept(AcceptanceParty.CustomerService, false, "回访分数没有变化", Cs, At(day.AddDays(6)), day.AddDays(6)).Succeeded);
        Assert.True(m.Reopen("效果未验证：交车满意度没有提高", Vp, At(day.AddDays(7))).Succeeded);
        Assert.Equal((MeasureStatus.Reopened, 2), (m.Status, m.Round));
        Assert.Null(m.AcceptanceOf(AcceptanceParty.CustomerService));
        Assert.Empty(m.CurrentActions);
        var replan = m.Plan([new PlannedAction("交车后 3 天电话确认", "manager", day.AddDays(20))], day.AddDays(20), Manager, At(day.AddDays(7)), day.AddDays(7));
        Assert.Equal("measure.analyse_again_first", replan.Errors.Single().Code);
        Assert.True(m.Analyse(["讲解了但客户记不住"], CauseCategory.Method, "交车后电话确认", Manager, At(day.AddDays(7))).Succeeded);
        Assert.True(m.Plan([new PlannedAction("交车后 3 天电话确认", "manager", day.AddDays(20))], day.AddDays(20), Manager, At(day.AddDays(7)), day.AddDays(7)).Succeeded);
        Assert.Equal(MeasureStatus.Planned, m.Status);
        Assert.Equal(3, m.Actions.Count);
    }

    [Fact]
    public void CAPA7_a_missed_deadline_allows_a_penalty_proposal_and_an_on_time_measure_does_not()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Planned(day, day.AddDays(7));
        Assert.False(m.Penalisable(day.AddDays(7)));
        Assert.Equal("measure.not_penalisable", m.ProposePenalty("manager", Sales, "奖惩制度第 12 条", null, Vp, At(day), day.AddDays(7)).Errors.Single().Code);
        var late = day.AddDays(8);
        Assert.True(m.MissedDeadline(late));
        Assert.True(m.IsOverdue(late));
        Assert.Equal("rule", m.ProposePenalty("manager", Sales, " ", null, Vp, At(late), late).Errors.Single().Field);
        var penalty = m.ProposePenalty("manager", Sales, "奖惩制度第 12 条：未按期整改", "扣减当月绩效 5%", Vp, At(late), late).Value!;
        Assert.Equal(("manager", Sales, "奖惩制度第 12 条：未按期整改"), (penalty.StaffId, penalty.DepartmentId, penalty.Rule));
        Assert.Contains(m.Steps, s => s.Kind == MeasureStepKind.PenaltyProposed);
    }

    [Fact]
    public void CAPA7_a_measure_done_after_its_deadline_stays_late()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Planned(day, day.AddDays(7));
        foreach (var action in m.CurrentActions.ToList())
            Assert.True(m.CompleteAction(action.Id, null, Manager, At(day.AddDays(9)), day.AddDays(9)).Succeeded);
        Assert.True(m.MissedDeadline(day.AddDays(30)));
        Assert.False(m.IsOverdue(day.AddDays(30)));
    }

    [Fact]
    public void CAPA7_a_result_not_accepted_allows_a_penalty_proposal()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Planned(day, day.AddDays(14));
        foreach (var action in m.CurrentActions.ToList())
            Assert.True(m.CompleteAction(action.Id, null, Manager, At(day.AddDays(3)), day.AddDays(3)).Succeeded);
        Assert.False(m.Penalisable(day.AddDays(4)));
        Assert.True(m.Accept(AcceptanceParty.ExecutiveVp, false, "整改无明显效果", Vp, At(day.AddDays(4)), day.AddDays(4)).Succeeded);
        Assert.True(m.Penalisable(day.AddDays(4)));
    }

    [Fact]
    public void CAPA_roles_sign_for_their_own_party_and_see_only_their_measures()
    {
        var day = new DateOnly(2026, 11, 2);
        var m = Planned(day, day.AddDays(14));
        var vp = new Viewer("vp", Guid.NewGuid(), new HashSet<Role> { Role.ExecutiveVp });
        var cs = new Viewer("cs", Guid.NewGuid(), new HashSet<Role> { Role.CustomerServiceManager });
        var manager = new Viewer("manager", Sales, new HashSet<Role> { Role.DepartmentManager });
        var otherManager = new Viewer("other", AfterSales, new HashSet<Role> { Role.DepartmentManager });
        var consultant = new Viewer("consultant", Sales, new HashSet<Role> { Role.SalesConsultant });
        var colleague = new Viewer("colleague", Sales, new HashSet<Role> { Role.SalesConsultant });
        Assert.Equal(AcceptanceParty.ExecutiveVp, MeasureAccess.PartyFor(vp, m));
        Assert.Equal(AcceptanceParty.CustomerService, MeasureAccess.PartyFor(cs, m));
        Assert.Equal(AcceptanceParty.Department, MeasureAccess.PartyFor(manager, m));
        Assert.Null(MeasureAccess.PartyFor(otherManager, m));
        Assert.True(MeasureAccess.CanSee(consultant, m));   // owns an action
        Assert.False(MeasureAccess.CanSee(colleague, m));
        Assert.False(MeasureAccess.CanSee(otherManager, m));
        Assert.True(m.Involve(AfterSales, "资料", Manager, At(day)).Succeeded);
        Assert.True(MeasureAccess.CanSee(otherManager, m));
        Assert.False(MeasureAccess.CanRaise(manager));
    }

    [Fact]
    public void CAPA_the_monthly_report_covers_every_department_for_leadership_and_customer_service_and_a_manager_his_own()
    {
        var gm = new Viewer("gm", Guid.NewGuid(), new HashSet<Role> { Role.GeneralManager });
        var cs = new Viewer("cs", Guid.NewGuid(), new HashSet<Role> { Role.CustomerServiceManager });
        var manager = new Viewer("manager", Sales, new HashSet<Role> { Role.DepartmentManager });
        var consultant = new Viewer("consultant", Sales, new HashSet<Role> { Role.SalesConsultant });
        var duty = new Viewer("duty", Guid.NewGuid(), new HashSet<Role> { Role.DutyManager });

        Assert.True(MeasureAccess.ReadsReport(gm) && MeasureAccess.ReadsReport(cs) && MeasureAccess.ReadsReport(manager));
        Assert.False(MeasureAccess.ReadsReport(consultant) || MeasureAccess.ReadsReport(duty));
        Assert.Null(MeasureAccess.ReportDepartment(gm));
        Assert.Null(MeasureAccess.ReportDepartment(cs));
        Assert.Equal(Sales, MeasureAccess.ReportDepartment(manager));
    }
}
