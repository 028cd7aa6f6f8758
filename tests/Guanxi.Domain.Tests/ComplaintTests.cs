using Guanxi.Domain.Accounts;
using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;

namespace Guanxi.Domain.Tests;

/// <summary>SVC-2, SVC-8, SVC-11: a complaint's handling, its times on the working calendar, its warnings and escalations, who sees it.</summary>
public sealed class ComplaintTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>
    /// 2026 as the State Council's notice of 4 November 2025 (国办发明电〔2025〕…, 国务院办公厅关于2026年部分节假日安排的通知) has it:
    /// 元旦 1–3 January (4 January worked), 春节 15–23 February (14 and 28 February worked), 清明 4–6 April, 劳动节 1–5 May
    /// (9 May worked), 端午 19–21 June, 中秋 25–27 September, 国庆 1–7 October (Sunday 20 September and Saturday 10 October worked).
    /// </summary>
    private static readonly WorkCalendar Calendar2026 = new(WorkCalendar.DefaultWorkdays, WorkCalendar.DefaultPeriods,
        [.. Days(1, 1, 3), .. Days(2, 15, 23), .. Days(4, 4, 6), .. Days(5, 1, 5), .. Days(6, 19, 21), .. Days(9, 25, 27), .. Days(10, 1, 7)],
        [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10)], Shanghai);

    private static readonly SlaRules Sla = new(Calendar2026, ComplaintPolicy.Default);
    private static readonly Actor Advisor = new("advisor-1");
    private static readonly Actor Manager = new("manager-1");

    private static IEnumerable<DateOnly> Days(int month, int first, int last) => Enumerable.Range(first, last - first + 1).Select(d => new DateOnly(2026, month, d));

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static ServiceStandard Standard(Tier tier) => ServiceStandard.Defaults.Single(s => s.Tier == tier);

    private static Complaint Receive(Tier tier, ComplaintSeverity severity, DateTimeOffset at, SlaRules? sla = null)
    {
        var intake = new ComplaintIntake(Guid.NewGuid(), Guid.NewGuid(), "consultant-1", null, tier, ContactChannel.Phone, "repairQuality", severity, Touchpoint.AfterSale, "保养后发动机异响", null);
        var received = Complaint.Receive(intake, ComplaintCategory.Defaults, Standard(tier), sla ?? Sla, Advisor, at);
        Assert.True(received.Succeeded);
        return received.Value!;
    }

    [Fact]
    public void SVC2_a_complaint_received_on_Friday_16_00_before_a_public_holiday_is_due_on_the_right_working_day_and_hour()
    {
        // Friday 3 April, before 清明 (4–6 April): an important customer, 4 and 48 working hours. 1.5 h that Friday, then Tuesday 7 April.
        var qingming = Receive(Tier.Important, ComplaintSeverity.Medium, At(4, 3, 16));
        Assert.Equal(At(4, 7, 11), qingming.ResponseDueAt);
        Assert.Equal(At(4, 15, 10), qingming.ResolutionDueAt);

        // Friday 18 September: Saturday is off, Sunday 20 September is a 调休 working day. A VIP: 2 and 24 working hours.
        var beforeMakeUpSunday = Receive(Tier.Vip, ComplaintSeverity.Medium, At(9, 18, 16));
        Assert.Equal(At(9, 20, 9), beforeMakeUpSunday.ResponseDueAt);
        Assert.Equal(At(9, 22, 17, 30), beforeMakeUpSunday.ResolutionDueAt);

        // Friday 9 October, after 国庆: Saturday 10 October (调休) counts, Sunday does not. Critical: a quarter of 4 and 48 hours.
        var critical = Receive(Tier.Important, ComplaintSeverity.Critical, At(10, 9, 16));
        Assert.Equal(At(10, 9, 17), critical.ResponseDueAt);
        Assert.Equal(At(10, 12, 11, 30), critical.ResolutionDueAt);

        // Wednesday 30 September, the eve of 国庆 (1–7 October off): answered on Thursday 8 October, resolved by the 调休 Saturday's end.
        var national = Receive(Tier.Vip, ComplaintSeverity.Medium, At(9, 30, 16));
        Assert.Equal(At(10, 8, 9), national.ResponseDueAt);
        Assert.Equal(At(10, 10, 17, 30), national.ResolutionDueAt);
    }

    [Fact]
    public void SVC2_severity_shortens_the_tiers_times_by_its_factor()
    {
        var policy = ComplaintPolicy.Default;
        Assert.Equal(TimeSpan.FromHours(24), policy.Target(24, ComplaintSeverity.Low));
        Assert.Equal(TimeSpan.FromHours(24), policy.Target(24, ComplaintSeverity.Medium));
        Assert.Equal(TimeSpan.FromHours(12), policy.Target(24, ComplaintSeverity.High));
        Assert.Equal(TimeSpan.FromHours(6), policy.Target(24, ComplaintSeverity.Critical));
        Assert.NotEmpty((policy with { Critical = 0 }).Validate());
        Assert.NotEmpty((policy with { WarnAt = 1.5 }).Validate());
        Assert.Empty(policy.Validate());
    }

    [Fact]
    public void SVC2_a_paused_complaint_clock_does_not_move()
    {
        // Monday 14 September 09:00, an ordinary customer: 24 and 72 working hours. On hold at 10:00 after one hour.
        var complaint = Receive(Tier.Ordinary, ComplaintSeverity.Medium, At(9, 14, 9));
        Assert.True(complaint.Hold("等客户提供维修单据", Advisor, At(9, 14, 10), Sla).Succeeded);
        Assert.Equal(ComplaintStatus.OnHold, complaint.Status);
        Assert.Equal(At(9, 14, 10), complaint.HeldSince);
        var left = complaint.Left(Calendar2026, At(9, 14, 10));
        Assert.Equal(TimeSpan.FromHours(23), left);
        foreach (var later in new[] { At(9, 14, 17), At(9, 15, 12), At(9, 17, 8) })
        {
            Assert.Equal(left, complaint.Left(Calendar2026, later));
            Assert.Equal(TimeSpan.FromHours(1), complaint.ResponseUsedAt(Calendar2026, later));
            Assert.Empty(complaint.Check(Sla, later));   // nothing fires while paused
            Assert.Null(complaint.NextAlertAt);
        }
        Assert.Equal(TimeSpan.FromHours(6 + 7.5), complaint.PausedAt(Calendar2026, At(9, 15, 17, 30)));   // the pause is visible, in working time

        // Resumed Thursday 17 September 09:00: what remained (23 h and 71 h) is counted from then.
        Assert.True(complaint.Resume(Advisor, At(9, 17, 9), Sla).Succeeded);
        Assert.Equal(ComplaintStatus.New, complaint.Status);
        Assert.Null(complaint.HeldSince);
        Assert.Equal(TimeSpan.FromHours(6 + 7.5 + 7.5 + 0.5), complaint.PausedTotal);
        Assert.Equal(Calendar2026.AddWorkingTime(At(9, 17, 9), TimeSpan.FromHours(23)), complaint.ResponseDueAt);
        Assert.Equal(Calendar2026.AddWorkingTime(At(9, 17, 9), TimeSpan.FromHours(71)), complaint.ResolutionDueAt);
        Assert.Equal(TimeSpan.FromHours(2), complaint.ResponseUsedAt(Calendar2026, At(9, 17, 10)));
    }

    [Fact]
    public void SVC2_the_warning_and_each_escalation_level_fire_once_at_the_right_time()
    {
        // A VIP on Monday 14 September 09:00: 2 working hours to respond. Warning at 75% (10:30), level 1 at 100% (11:00),
        // then one level per further 50%: level 2 at 12:00, level 3 at 14:30 (after the lunch break), level 4 at 15:30.
        var complaint = Receive(Tier.Vip, ComplaintSeverity.Medium, At(9, 14, 9));
        Assert.Equal(At(9, 14, 10, 30), complaint.NextAlertAt);
        var expected = new (DateTimeOffset At, ComplaintStepKind Kind, int? Level)[]
        {
            (At(9, 14, 10, 30), ComplaintStepKind.Warned, null),
            (At(9, 14, 11), ComplaintStepKind.Escalated, 1),
            (At(9, 14, 12), ComplaintStepKind.Escalated, 2),
            (At(9, 14, 14, 30), ComplaintStepKind.Escalated, 3),
            (At(9, 14, 15, 30), ComplaintStepKind.Escalated, 4),
        };
        foreach (var (at, kind, level) in expected)
        {
            Assert.Equal(at, complaint.NextAlertAt);
            Assert.Empty(complaint.Check(Sla, at.AddMinutes(-1)));   // not a minute early
            var fired = Assert.Single(complaint.Check(Sla, at));
            Assert.Equal((kind, level, SlaTarget.Response), (fired.Kind, fired.Level, fired.Target));
            Assert.Empty(complaint.Check(Sla, at));                  // and once
            Assert.Empty(complaint.Check(Sla, at.AddMinutes(1)));
        }
        Assert.Equal(4, complaint.EscalationLevel);
        // The resolution's warning still comes at 75% of its 24 hours; no level fires twice.
        var resolutionWarning = Calendar2026.AddWorkingTime(At(9, 14, 9), TimeSpan.FromHours(18));
        Assert.Equal(resolutionWarning, complaint.NextAlertAt);
        var last = Assert.Single(complaint.Check(Sla, resolutionWarning));
        Assert.Equal((ComplaintStepKind.Warned, SlaTarget.Resolution), (last.Kind, last.Target));
        Assert.Empty(complaint.Check(Sla, At(12, 31, 17)));
        Assert.Null(complaint.NextAlertAt);
        Assert.Equal(6, complaint.Steps.Count(s => s.Kind is ComplaintStepKind.Warned or ComplaintStepKind.Escalated));
        Assert.All(complaint.Steps.Where(s => s.Kind is ComplaintStepKind.Warned or ComplaintStepKind.Escalated), s => Assert.Equal(Actor.SystemId, s.ById));

        // Checked only late (the job was down): the warning and every level reached fire together, each once.
        var late = Receive(Tier.Vip, ComplaintSeverity.Medium, At(9, 14, 9));
        var all = late.Check(Sla, At(9, 14, 16));
        Assert.Equal([null, 1, 2, 3, 4], all.Select(e => e.Level));
        Assert.Empty(late.Check(Sla, At(9, 14, 16, 30)));
    }

    [Fact]
    public void SVC2_answering_stops_the_response_clock_and_resolving_stops_both()
    {
        var complaint = Receive(Tier.Vip, ComplaintSeverity.Medium, At(9, 14, 9));
        Assert.True(complaint.Assign("advisor-2", Manager, At(9, 14, 9, 10)).Succeeded);
        Assert.True(complaint.Respond("已致电客户，约明早进店检查", new Actor("advisor-2"), At(9, 14, 10), Sla).Succeeded);
        Assert.Equal((ComplaintStatus.Responded, At(9, 14, 10)), (complaint.Status, complaint.RespondedAt));
        Assert.False(complaint.ResponseMissed(Calendar2026, At(9, 14, 16)));
        Assert.Empty(complaint.Check(Sla, At(9, 14, 16)));   // the response time no longer escalates
        Assert.True(complaint.Resolve("更换了异响的皮带", null, false, Manager, At(9, 15, 9), Sla).Succeeded);
        Assert.Null(complaint.NextAlertAt);
        Assert.Empty(complaint.Check(Sla, At(12, 31, 9)));
        Assert.Equal(TimeSpan.FromHours(7 + 0.5), complaint.ResolutionUsedAt(Calendar2026, At(12, 31, 9)));
    }

    [Fact]
    public void SVC2_a_reopened_complaint_keeps_its_history_and_gets_a_new_resolution_time()
    {
        var complaint = Receive(Tier.Important, ComplaintSeverity.High, At(9, 14, 9));
        complaint.Assign("advisor-2", Manager, At(9, 14, 9, 5));
        complaint.Respond("已回电", Advisor, At(9, 14, 9, 30), Sla);
        complaint.Check(Sla, At(9, 18, 9));   // late: 30 of 24 working hours used, warned and escalated
        Assert.Equal(1, complaint.EscalationLevel);
        complaint.Resolve("退还多收的工时费", "客户认可", true, Advisor, At(9, 18, 10), Sla);
        Assert.True(complaint.Close(false, "客户仍不满意", Manager, At(9, 18, 11)).Succeeded);
        var before = complaint.Steps.Select(s => (s.Kind, s.At)).ToList();

        Assert.True(complaint.Reopen("客户再次来电投诉", Manager, At(9, 21, 9), Sla).Succeeded);
        Assert.Equal(ComplaintStatus.Assigned, complaint.Status);
        Assert.Equal(1, complaint.ReopenCount);
        Assert.Equal((null, null, null), (complaint.ResolvedAt, complaint.ClosedAt, complaint.CustomerSatisfied));
        Assert.Equal(At(9, 14, 9, 30), complaint.RespondedAt);   // the answer stays given
        Assert.Equal(before, complaint.Steps.Take(before.Count).Select(s => (s.Kind, s.At)));
        Assert.Equal(ComplaintStepKind.Reopened, complaint.Steps[^1].Kind);
        Assert.Equal(Calendar2026.AddWorkingTime(At(9, 21, 9), TimeSpan.FromHours(24)), complaint.ResolutionDueAt);   // 48 h × 0.5, from the reopening
        Assert.Equal(0, complaint.EscalationLevel);
        Assert.False(complaint.ResolutionWarned);
        Assert.Equal(Calendar2026.AddWorkingTime(At(9, 21, 9), TimeSpan.FromHours(18)), complaint.NextAlertAt);

        Assert.True(complaint.Resolve("更换零件", null, false, Advisor, At(9, 22, 9), Sla).Succeeded);
        Assert.True(complaint.NeedsImprovement);   // once asked, it stays asked
        Assert.Equal(2, complaint.Steps.Count(s => s.Kind == ComplaintStepKind.Resolved));
    }

    [Fact]
    public void SVC8_each_step_is_allowed_only_in_its_state()
    {
        var complaint = Receive(Tier.Ordinary, ComplaintSeverity.Low, At(9, 14, 9));
        Assert.Equal(ErrorKind.Conflict, complaint.Close(true, null, Manager, At(9, 14, 10)).Kind);
        Assert.Equal(ErrorKind.Conflict, complaint.Resume(Manager, At(9, 14, 10), Sla).Kind);
        Assert.Equal(ErrorKind.Conflict, complaint.Reopen("再次投诉", Manager, At(9, 14, 10), Sla).Kind);
        Assert.Equal("note", complaint.Respond(" ", Manager, At(9, 14, 10), Sla).Errors.Single().Field);
        Assert.Equal("reason", complaint.Hold(null, Manager, At(9, 14, 10), Sla).Errors.Single().Field);
        Assert.Equal("resolution", complaint.Resolve("", null, false, Manager, At(9, 14, 10), Sla).Errors.Single().Field);
        Assert.True(complaint.Resolve("已解释收费标准", null, false, Manager, At(9, 14, 10), Sla).Succeeded);
        Assert.Equal(At(9, 14, 10), complaint.RespondedAt);   // resolving answers too
        Assert.True(complaint.Close(true, "客户满意", Manager, At(9, 14, 11)).Succeeded);

        var closed = complaint.Resolve("再解决一次", null, false, Manager, At(9, 14, 12), Sla);
        Assert.Equal(ErrorKind.Conflict, closed.Kind);
        Assert.Contains("已关闭", closed.Errors.Single().Message);
        Assert.Equal(ErrorKind.Conflict, complaint.Assign("advisor-2", Manager, At(9, 14, 12)).Kind);
        Assert.Equal(ErrorKind.Conflict, complaint.Hold("等待", Manager, At(9, 14, 12), Sla).Kind);
        Assert.Equal([ComplaintAction.Reopen, ComplaintAction.CheckSatisfaction], Enum.GetValues<ComplaintAction>().Where(complaint.Allows));   // a closed complaint may still ask the customer (once)
        Assert.Equal([ComplaintStepKind.Received, ComplaintStepKind.Resolved, ComplaintStepKind.Closed], complaint.Steps.Select(s => s.Kind));   // refusals left no step
    }

    [Fact]
    public void SVC2_the_summary_and_category_are_checked_when_received()
    {
        var intake = new ComplaintIntake(Guid.NewGuid(), Guid.NewGuid(), null, null, Tier.Ordinary, ContactChannel.Email, "noSuchCategory", ComplaintSeverity.Low, Touchpoint.Sale, new string('长', 201), null);
        var refused = Complaint.Receive(intake, ComplaintCategory.Defaults, Standard(Tier.Ordinary), Sla, Advisor, At(9, 14, 9));
        Assert.Equal(["category", "summary"], refused.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void SVC2_the_category_tree_keeps_unique_codes_known_parents_and_no_cycles()
    {
        Assert.Empty(ComplaintCategory.Validate(ComplaintCategory.Defaults));
        IReadOnlyList<ComplaintCategory> tree = [.. ComplaintCategory.Defaults, new("engineNoise", "发动机异响", "productQuality"), new("engineOil", "烧机油", "engineNoise")];
        Assert.Empty(ComplaintCategory.Validate(tree));
        Assert.Equal(["engineNoise", "engineOil", "productQuality"], ComplaintCategory.WithDescendants(tree, "productQuality").Order());
        Assert.Equal(["[1].code"], ComplaintCategory.Validate([new("a", "甲"), new("a", "乙")]).Select(e => e.Field));
        Assert.Equal(["[0].parentCode"], ComplaintCategory.Validate([new("a", "甲", "missing")]).Select(e => e.Field));
        Assert.Equal(2, ComplaintCategory.Validate([new("a", "甲", "b"), new("b", "乙", "a")]).Count);
        Assert.Equal(["[0].code", "[0].name"], ComplaintCategory.Validate([new("1x", " ")]).Select(e => e.Field));
        Assert.NotEmpty(ComplaintCategory.Validate([]));
    }

    [Fact]
    public void SVC11_a_complaint_about_a_member_of_staff_is_theirs_to_see_only_once_handled_and_masked_unless_theirs()
    {
        var sales = Guid.NewGuid();
        var service = Guid.NewGuid();
        Viewer As(string id, Guid department, params Role[] roles) => new(id, department, roles.ToHashSet());
        var consultant = As("consultant-1", sales, Role.SalesConsultant);
        var colleague = As("consultant-2", sales, Role.SalesConsultant);
        var complaint = new ComplaintFacts(sales, "consultant-2", sales, "consultant-1", null, ComplaintStatus.Responded);
        Assert.False(ComplaintAccess.Sees(consultant, complaint));
        Assert.True(ComplaintAccess.Sees(colleague, complaint));
        var resolved = complaint with { Status = ComplaintStatus.Resolved };
        Assert.True(ComplaintAccess.Sees(consultant, resolved));
        Assert.Equal(CustomerSight.Masked, ComplaintAccess.CustomerShown(consultant, resolved));
        Assert.Equal(CustomerSight.Full, ComplaintAccess.CustomerShown(consultant, resolved with { CustomerOwnerId = "consultant-1" }));
        Assert.False(ComplaintAccess.Handles(consultant, resolved));

        // Leadership reads and does not act; another department's manager does not see; the complaint's department's manager handles.
        var gm = As("gm", Guid.NewGuid(), Role.GeneralManager);
        Assert.True(ComplaintAccess.Sees(gm, complaint));
        Assert.False(ComplaintAccess.Handles(gm, complaint));
        Assert.False(ComplaintAccess.Sees(As("m2", service, Role.DepartmentManager), complaint));
        Assert.True(ComplaintAccess.Handles(As("m1", sales, Role.DepartmentManager), complaint));
        // An after-sales job for a sales customer: the service department sees it (masked) and its manager handles it.
        var job = complaint with { DepartmentId = service, StaffId = "advisor-1" };
        var serviceManager = As("m2", service, Role.DepartmentManager);
        Assert.True(ComplaintAccess.Sees(serviceManager, job));
        Assert.Equal(CustomerSight.Masked, ComplaintAccess.CustomerShown(serviceManager, job));
        Assert.True(ComplaintAccess.Dispatches(serviceManager, job));
        // The assignee sees it, handles it and calls the customer.
        var assignee = As("advisor-3", service, Role.ServiceAdvisor);
        var assigned = job with { AssigneeId = "advisor-3" };
        Assert.True(ComplaintAccess.Handles(assignee, assigned));
        Assert.False(ComplaintAccess.Dispatches(assignee, assigned));
        Assert.Equal(CustomerSight.Full, ComplaintAccess.CustomerShown(assignee, assigned));
    }
}
