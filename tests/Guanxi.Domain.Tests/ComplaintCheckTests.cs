using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;
using Guanxi.Domain.Surveys;

namespace Guanxi.Domain.Tests;

/// <summary>SVC-2: a handled complaint asks its customer through the survey engine, once, and records the answer's verdict.</summary>
public sealed class ComplaintCheckTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly SlaRules Sla = new(new WorkCalendar(WorkCalendar.DefaultWorkdays, WorkCalendar.DefaultPeriods, [], [], Shanghai), ComplaintPolicy.Default);
    private static readonly Actor Manager = new("manager-1");
    private static readonly Actor Callback = new("callback-1");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly QuestionnaireVersion FollowUp = QuestionnaireVersion.Create(Guid.NewGuid(), 1, QuestionnaireKind.Custom,
    [
        new("overall", "您对本次投诉的处理结果总体是否满意（1–10 分）？", null, Dimension.Overall, AnswerScale.OneToTen),
        new(ComplaintCheck.SolvedQuestionId, "您反映的问题是否已经真正解决？", null, Dimension.Reliability, AnswerScale.YesNo),
        new("attitude", "处理人员的态度如何？", null, Dimension.Empathy, AnswerScale.OneToFive),
        new("comment", "您还有什么意见或建议？", null, Dimension.Image, AnswerScale.Text, Required: false),
    ], new DateOnly(2024, 1, 1), Now).Value!;

    private static Complaint Received()
    {
        var intake = new ComplaintIntake(Guid.NewGuid(), Guid.NewGuid(), null, null, Tier.Ordinary, ContactChannel.Phone, "repairQuality", ComplaintSeverity.Medium, Touchpoint.AfterSale, "保养后发动机异响", null);
        return Complaint.Receive(intake, ComplaintCategory.Defaults, ServiceStandard.Defaults.Single(s => s.Tier == Tier.Ordinary), Sla, Manager, Now).Value!;
    }

    private static SurveyResponse Answer(string overall, string solved, string? comment = null) =>
        SurveyResponse.Answered(Guid.NewGuid(), SurveyMethod.Phone, FollowUp,
            [new("overall", overall), new(ComplaintCheck.SolvedQuestionId, solved), new("attitude", "4"), new("comment", comment)], null, 30, Callback,
            DateOnly.FromDateTime(Now.DateTime), Now).Value!;

    [Fact]
    public void SVC2_a_complaint_asks_its_customer_only_once_handled_and_only_once()
    {
        var complaint = Received();
        var open = complaint.AskSatisfactionCheck(Guid.NewGuid(), null, Manager, Now);
        Assert.Equal(("complaint.cannot_checksatisfaction", ErrorKind.Conflict), (open.Errors.Single().Code, open.Kind));
        Assert.False(complaint.Allows(ComplaintAction.CheckSatisfaction));
        Assert.Null(complaint.CheckTaskId);

        Assert.True(complaint.Resolve("更换正时皮带", null, false, Manager, Now.AddHours(2), Sla).Succeeded);
        Assert.True(complaint.Allows(ComplaintAction.CheckSatisfaction));
        Assert.Equal("note", complaint.AskSatisfactionCheck(Guid.NewGuid(), new string('长', ComplaintStep.MaxNoteLength + 1), Manager, Now.AddHours(3)).Errors.Single().Field);
        var version = complaint.Version;
        var task = Guid.NewGuid();
        Assert.True(complaint.AskSatisfactionCheck(task, "客户白天不便接电话", Manager, Now.AddHours(3)).Succeeded);
        Assert.Equal(task, complaint.CheckTaskId);
        Assert.NotEqual(version, complaint.Version);   // an action on the complaint: a new version
        var asked = complaint.Steps[^1];
        Assert.Equal((ComplaintStepKind.CheckAsked, Manager.Id, "客户白天不便接电话"), (asked.Kind, asked.ById, asked.Note));

        var again = complaint.AskSatisfactionCheck(Guid.NewGuid(), null, Manager, Now.AddHours(4));
        Assert.Equal(("complaint.check_already_asked", ErrorKind.Conflict), (again.Errors.Single().Code, again.Kind));
        Assert.Equal(task, again.Errors.Single().Extensions!["taskId"]);
        Assert.False(complaint.Allows(ComplaintAction.CheckSatisfaction));
        Assert.Single(complaint.Steps, s => s.Kind == ComplaintStepKind.CheckAsked);
    }

    [Fact]
    public void SVC2_the_customer_is_satisfied_from_8_of_10_when_the_problem_is_really_solved()
    {
        Assert.True(ComplaintCheck.Verdict(Answer("9", "是")));
        Assert.True(ComplaintCheck.Verdict(Answer("8", "yes")));
        Assert.False(ComplaintCheck.Verdict(Answer("7", "是")));          // 67 of 100: below the engine's threshold of 75
        Assert.False(ComplaintCheck.Verdict(Answer("10", "否")));         // a top score, but the problem is not solved
        Assert.Equal(false, ComplaintCheck.Solved(Answer("10", "no").Answers));
        var unreachable = SurveyResponse.Invalid(Guid.NewGuid(), SurveyMethod.Phone, SurveyOutcome.Unreachable, "三次拨打无人接听", Callback, DateOnly.FromDateTime(Now.DateTime), Now).Value!;
        Assert.Null(ComplaintCheck.Verdict(unreachable));
    }

    [Fact]
    public void SVC2_an_unsatisfied_answer_is_a_step_and_the_complaint_stays_resolved_for_its_handlers_to_decide()
    {
        var complaint = Received();
        complaint.Resolve("更换正时皮带", null, false, Manager, Now.AddHours(2), Sla);
        var task = Guid.NewGuid();
        complaint.AskSatisfactionCheck(task, null, Manager, Now.AddHours(3));
        complaint.TakeNewSteps();
        var version = complaint.Version;

        var answer = Answer("3", "否", "异响还在");
        complaint.RecordSatisfactionCheck(task, ComplaintCheck.Verdict(answer), answer.Comment, Callback, Now.AddDays(1));
        var step = Assert.Single(complaint.TakeNewSteps());
        Assert.Equal((ComplaintStepKind.Checked, false, "异响还在", Callback.Id), (step.Kind, step.Satisfied, step.Note, step.ById));
        Assert.Equal((ComplaintStatus.Resolved, false, version), (complaint.Status, complaint.CheckSatisfied, complaint.Version));   // not reopened by itself; a derived write

        complaint.RecordSatisfactionCheck(task, true, null, Callback, Now.AddDays(2));   // a later answer within the window supersedes it
        Assert.True(complaint.CheckSatisfied);
        Assert.Throws<ArgumentException>(() => complaint.RecordSatisfactionCheck(Guid.NewGuid(), true, null, Callback, Now.AddDays(2)));
    }

    [Fact]
    public void SVC2_the_complaint_checks_program_is_never_drawn_and_its_task_is_due_on_its_last_working_day()
    {
        var program = SurveyProgram.Define(new ProgramDefinition("投诉解决后满意度回访", ProgramPopulation.ResolvedComplaints, 1, null, ProgramCadence.Monthly, 3, Guid.NewGuid(), ProgramMethod.Phone), Now).Value!;
        Assert.True(program.OnRequest);
        Assert.False(program.DueOn(new DateOnly(2026, 11, 23)));
        var holiday = new DateOnly(2026, 10, 1);
        bool IsWorkday(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d != holiday;
        Assert.Equal(new SurveyWindow(new(2026, 11, 20), new(2026, 11, 24)), program.WindowOnRequest(new DateOnly(2026, 11, 20), IsWorkday));   // Friday: Friday, Monday, Tuesday
        Assert.Equal(new SurveyWindow(new(2026, 11, 21), new(2026, 11, 25)), program.WindowOnRequest(new DateOnly(2026, 11, 21), IsWorkday));   // a Saturday does not count
        Assert.Equal(new SurveyWindow(new(2026, 9, 30), new(2026, 10, 5)), program.WindowOnRequest(new DateOnly(2026, 9, 30), IsWorkday));      // nor a holiday

        var task = SurveyTask.OnRequest(program, Guid.NewGuid(), Guid.NewGuid(), "advisor-1", new DateOnly(2026, 11, 20), program.WindowOnRequest(new DateOnly(2026, 11, 20), IsWorkday), Now);
        Assert.Equal((SurveyKind.Program, program.Id, (Guid?)null, SurveyOutcome.Pending), (task.Kind, task.ProgramId, task.OrderId, task.Outcome));
        var drawn = SurveyProgram.Define(new ProgramDefinition("客户随机抽样调查", ProgramPopulation.AllCustomers, null, 30, ProgramCadence.Monthly, 14, Guid.NewGuid(), ProgramMethod.Phone), Now).Value!;
        Assert.Throws<ArgumentException>(() => SurveyTask.OnRequest(drawn, Guid.NewGuid(), Guid.NewGuid(), null, new DateOnly(2026, 11, 20), new SurveyWindow(new(2026, 11, 20), new(2026, 11, 24)), Now));
    }
}
