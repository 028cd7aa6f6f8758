using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Tasks;

namespace Guanxi.Domain.Tests;

/// <summary>LIF-1/2: stages from orders and inactivity, the tasks a stage's strategy creates.</summary>
public sealed class LifecycleTests
{
    private static readonly LifecyclePolicy Policy = LifecyclePolicy.Default;

    /// <summary>The stage on <paramref name="today"/> of a customer who bought on <paramref name="orders"/>, like the nightly update sees it.</summary>
    private static StageAssessment On(DateOnly today, LifecycleStage previous, params DateOnly[] orders)
    {
        var bought = orders.Where(o => o <= today).Order().ToList();
        var recent = bought.Count(o => o > today.AddMonths(-Policy.LoyalMonths));
        var history = new PurchaseHistory(bought.Count, bought.Count > 0 ? bought[0] : null,
            bought.Count > 0 ? bought[^1] : null, recent, bought.Count > 0 ? bought[^1] : null);
        return Lifecycle.Lifecycle.Assess(Policy, history, today, previous);
    }

    [Fact]
    public void LIF_1_one_order_is_first_purchase_a_second_is_repeat_inactivity_churns_and_a_new_order_brings_them_back()
    {
        var first = new DateOnly(2025, 1, 10);
        var second = new DateOnly(2025, 7, 10);
        var clock = new DateOnly(2024, 12, 1);
        var stage = On(clock, LifecycleStage.Potential);
        Assert.Equal(LifecycleStage.Potential, stage.Stage);

        clock = first;
        stage = On(clock, stage.Stage, first);
        Assert.Equal((LifecycleStage.FirstPurchase, first), (stage.Stage, stage.Since));

        clock = second;
        stage = On(clock, stage.Stage, first, second);
        Assert.Equal((LifecycleStage.Repeat, second), (stage.Stage, stage.Since));

        // The usual interval is 181 days; 2.5 times that is 453 days, longer than the 12-month floor.
        clock = second.AddDays(453);
        Assert.Equal(LifecycleStage.Repeat, On(clock, stage.Stage, first, second).Stage);
        clock = clock.AddDays(1);
        stage = On(clock, stage.Stage, first, second);
        Assert.Equal((LifecycleStage.Churned, clock), (stage.Stage, stage.Since));
        Assert.Contains("超过流失界限 453 天", stage.Reason);
        Assert.Contains("平常间隔 181 天 × 2.5", stage.Reason);

        var back = clock.AddDays(20);
        clock = back;
        stage = On(clock, stage.Stage, first, second, back);
        Assert.Equal((LifecycleStage.Repeat, back), (stage.Stage, stage.Since));
    }

    [Fact]
    public void LIF_1_a_single_order_churns_after_the_floor_and_loyal_needs_n_orders_in_m_months()
    {
        var only = new DateOnly(2025, 3, 31);
        Assert.Equal(LifecycleStage.FirstPurchase, On(new DateOnly(2026, 3, 31), LifecycleStage.FirstPurchase, only).Stage);
        var churned = On(new DateOnly(2026, 4, 1), LifecycleStage.FirstPurchase, only);
        Assert.Equal(LifecycleStage.Churned, churned.Stage);
        Assert.Contains("仅一单，按最短 12 个月", churned.Reason);

        DateOnly[] four = [new(2025, 1, 1), new(2025, 7, 1), new(2026, 1, 1), new(2026, 7, 1)];
        var loyal = On(new DateOnly(2026, 8, 1), LifecycleStage.Repeat, four);
        Assert.Equal((LifecycleStage.Loyal, new DateOnly(2026, 7, 1)), (loyal.Stage, loyal.Since));
        Assert.Contains("近 24 个月 4 单 ≥ 忠诚门槛 4 单", loyal.Reason);

        // Two years after the first of the four, only three are recent: loyal falls back to repeat, from that day.
        var lapsed = new DateOnly(2027, 1, 2);
        Assert.Equal((LifecycleStage.Repeat, lapsed), (On(lapsed, LifecycleStage.Loyal, four).Stage, On(lapsed, LifecycleStage.Loyal, four).Since));
        var stricter = Policy with { LoyalOrders = 5 };
        var history = new PurchaseHistory(4, four[0], four[^1], 4);
        Assert.Equal(LifecycleStage.Repeat, Lifecycle.Lifecycle.Assess(stricter, history, new DateOnly(2026, 8, 1)).Stage);
    }

    [Fact]
    public void LIF_1_the_policy_is_validated_field_by_field()
    {
        Assert.Empty(Policy.Validate());
        var errors = new LifecyclePolicy(1, 0, 0.5m, 0, 31, 0).Validate();
        Assert.Equal(["loyalOrders", "loyalMonths", "churnMultiple", "churnFloorMonths", "careCallDays", "winBackDays"], errors.Select(e => e.Field));
    }

    [Fact]
    public void LIF_2_a_first_purchase_creates_a_care_call_due_3_days_after_delivery_and_a_churn_a_win_back_visit()
    {
        var delivered = new DateOnly(2026, 11, 20);
        var today = new DateOnly(2026, 11, 21);
        var history = new PurchaseHistory(1, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), 1, delivered);
        var first = Lifecycle.Lifecycle.Assess(Policy, history, today);
        var care = Lifecycle.Lifecycle.TaskFor(Policy, first, history, today);
        Assert.Equal((CustomerTaskKind.CareCall, new DateOnly(2026, 11, 23)), (care!.Kind, care.DueOn));
        Assert.Contains("3 天内关怀回访", care.Note);

        var old = history with { LastDelivered = new DateOnly(2025, 11, 20) };
        Assert.Null(Lifecycle.Lifecycle.TaskFor(Policy, first, old, today));

        var gone = new PurchaseHistory(1, new DateOnly(2025, 11, 1), new DateOnly(2025, 11, 1), 1);
        var churned = Lifecycle.Lifecycle.Assess(Policy, gone, today);
        var winBack = Lifecycle.Lifecycle.TaskFor(Policy, churned, gone, today);
        Assert.Equal((CustomerTaskKind.WinBack, today.AddDays(14)), (winBack!.Kind, winBack.DueOn));
        Assert.Null(Lifecycle.Lifecycle.TaskFor(Policy, Lifecycle.Lifecycle.Assess(Policy, gone, today.AddYears(1)), gone, today.AddYears(1)));
    }

    [Fact]
    public void GRD_7_a_prospect_has_a_level_seed_general_or_key()
    {
        var customer = Customer.Create(new CustomerDetails(
            CustomerType.Person, "王芳", null, [new CustomerPhone(PhoneKind.Mobile, "+8613812341234")], [], null,
            [], null, false, Gender.Female, null, null, "展厅", "owner-1", Guid.NewGuid(), null, null, null), DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 23)).Value!;
        Assert.True(customer.Classify(ProspectLevel.Key).Succeeded);
        Assert.Equal(ProspectLevel.Key, customer.ProspectLevel);
        Assert.Equal("重点顾客", ProspectLevel.Key.Chinese());
        Assert.False(customer.Classify((ProspectLevel)9).Succeeded);
    }

    [Fact]
    public void LIF_2_a_task_is_done_once_with_what_came_of_it()
    {
        var task = CustomerTask.Open(Guid.NewGuid(), CustomerTaskKind.CareCall, "owner-1", Guid.NewGuid(), new DateOnly(2026, 11, 23), ("关怀回访", "Care call"), DateTimeOffset.UnixEpoch);
        Assert.True(task.IsOverdue(new DateOnly(2026, 11, 24)));
        Assert.Equal(TaskErrors.OutcomeRequired, task.Complete(" ", "王芳", DateTimeOffset.UnixEpoch).Errors[0]);
        Assert.Equal(TaskErrors.OutcomeTooLong, task.Complete(new string('很', 501), "王芳", DateTimeOffset.UnixEpoch).Errors[0]);
        Assert.True(task.Complete("客户对交车满意，已预约首保", "王芳", DateTimeOffset.UnixEpoch).Succeeded);
        Assert.False(task.IsOverdue(new DateOnly(2026, 11, 24)));
        Assert.Equal(TaskErrors.AlreadyDone, task.Complete("再次", "王芳", DateTimeOffset.UnixEpoch).Errors[0]);
    }
}
