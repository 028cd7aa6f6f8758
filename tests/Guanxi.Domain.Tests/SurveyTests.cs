using Guanxi.Domain.Surveys;

namespace Guanxi.Domain.Tests;

/// <summary>SAT-1..4: who is surveyed, and when.</summary>
public sealed class SurveyTests
{
    private static readonly DateOnly Delivered = new(2026, 11, 2);

    [Fact]
    public void SAT_2_a_sales_survey_opens_21_days_after_delivery_and_is_due_by_the_end_of_the_4th_week()
    {
        var window = SurveyWindows.Default.For(SurveyKind.Sales, Delivered);
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), (window.Opens, window.Due));   // days 22–28, the delivery day being day 1
        Assert.False(window.Contains(new DateOnly(2026, 11, 22)));
        Assert.True(window.Contains(new DateOnly(2026, 11, 29)));
        Assert.False(window.IsOverdueOn(new DateOnly(2026, 11, 29)));
        Assert.True(window.IsOverdueOn(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void SAT_2_an_after_sales_survey_opens_a_week_after_delivery_and_is_due_by_the_end_of_the_2nd_week()
    {
        var window = SurveyWindows.Default.For(SurveyKind.AfterSales, Delivered);
        Assert.Equal((new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)), (window.Opens, window.Due));
        var settings = SurveyWindows.Default with { AfterSalesOpensAfterDays = 3, WindowDays = 5 };   // the windows are settings
        Assert.Equal((new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 9)), (settings.For(SurveyKind.AfterSales, Delivered).Opens, settings.For(SurveyKind.AfterSales, Delivered).Due));
    }

    [Theory]
    [InlineData(SurveyOutcome.Pending, "2026-11-22", false, SurveyStep.Survey)]         // before the window opens: may be called already
    [InlineData(SurveyOutcome.Pending, "2026-11-29", false, SurveyStep.Survey)]         // the window's last day
    [InlineData(SurveyOutcome.Pending, "2026-11-30", false, SurveyStep.ExplainOverdue)] // the window passed: no answer is taken, a reason is due
    [InlineData(SurveyOutcome.Pending, "2027-11-30", false, SurveyStep.ExplainOverdue)] // a year later still
    [InlineData(SurveyOutcome.Pending, "2026-11-30", true, SurveyStep.None)]            // explained: nothing left to do
    [InlineData(SurveyOutcome.Completed, "2026-11-25", false, SurveyStep.None)]
    [InlineData(SurveyOutcome.Unreachable, "2026-12-25", false, SurveyStep.None)]
    public void SAT_2_3_a_task_is_surveyed_within_its_window_and_explained_after_it(SurveyOutcome outcome, string today, bool explained, SurveyStep step)
    {
        var due = SurveyWindows.Default.For(SurveyKind.Sales, Delivered).Due;
        Assert.Equal(step, SurveyTask.StepOf(outcome, due, explained, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void SAT_3_an_overdue_task_takes_no_response_and_asks_for_its_reason_until_given()
    {
        var task = SurveyTask.Open(SurveyKind.Sales, Guid.NewGuid(), null, Guid.NewGuid(), null, Delivered, SurveyWindows.Default.For(SurveyKind.Sales, Delivered), "cs", DateTimeOffset.UnixEpoch);
        var late = new DateOnly(2026, 12, 30);
        Assert.Equal(SurveyStep.ExplainOverdue, task.NextStep(late));
        Assert.True(task.ExplainOverdue("客户出国，联系不上").Succeeded);
        Assert.Equal(SurveyStep.None, task.NextStep(late));
        Assert.True(task.IsOverdue(late));   // still overdue in the reports (SAT-2), with its reason
    }

    [Fact]
    public void SAT_1_trade_customers_are_not_surveyed_and_the_reason_is_recorded()
    {
        var exclusion = SurveyEligibility.Check(tradeCustomer: true, [], Delivered);
        Assert.Equal(ExclusionReason.TradeCustomer, exclusion?.Reason);
        Assert.Contains("经销商客户", exclusion!.Chinese);
        Assert.Null(SurveyEligibility.Check(tradeCustomer: false, [], Delivered));
    }

    [Theory]
    [InlineData(SurveyOutcome.Completed, 364, true)]     // completed 364 days before: too recent
    [InlineData(SurveyOutcome.Completed, 365, false)]    // a full year before: surveyed again
    [InlineData(SurveyOutcome.Incomplete, 100, true)]    // reached, did not finish: it counts
    [InlineData(SurveyOutcome.Pending, 10, true)]        // a task still open blocks a second one
    [InlineData(SurveyOutcome.Pending, -20, true)]       // even one whose window opens later
    [InlineData(SurveyOutcome.Unreachable, 30, false)]   // never reached: no survey was made
    [InlineData(SurveyOutcome.FalseArchive, 30, false)]  // the wrong person answered: the customer was not surveyed
    public void SAT_4_a_customer_is_surveyed_at_most_once_in_12_months(SurveyOutcome outcome, int daysBefore, bool excluded)
    {
        var opens = new DateOnly(2026, 11, 23);
        var exclusion = SurveyEligibility.Check(tradeCustomer: false, [new PastSurvey(opens.AddDays(-daysBefore), outcome)], opens);
        Assert.Equal(excluded, exclusion is not null);
        if (excluded)
        {
            Assert.Equal((ExclusionReason.SurveyedWithinYear, opens.AddDays(-daysBefore)), (exclusion!.Reason, exclusion.SurveyedOn));
            Assert.Contains($"已于 {opens.AddDays(-daysBefore):yyyy-MM-dd} 接受调查", exclusion.Chinese);
        }
    }

    [Fact]
    public void SAT_4_whatever_the_customer_bought_or_had_serviced_the_latest_blocking_survey_is_named()
    {
        var opens = new DateOnly(2026, 11, 23);
        PastSurvey[] surveys = [new(opens.AddDays(-300), SurveyOutcome.Completed), new(opens.AddDays(-40), SurveyOutcome.Unreachable), new(opens.AddDays(-90), SurveyOutcome.Incomplete)];
        Assert.Equal(opens.AddDays(-90), SurveyEligibility.Check(false, surveys, opens)!.SurveyedOn);
    }
}
