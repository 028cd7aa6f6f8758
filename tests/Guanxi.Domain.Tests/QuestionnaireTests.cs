using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;

namespace Guanxi.Domain.Tests;

/// <summary>SAT-5, 8, 9, 13: questionnaires under change control, responses, scores.</summary>
public sealed class QuestionnaireTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static readonly Question[] Questions =
    [
        new("showroom", "展厅环境是否整洁舒适？", "Was the showroom clean and comfortable?", Dimension.Tangibles, AnswerScale.OneToFive),
        new("advisor", "销售顾问是否专业？", "Was the sales consultant professional?", Dimension.Assurance, AnswerScale.OneToFive),
        new("onTime", "是否按约定时间交车？", "Was the car delivered on time?", Dimension.Reliability, AnswerScale.YesNo),
        new("overall", "总体满意度", "Overall satisfaction", Dimension.Overall, AnswerScale.OneToTen),
        new("recommend", "您向亲友推荐本店的可能性有多大？", "How likely are you to recommend us?", Dimension.Recommendation, AnswerScale.ZeroToTen),
        new("comment", "其他意见", "Other comments", Dimension.Image, AnswerScale.Text, Required: false),
    ];

    private static QuestionnaireVersion Version(DateOnly from, IReadOnlyList<Question>? questions = null) =>
        QuestionnaireVersion.Create(Guid.NewGuid(), 1, QuestionnaireKind.Sales, questions ?? Questions, from, Now).Value!;

    [Fact]
    public void SAT_13_a_questionnaire_has_one_overall_question_and_sales_ones_a_0_to_10_recommendation()
    {
        Assert.Empty(QuestionnaireVersion.Validate(QuestionnaireKind.Sales, Questions));
        Assert.Contains(QuestionnaireVersion.Validate(QuestionnaireKind.Sales, [.. Questions.Where(q => q.Dimension != Dimension.Recommendation)]), e => e == SurveyErrors.OneRecommendation);
        Assert.Contains(QuestionnaireVersion.Validate(QuestionnaireKind.AfterSales, [.. Questions, Questions[3] with { Id = "overall2" }]), e => e == SurveyErrors.OneOverall);
        var duplicate = QuestionnaireVersion.Validate(QuestionnaireKind.Sales, [.. Questions, Questions[0] with { Text = "" }]);
        Assert.Equal(["questions[6].id", "questions[6].text"], duplicate.Select(e => e.Field));
        // SAT-15: an opinion card — 5 to 10 questions answered 差/一般/好/很好, no recommendation needed.
        var card = Enumerable.Range(1, 5).Select(i => new Question($"q{i}", $"问题{i}", null, i == 5 ? Dimension.Overall : Dimension.Empathy, AnswerScale.Words)).ToList();
        Assert.Empty(QuestionnaireVersion.Validate(QuestionnaireKind.OpinionCard, card));
        Assert.Contains(QuestionnaireVersion.Validate(QuestionnaireKind.OpinionCard, card.Take(4).ToList()), e => e == SurveyErrors.OpinionCard);
    }

    [Fact]
    public void SAT_8_a_change_is_agreed_by_the_department_customer_service_and_the_vp_signed_off_by_the_vp_and_takes_effect_next_monday()
    {
        var current = Version(Monday);
        var today = new DateOnly(2026, 12, 3);   // a Thursday, a month after the version took effect
        var change = QuestionnaireChange.Request(QuestionnaireKind.Sales, current, pending: false, Guid.NewGuid(), "增加试驾体验问题", [.. Questions, new("testDrive", "试驾体验如何？", null, Dimension.Empathy, AnswerScale.OneToFive)], "张经理", today, Now).Value!;
        Assert.Equal(ChangeStatus.AwaitingAgreement, change.Status);
        Assert.Equal(ChangeStatus.AwaitingAgreement, change.Approve(ChangeParty.ExecutiveVp, "副总", today, Now).Value);   // the VP agrees early: not yet signed
        Assert.Equal(SurveyErrors.AlreadyAgreed, change.Approve(ChangeParty.ExecutiveVp, "副总", today, Now).Errors.Single());
        Assert.Equal(ChangeStatus.AwaitingAgreement, change.Approve(ChangeParty.Department, "张经理", today, Now).Value);
        Assert.Equal(ChangeStatus.AwaitingSignOff, change.Approve(ChangeParty.CustomerService, "客服经理", today, Now).Value);
        Assert.Null(change.EffectiveFrom);
        Assert.Equal(ChangeStatus.SignedOff, change.Approve(ChangeParty.ExecutiveVp, "副总", today, Now).Value);
        Assert.Equal(new DateOnly(2026, 12, 7), change.EffectiveFrom);   // the Monday of the next week
        Assert.Equal(SurveyErrors.RequestClosed, change.Approve(ChangeParty.Department, "张经理", today, Now).Errors.Single());
        Assert.Equal(new DateOnly(2026, 12, 14), QuestionnaireChange.NextMonday(new DateOnly(2026, 12, 7)));   // signed on a Monday: the week after
        Assert.Equal(new DateOnly(2026, 12, 14), QuestionnaireChange.NextMonday(new DateOnly(2026, 12, 13)));   // on a Sunday: the next day
    }

    [Fact]
    public void SAT_8_a_change_is_refused_while_the_current_version_has_run_less_than_a_month_or_another_change_is_under_way()
    {
        var current = Version(Monday);
        var early = QuestionnaireChange.Request(QuestionnaireKind.Sales, current, pending: false, Guid.NewGuid(), "调整", Questions, "张经理", Monday.AddMonths(1).AddDays(-1), Now);
        Assert.Equal(SurveyErrors.ChangeFrozen, early.Errors.Single());
        Assert.True(QuestionnaireChange.Request(QuestionnaireKind.Sales, current, pending: false, Guid.NewGuid(), "调整", Questions, "张经理", Monday.AddMonths(1), Now).Succeeded);
        Assert.Equal(SurveyErrors.ChangePending, QuestionnaireChange.Request(QuestionnaireKind.Sales, current, pending: true, Guid.NewGuid(), "调整", Questions, "张经理", Monday.AddMonths(2), Now).Errors.Single());
        var bad = QuestionnaireChange.Request(QuestionnaireKind.Sales, current, pending: false, Guid.NewGuid(), " ", [], "张经理", Monday.AddMonths(2), Now);
        Assert.Equal(["reason", "draft.questions"], bad.Errors.Select(e => e.Field));
    }

    [Fact]
    public void SAT_13_answers_score_from_0_to_100_and_an_overall_score_far_below_the_items_flags_a_hidden_problem()
    {
        var version = Version(Monday);
        // The Diet-Coke case: every item rated well, the overall low.
        var response = SurveyResponse.Answered(Guid.NewGuid(), SurveyMethod.Phone, version,
            [new("showroom", "5"), new("advisor", "4"), new("onTime", "是"), new("overall", "3"), new("recommend", "6"), new("comment", "交车时没人讲解导航")], null, 30, new Actor("staff-1"), Monday, Now).Value!;
        Assert.Equal((100 + 75 + 100) / 3d, response.ItemScore!.Value, 6);
        Assert.Equal(200d / 9, response.OverallScore!.Value, 6);
        Assert.Equal(6, response.Recommend);
        Assert.True(response.HiddenProblem);
        Assert.Equal(SurveyOutcome.Completed, response.Outcome);
        Assert.Equal(version.Id, response.VersionId);   // SAT-8: tied to its version
        Assert.Equal("交车时没人讲解导航", response.Comment);   // the free-text question is the customer's comment

        var consistent = SurveyResponse.Answered(Guid.NewGuid(), SurveyMethod.Phone, version,
            [new("showroom", "4"), new("advisor", "4"), new("onTime", "是"), new("overall", "8"), new("recommend", "9")], null, 30, Actor.System(), Monday, Now).Value!;
        Assert.False(consistent.HiddenProblem);

        var bad = SurveyResponse.Answered(Guid.NewGuid(), SurveyMethod.Phone, version, [new("showroom", "6"), new("advisor", "四"), new("nope", "1"), new("overall", "10")], null, 30, Actor.System(), Monday, Now);
        Assert.Equal(["answers[0].value", "answers[1].value", "answers[2].questionId", "answers.onTime", "answers.recommend"], bad.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(SurveyOutcome.Incomplete)]
    [InlineData(SurveyOutcome.Unreachable)]
    [InlineData(SurveyOutcome.FalseArchive)]
    public void SAT_5_an_invalid_questionnaire_carries_its_reason_and_what_happened(SurveyOutcome reason)
    {
        Assert.Equal(SurveyErrors.InvalidNeedsNote, SurveyResponse.Invalid(Guid.NewGuid(), SurveyMethod.Phone, reason, " ", Actor.System(), Monday, Now).Errors.Single());
        var invalid = SurveyResponse.Invalid(Guid.NewGuid(), SurveyMethod.Phone, reason, "三次拨打均无人接听", Actor.System(), Monday, Now).Value!;
        Assert.Equal((reason, "三次拨打均无人接听", (double?)null), (invalid.Outcome, invalid.Note, invalid.OverallScore));
    }

    [Fact]
    public void SAT_9_a_second_response_in_the_window_supersedes_the_first_and_none_is_taken_after_it()
    {
        var version = Version(Monday);
        var window = SurveyWindows.Default.For(SurveyKind.AfterSales, Monday);
        var task = SurveyTask.Open(SurveyKind.AfterSales, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "advisor", Monday, window, "callback", Now);
        var unreachable = SurveyResponse.Invalid(task.Id, SurveyMethod.Phone, SurveyOutcome.Unreachable, "关机", Actor.System(), window.Opens, Now).Value!;
        task.Respond(unreachable, window.Opens, Now);
        Assert.Equal((SurveyOutcome.Unreachable, unreachable.Id), (task.Outcome, task.ResponseId));
        var answered = SurveyResponse.Answered(task.Id, SurveyMethod.Phone, version,
            [new("showroom", "5"), new("advisor", "5"), new("onTime", "是"), new("overall", "9"), new("recommend", "10")], null, 30, Actor.System(), window.Due, Now).Value!;
        Assert.True(task.Respond(answered, window.Due, Now).Succeeded);
        unreachable.SupersedeWith(answered);
        Assert.Equal((SurveyOutcome.Completed, answered.Id, window.Due), (task.Outcome, task.ResponseId, task.SurveyedOn));
        Assert.Equal(answered.Id, unreachable.SupersededBy);
        Assert.Equal(SurveyErrors.WindowClosed, task.Respond(answered, window.Due.AddDays(1), Now).Errors.Single());
        Assert.False(task.IsOverdue(window.Due.AddDays(1)));
    }

    [Fact]
    public void SAT_2_a_task_not_finished_in_its_window_is_overdue_and_needs_a_reason()
    {
        var window = SurveyWindows.Default.For(SurveyKind.Sales, Monday);
        var task = SurveyTask.Open(SurveyKind.Sales, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, Monday, window, null, Now);
        Assert.False(task.IsOverdue(window.Due));
        Assert.True(task.IsOverdue(window.Due.AddDays(1)));
        Assert.Equal(SurveyErrors.OverdueReason, task.ExplainOverdue("").Errors.Single());
        Assert.Equal("客户出差一个月", task.ExplainOverdue(" 客户出差一个月 ").Value!.OverdueReason);
    }

    [Fact]
    public void SAT_13_the_index_satisfaction_rate_nps_and_scores_by_question_and_dimension()
    {
        var version = Version(Monday);
        SurveyResponse Answer(string showroom, string overall, string recommend) => SurveyResponse.Answered(Guid.NewGuid(), SurveyMethod.Phone, version,
            [new("showroom", showroom), new("advisor", "5"), new("onTime", "是"), new("overall", overall), new("recommend", recommend)], null, 30, Actor.System(), Monday, Now).Value!;
        var tally = new SatisfactionTally();
        tally.Add(version, Answer("5", "10", "10"));   // overall 100, promoter
        tally.Add(version, Answer("3", "7", "8"));     // overall 66.7: not satisfied; passive
        tally.Add(version, Answer("1", "1", "2"));     // overall 0, detractor
        Assert.Equal(3, tally.Responses);
        Assert.Equal(Math.Round((100 + 600d / 9) / 3, 1), tally.Index);
        Assert.Equal(33.3, tally.SatisfiedRate);
        Assert.Equal(0, tally.Nps);                        // one promoter, one detractor
        Assert.Equal(50, tally.Questions.Single(q => q.Id == "showroom").Score);
        Assert.Equal((50d, 3), tally.Dimensions.Where(d => d.Dimension == Dimension.Tangibles).Select(d => (d.Score, d.Answers)).Single());
        Assert.Equal(100, tally.Dimensions.Single(d => d.Dimension == Dimension.Reliability).Score);   // on time: 是 ×3
        Assert.DoesNotContain(tally.Dimensions, d => d.Dimension is Dimension.Overall or Dimension.Recommendation);   // measured apart: the index and NPS
    }

    [Theory]
    [InlineData(79.9, TargetStatus.Below)]
    [InlineData(80, TargetStatus.CompletionValue)]
    [InlineData(90, TargetStatus.Target)]
    public void SAT_14_an_index_is_read_against_the_completion_value_and_the_target(double index, TargetStatus status) =>
        Assert.Equal(status, SatisfactionTargets.Default.Of(index));

    [Fact]
    public void SAT_10_reports_are_due_daily_on_the_day_weekly_by_monday_monthly_by_the_3rd_personal_by_the_5th()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), ReportPeriod.Day(new DateOnly(2026, 11, 23)).Due);
        var week = ReportPeriod.ParseWeek("2026-W47")!;
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 23)), (week.From, week.To, week.Due));
        var month = ReportPeriod.ParseMonth("2026-11")!;
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 6)), (month.To, month.Due, month.PublishBy));
        Assert.False(month.IsLate(new DateOnly(2026, 12, 3)));
        Assert.True(month.IsLate(new DateOnly(2026, 12, 4)));
        Assert.Equal(new DateOnly(2026, 12, 5), ReportPeriod.ParseMonth("2026-11", ReportKind.Personal)!.Due);
        Assert.Equal("2026-10", month.Previous.Key);
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), month.Quarter(back: 1));
        Assert.Null(ReportPeriod.ParseWeek("2026-W54"));
        Assert.Null(ReportPeriod.ParseMonth("2026-13"));
        Assert.Null(ReportPeriod.ParseMonth("11/2026"));
    }

    private static SurveyResponse Answered(QuestionnaireVersion version, string showroom, string onTime, string overall) =>
        SurveyResponse.Answered(Guid.NewGuid(), SurveyMethod.Phone, version,
            [new("showroom", showroom), new("advisor", "4"), new("onTime", onTime), new("overall", overall), new("recommend", "5")], null, 30, new Actor("staff-1"), Monday, Now).Value!;

    [Theory]
    [InlineData("6", null)]                                       // 5 of 10 and above: no alarm
    [InlineData("4", EscalationLevel.CustomerServiceManager)]     // 4 of 10: the customer-service manager at once
    [InlineData("2", EscalationLevel.ExecutiveVp)]                // 2 of 10: the VP as well
    public void SAT_11_a_very_low_overall_score_alerts_the_customer_service_manager_and_past_the_second_threshold_the_vp(string overall, EscalationLevel? level)
    {
        var response = Answered(Version(Monday), "5", "是", overall);
        var raised = SurveyEscalation.Assess(response, new Dictionary<string, int>(), new HashSet<(string, EscalationLevel)>(), new EscalationPolicy());
        Assert.Equal(level, raised.Select(e => (EscalationLevel?)e.Level).SingleOrDefault());
        Assert.All(raised, e => Assert.Equal(SurveyProblemKind.LowOverall, e.Kind));
    }

    [Fact]
    public void SAT_11_the_same_question_scoring_low_repeatedly_within_a_week_is_escalated_once_per_level()
    {
        var (version, policy) = (Version(Monday), new EscalationPolicy());
        var response = Answered(version, "2", "否", "8");
        Assert.Equal(["showroom", "onTime"], SurveyEscalation.LowQuestions(response, version, policy));   // 2 of 5 and a "no" are low; 4 of 5 is not
        var none = new HashSet<(string, EscalationLevel)>();
        Assert.Empty(SurveyEscalation.Assess(response, new Dictionary<string, int> { ["showroom"] = 2, ["onTime"] = 1 }, none, policy));

        var third = SurveyEscalation.Assess(response, new Dictionary<string, int> { ["showroom"] = 3, ["onTime"] = 1 }, none, policy).Single();
        Assert.Equal((SurveyProblemKind.RepeatedLowQuestion, EscalationLevel.CustomerServiceManager, "showroom", 3), (third.Kind, third.Level, third.QuestionId, third.Count));
        var raised = new HashSet<(string, EscalationLevel)> { ("showroom", EscalationLevel.CustomerServiceManager) };
        Assert.Empty(SurveyEscalation.Assess(response, new Dictionary<string, int> { ["showroom"] = 4 }, raised, policy));   // already raised this week
        Assert.Equal(EscalationLevel.ExecutiveVp, SurveyEscalation.Assess(response, new Dictionary<string, int> { ["showroom"] = 5 }, raised, policy).Single().Level);

        var invalid = SurveyResponse.Invalid(Guid.NewGuid(), SurveyMethod.Phone, SurveyOutcome.Unreachable, "三次无人接听", new Actor("staff-1"), Monday, Now).Value!;
        Assert.Empty(SurveyEscalation.Assess(invalid, new Dictionary<string, int> { ["showroom"] = 9 }, none, policy));
    }
}
