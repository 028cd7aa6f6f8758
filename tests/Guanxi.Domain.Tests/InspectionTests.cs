using Guanxi.Domain.Accounts;
using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Inspections;

namespace Guanxi.Domain.Tests;

/// <summary>CAPA-8: inspection plans, their schedule on the working calendar, carrying an inspection out, findings followed to closure, who sees what.</summary>
public sealed class InspectionTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The week only: no holidays.</summary>
    private static readonly WorkCalendar Plain = new(WorkCalendar.DefaultWorkdays, WorkCalendar.DefaultPeriods, [], [], Shanghai);

    /// <summary>国庆 2026: 1–7 October off, Saturday 10 October worked.</summary>
    private static readonly WorkCalendar NationalDay = new(WorkCalendar.DefaultWorkdays, WorkCalendar.DefaultPeriods,
        [.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))], [new DateOnly(2026, 10, 10)], Shanghai);

    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2027, 3, 1);
    private static readonly Actor Vp = new("vp");
    private static readonly Actor Inspector = new("inspector");

    private static PlanContent Content(int? perMonth = 2, params string[] items) =>
        new(Sales, "销售顾问", perMonth, [.. (items.Length == 0 ? ["服务礼仪", "着装", "话术", "流程", "环境"] : items).Select(n => new ChecklistLine(null, n))], Inspector.Id);

    private static InspectionPlan Plan(int? perMonth = 2, DateOnly? today = null)
    {
        var made = InspectionPlan.Create(Content(perMonth), Vp, Now, today ?? Today);
        Assert.True(made.Succeeded, string.Join("; ", made.Errors.Select(e => e.Message)));
        return made.Value!;
    }

    private static Inspection Scheduled(InspectionPlan plan) => Inspection.Schedule(plan, Today, 1, new DateOnly(2027, 3, 8), Now);

    private static List<ResultLine> AllPass(Inspection inspection) => [.. inspection.Checklist.Select(i => new ResultLine(i.Id, ItemOutcome.Pass, null))];

    private static Viewer Viewer(string id, Guid department, params Role[] roles) => new(id, department, roles.ToHashSet());

    [Fact]
    public void CAPA8_twice_a_month_schedules_two_inspections_spread_over_the_month()
    {
        // March 2027 has 23 working days (Monday 1st to Wednesday 31st): the 6th and the 18th of them.
        Assert.Equal([new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 24)], InspectionSchedule.Days(2, new DateOnly(2027, 3, 17), Plain));
        // October 2026 after 国庆: 18 working days from Thursday 8th, Saturday 10th (调休) among them; no holiday, no Sunday.
        var october = InspectionSchedule.Days(2, new DateOnly(2026, 10, 1), NationalDay);
        Assert.Equal([new DateOnly(2026, 10, 13), new DateOnly(2026, 10, 26)], october);
        Assert.All(october, d => Assert.True(NationalDay.IsWorkday(d)));
        // Eight a month: eight different working days, in order, across the whole month.
        var eight = InspectionSchedule.Days(8, new DateOnly(2027, 3, 1), Plain);
        Assert.Equal(8, eight.Distinct().Count());
        Assert.Equal(eight.Order(), eight);
        Assert.True(eight[0].Day <= 4 && eight[^1].Day >= 26);
        Assert.Equal([new DateOnly(2027, 3, 16)], InspectionSchedule.Days(1, new DateOnly(2027, 3, 1), Plain));   // once: the middle of the month
    }

    [Fact]
    public void CAPA8_a_plan_owes_no_inspection_for_the_days_before_it_was_made()
    {
        var plan = Plan(2, new DateOnly(2027, 3, 15));
        Assert.Equal([(2, new DateOnly(2027, 3, 24))], plan.Owed(new DateOnly(2027, 3, 1), Plain));
        Assert.Equal(2, plan.Owed(new DateOnly(2027, 4, 1), Plain).Count);
    }

    [Fact]
    public void CAPA8_a_plan_is_refused_per_field_when_its_content_breaks_a_rule()
    {
        static string[] Fields(PlanContent content) => [.. InspectionPlan.Check(content, []).Select(e => e.Field ?? "")];
        Assert.Empty(Fields(Content()));
        Assert.Equal(2, Plan(null).PerMonth);   // twice a month unless told
        Assert.Contains("perMonth", Fields(Content(0)));
        Assert.Contains("perMonth", Fields(Content(9)));
        Assert.Contains("items", Fields(Content() with { Items = [] }));
        Assert.Contains("items", Fields(Content() with { Items = [.. Enumerable.Range(1, 51).Select(i => new ChecklistLine(null, $"项目{i}"))] }));
        Assert.Equal(["items[1].name"], Fields(Content(2, "着装", " 着装 ")));
        Assert.Equal(["items[0].name"], Fields(Content(2, new string('长', 51))));
        Assert.Equal(["items[0].id"], Fields(Content() with { Items = [new ChecklistLine(Guid.NewGuid(), "着装")] }));
        Assert.Equal(["departmentId", "post", "inspectorId"], Fields(new PlanContent(null, new string('岗', 51), 2, [new(null, "着装")], " ")));
    }

    [Fact]
    public void CAPA8_a_renamed_item_keeps_its_id_and_a_removed_one_leaves_the_plan()
    {
        var plan = Plan();
        var (etiquette, dress) = (plan.Items[0], plan.Items[1]);
        var version = plan.Version;
        Assert.True(plan.Change(new PlanContent(Sales, "销售顾问", 2, [new(dress.Id, "仪容仪表"), new(null, "展厅卫生")], Inspector.Id), Vp, Now, Today).Succeeded);
        Assert.Equal([(dress.Id, "仪容仪表")], plan.Items.Take(1).Select(i => (i.Id, i.Name)));
        Assert.Null(plan.Item(etiquette.Id));
        Assert.NotEqual(version, plan.Version);
        Assert.Equal(2, plan.Items.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void CAPA8_an_inspection_takes_its_plans_changes_until_it_is_carried_out()
    {
        var plan = Plan();
        var (open, done) = (Scheduled(plan), Scheduled(plan));
        Assert.True(done.Record(AllPass(done), Inspector, Now).Succeeded);
        plan.Change(Content() with { Items = [new(plan.Items[0].Id, "礼仪"), new(null, "环境卫生")], InspectorId = "inspector-2" }, Vp, Now, Today);
        Assert.True(open.Follow(plan));
        Assert.False(done.Follow(plan));
        Assert.Equal("inspector-2", open.InspectorId);
        Assert.Equal(["礼仪", "环境卫生"], open.Checklist.Select(i => i.Name));
        Assert.Equal(5, done.Checklist.Count);
        Assert.Equal("inspector", done.InspectorId);
    }

    [Fact]
    public void CAPA8_a_failed_item_without_a_note_is_refused()
    {
        var inspection = Scheduled(Plan());
        var lines = AllPass(inspection);
        lines[1] = lines[1] with { Result = ItemOutcome.Fail, Note = "  " };
        var refused = inspection.Record(lines, Inspector, Now);
        Assert.Equal(["items[1].note"], refused.Errors.Select(e => e.Field ?? ""));
        Assert.Equal(ErrorKind.Validation, refused.Kind);
        Assert.False(inspection.IsDone);
        Assert.Empty(inspection.Results);
    }

    [Fact]
    public void CAPA8_every_item_of_the_checklist_is_given_exactly_once()
    {
        var inspection = Scheduled(Plan());
        var lines = AllPass(inspection);
        string[] Fields(List<ResultLine> given) => [.. inspection.Record(given, Inspector, Now).Errors.Select(e => e.Field ?? "")];
        Assert.Equal(["items"], Fields(lines[1..]));                                                   // one missing
        Assert.Equal(["items[5].itemId"], Fields([.. lines, lines[0]]));                               // one twice
        Assert.Equal(["items[5].itemId"], Fields([.. lines, new ResultLine(Guid.NewGuid(), ItemOutcome.Pass, null)]));   // not on the checklist
        Assert.Equal(["items[0].result"], Fields([lines[0] with { Result = null }, .. lines[1..]]));
        Assert.Equal(["items[0].note"], Fields([lines[0] with { Note = new string('长', 501) }, .. lines[1..]]));
        Assert.Contains("着装", inspection.Record(lines[..1], Inspector, Now).Errors.Single().Message);
        Assert.False(inspection.IsDone);
    }

    [Fact]
    public void CAPA8_each_failed_item_raises_a_finding_and_the_results_are_given_once()
    {
        var inspection = Scheduled(Plan());
        var lines = AllPass(inspection);
        lines[2] = lines[2] with { Result = ItemOutcome.Fail, Note = "未使用标准话术" };
        lines[4] = lines[4] with { Result = ItemOutcome.Fail, Note = "展厅地面有污渍" };
        var findings = inspection.Record(lines, Inspector, Now).Value!;
        Assert.Equal(["话术", "环境"], findings.Select(f => f.ItemName));
        Assert.All(findings, f => Assert.Equal((FindingStatus.Open, Sales, "inspector", inspection.Id), (f.Status, f.DepartmentId, f.InspectorId, f.InspectionId)));
        Assert.Equal("未使用标准话术", findings[0].Note);
        Assert.Equal((3, 2), (inspection.PassedCount, inspection.FailedCount));
        Assert.Equal(["服务礼仪", "着装", "话术", "流程", "环境"], inspection.Results.Select(r => r.Name));
        Assert.Equal((Now.ToUniversalTime(), "inspector"), (inspection.DoneAt, inspection.DoneById));

        var again = inspection.Record(AllPass(inspection), Inspector, Now);
        Assert.Equal(ErrorKind.Conflict, again.Kind);
        Assert.Equal(5, inspection.Results.Count);
    }

    [Fact]
    public void CAPA8_an_inspection_is_overdue_when_its_day_passed_undone()
    {
        var inspection = Scheduled(Plan());
        Assert.False(inspection.IsOverdue(new DateOnly(2027, 3, 8)));
        Assert.True(inspection.IsOverdue(new DateOnly(2027, 3, 9)));
        inspection.Record(AllPass(inspection), Inspector, Now);
        Assert.False(inspection.IsOverdue(new DateOnly(2027, 3, 9)));
    }

    private static Finding Failed()
    {
        var inspection = Scheduled(Plan());
        var lines = AllPass(inspection);
        lines[0] = lines[0] with { Result = ItemOutcome.Fail, Note = "接待时未起身问候" };
        return inspection.Record(lines, Inspector, Now).Value!.Single();
    }

    [Fact]
    public void CAPA8_a_finding_closes_only_after_its_recheck()
    {
        var finding = Failed();
        Assert.Equal(ErrorKind.Conflict, finding.Recheck(true, null, Inspector, Now).Kind);     // nothing fixed yet
        Assert.Equal(ErrorKind.Conflict, finding.Fix("已培训", new Actor("owner"), Now).Kind);  // no owner yet
        Assert.True(finding.AssignOwner("owner", Today.AddDays(7), new Actor("manager"), Now, Today).Succeeded);
        Assert.True(finding.Fix("已组织全员礼仪培训", new Actor("owner"), Now).Succeeded);
        Assert.Equal(FindingStatus.Fixed, finding.Status);

        Assert.Equal(["note"], finding.Recheck(false, " ", Inspector, Now).Errors.Select(e => e.Field ?? ""));
        Assert.Equal(["passed"], finding.Recheck(null, "看过了", Inspector, Now).Errors.Select(e => e.Field ?? ""));
        Assert.True(finding.Recheck(false, "复查时仍有人未起身", Inspector, Now).Succeeded);
        Assert.Equal((FindingStatus.Open, null, 1), (finding.Status, finding.ClosedAt, finding.RecheckCount));

        Assert.True(finding.Fix("逐一考核过关", new Actor("owner"), Now).Succeeded);
        Assert.True(finding.Recheck(true, null, Inspector, Now.AddDays(1)).Succeeded);
        Assert.Equal(FindingStatus.Closed, finding.Status);
        Assert.Equal(Now.AddDays(1).ToUniversalTime(), finding.ClosedAt);
        Assert.Equal([FindingStepKind.Raised, FindingStepKind.OwnerAssigned, FindingStepKind.Fixed, FindingStepKind.RecheckFailed, FindingStepKind.Fixed, FindingStepKind.RecheckPassed],
            finding.Steps.Select(s => s.Kind));
        Assert.Equal("复查时仍有人未起身", finding.Steps[3].Note);
        Assert.Equal(ErrorKind.Conflict, finding.Fix("再改", new Actor("owner"), Now).Kind);
        Assert.Equal(ErrorKind.Conflict, finding.AssignOwner("owner", Today, new Actor("manager"), Now, Today).Kind);
    }

    [Fact]
    public void CAPA8_a_finding_needs_a_deadline_from_today_within_a_year_and_is_overdue_while_open_after_it()
    {
        var finding = Failed();
        Assert.Equal(["dueOn"], finding.AssignOwner("owner", null, Vp, Now, Today).Errors.Select(e => e.Field ?? ""));
        Assert.Equal(["dueOn"], finding.AssignOwner("owner", Today.AddDays(-1), Vp, Now, Today).Errors.Select(e => e.Field ?? ""));
        Assert.Equal(["dueOn"], finding.AssignOwner("owner", Today.AddDays(367), Vp, Now, Today).Errors.Select(e => e.Field ?? ""));
        Assert.Null(finding.OwnerId);
        finding.AssignOwner("owner", Today.AddDays(3), Vp, Now, Today);
        Assert.False(finding.IsOverdue(Today.AddDays(3)));
        Assert.True(finding.IsOverdue(Today.AddDays(4)));
        finding.Fix("已整改", new Actor("owner"), Now);
        Assert.False(finding.IsOverdue(Today.AddDays(4)));   // waiting for its re-check, not for its owner
    }

    [Fact]
    public void CAPA8_who_sees_and_does_what()
    {
        var service = Guid.NewGuid();
        var plan = Plan();
        var inspection = Scheduled(plan);
        var finding = Failed();
        finding.AssignOwner("owner", Today.AddDays(5), Vp, Now, Today);
        var vp = Viewer("vp", Guid.NewGuid(), Role.ExecutiveVp);
        var gm = Viewer("gm", Guid.NewGuid(), Role.GeneralManager);
        var cs = Viewer("cs", Guid.NewGuid(), Role.CustomerServiceManager);
        var inspector = Viewer("inspector", Guid.NewGuid(), Role.DutyManager);
        var manager = Viewer("manager", Sales, Role.DepartmentManager);
        var otherManager = Viewer("other", service, Role.DepartmentManager);
        var owner = Viewer("owner", Sales, Role.SalesConsultant);
        var colleague = Viewer("colleague", Sales, Role.SalesConsultant);
        var admin = Viewer("admin", Sales, Role.Administrator);

        Assert.True(new[] { vp, gm, cs }.All(InspectionAccess.Plans));
        Assert.DoesNotContain(new[] { inspector, manager, owner, admin }, InspectionAccess.Plans);
        Assert.True(new[] { vp, gm, cs, inspector, manager }.All(v => InspectionAccess.Sees(v, inspection) && InspectionAccess.Sees(v, plan)));
        Assert.DoesNotContain(new[] { otherManager, owner, colleague, admin }, v => InspectionAccess.Sees(v, inspection));
        Assert.Equal([inspector], new[] { vp, gm, cs, inspector, manager }.Where(v => InspectionAccess.CarriesOut(v, inspection)));

        Assert.True(new[] { vp, gm, cs, inspector, manager, owner }.All(v => InspectionAccess.Sees(v, finding)));
        Assert.DoesNotContain(new[] { otherManager, colleague, admin }, v => InspectionAccess.Sees(v, finding));
        Assert.Equal([FindingAction.AssignOwner], InspectionAccess.Actions(manager, finding));
        Assert.Equal([FindingAction.AssignOwner], InspectionAccess.Actions(inspector, finding));
        Assert.Equal([FindingAction.Fix], InspectionAccess.Actions(owner, finding));
        Assert.Empty(InspectionAccess.Actions(vp, finding));                     // open: nothing to re-check yet
        finding.Fix("已整改", new Actor("owner"), Now);
        Assert.Equal([FindingAction.Recheck], InspectionAccess.Actions(vp, finding));
        Assert.Equal([FindingAction.Recheck], InspectionAccess.Actions(inspector, finding));
        Assert.Empty(InspectionAccess.Actions(manager, finding));
        Assert.Empty(InspectionAccess.Actions(owner, finding));
        Assert.True(InspectionAccess.OpensDesk(manager) && InspectionAccess.ReadsPassRates(otherManager));
        Assert.False(InspectionAccess.OpensDesk(owner) || InspectionAccess.OpensDesk(admin));
    }
}
