using Guanxi.Domain.Grading;
using Guanxi.Domain.Tasks;

namespace Guanxi.Domain.Tests;

/// <summary>SVC-4: follow-up plans by tier — the cadence, the next due day, a backlog spread, and what a follow-up records.</summary>
public sealed class FollowUpPlanTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void SVC4_each_tier_calls_at_its_cadence_and_the_VIP_is_also_visited()
    {
        var (vip, important, ordinary) = (ServiceStandard.Defaults[0], ServiceStandard.Defaults[1], ServiceStandard.Defaults[2]);
        Assert.Equal(30, FollowUpPlan.Cadence(vip, CustomerTaskKind.FollowUpCall));
        Assert.Equal(90, FollowUpPlan.Cadence(vip, CustomerTaskKind.FollowUpVisit));
        Assert.Equal(60, FollowUpPlan.Cadence(important, CustomerTaskKind.FollowUpCall));
        Assert.Null(FollowUpPlan.Cadence(important, CustomerTaskKind.FollowUpVisit));
        Assert.Equal(180, FollowUpPlan.Cadence(ordinary, CustomerTaskKind.FollowUpCall));
        Assert.Null(FollowUpPlan.Cadence(ordinary, CustomerTaskKind.CareCall));
    }

    [Fact]
    public void SVC4_the_next_follow_up_is_due_a_cadence_after_the_last()
    {
        Assert.Equal(new DateOnly(2026, 12, 20), FollowUpPlan.Due(new DateOnly(2026, 11, 20), 30, Today, Guid.NewGuid()));
        Assert.Equal(Today, FollowUpPlan.Due(Today.AddDays(-30), 30, Today, Guid.NewGuid()));
    }

    [Fact]
    public void SVC4_a_backlog_is_spread_over_the_next_four_weeks_each_customer_on_a_stable_day()
    {
        var customers = Enumerable.Range(0, 2000).Select(_ => Guid.NewGuid()).ToList();
        var dues = customers.Select(c => FollowUpPlan.Due(new DateOnly(2025, 1, 1), 180, Today, c)).ToList();
        Assert.All(dues, d => Assert.InRange(d, Today, Today.AddDays(FollowUpPlan.MaxSpreadDays - 1)));
        Assert.True(dues.GroupBy(d => d).Max(g => g.Count()) < 2000 / FollowUpPlan.MaxSpreadDays * 2, "no day carries much more than its share");
        Assert.Equal(dues[0], FollowUpPlan.Due(new DateOnly(2025, 1, 1), 180, Today, customers[0]));
        Assert.All(customers.Select(c => FollowUpPlan.Due(new DateOnly(2026, 11, 1), 7, Today, c)), d => Assert.InRange(d, Today, Today.AddDays(6)));
    }

    [Fact]
    public void SVC4_a_follow_up_records_usage_needs_feedback_and_an_opportunity()
    {
        var task = CustomerTask.Open(Guid.NewGuid(), CustomerTaskKind.FollowUpCall, "u1", Guid.NewGuid(), Today, ("回访", "Follow up"), Now);
        var done = task.CompleteFollowUp(new FollowUpNotes(" 每天通勤 ", "想换七座车", null, true, "二胎家庭，关注七座 SUV"), "u1", Now);
        Assert.True(done.Succeeded);
        Assert.Equal("每天通勤", task.Outcome);
        Assert.Equal(new FollowUpNotes("每天通勤", "想换七座车", null, true, "二胎家庭，关注七座 SUV"), task.FollowUp);
        Assert.Equal(TaskErrors.AlreadyDone, task.CompleteFollowUp(new FollowUpNotes("x", null, null, false, null), "u1", Now).Errors.Single());
    }

    [Fact]
    public void SVC4_an_empty_or_oversized_follow_up_is_refused_and_only_follow_ups_take_notes()
    {
        var task = CustomerTask.Open(Guid.NewGuid(), CustomerTaskKind.CareCall, "u1", Guid.NewGuid(), Today, ("关怀", "Care"), Now);
        Assert.Equal(TaskErrors.FollowUpEmpty, task.CompleteFollowUp(new FollowUpNotes(" ", null, "", false, null), "u1", Now).Errors.Single());
        Assert.Equal("needs", task.CompleteFollowUp(new FollowUpNotes("ok", new string('x', 1001), null, false, null), "u1", Now).Errors.Single().Field);
        Assert.Null(task.DoneAt);
        var review = CustomerTask.Open(Guid.NewGuid(), CustomerTaskKind.Review, "u1", Guid.NewGuid(), Today, ("核查", "Review"), Now);
        Assert.Equal(TaskErrors.NotAFollowUp, review.CompleteFollowUp(new FollowUpNotes("x", null, null, false, null), "u1", Now).Errors.Single());
    }
}
