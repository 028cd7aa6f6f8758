namespace Guanxi.Domain.Lifecycle;

/// <summary>LIF-1 stages (潜在、初次购买、重复购买、忠诚、流失), in the order a customer goes through them.</summary>
public enum LifecycleStage
{
    Potential,
    FirstPurchase,
    Repeat,
    Loyal,
    Churned,
}

public static class LifecycleStages
{
    public static string Chinese(this LifecycleStage stage) => stage switch
    {
        LifecycleStage.FirstPurchase => "初次购买",
        LifecycleStage.Repeat => "重复购买",
        LifecycleStage.Loyal => "忠诚",
        LifecycleStage.Churned => "流失",
        _ => "潜在",
    };

    public static string English(this LifecycleStage stage) => stage switch
    {
        LifecycleStage.FirstPurchase => "First purchase",
        LifecycleStage.Repeat => "Repeat purchase",
        LifecycleStage.Loyal => "Loyal",
        LifecycleStage.Churned => "Churned",
        _ => "Potential",
    };

    /// <summary>LIF-2: what the stage's strategy asks of the owner.</summary>
    public static (string Chinese, string English) Strategy(this LifecycleStage stage) => stage switch
    {
        LifecycleStage.FirstPurchase => ("交车后及时关怀回访（系统按设置的天数建任务），介绍售后服务、首保与会员权益。",
            "A care call soon after delivery (the system creates the task, due after the days set); introduce after-sales service, the first maintenance and membership."),
        LifecycleStage.Repeat => ("按购买与保养记录给出个性化优惠：保养套餐、精品、续保、置换。",
            "Personalised offers from the purchase and service record: maintenance packages, accessories, insurance renewal, trade-in."),
        LifecycleStage.Loyal => ("请求转介绍；提供增值服务：优先预约、专属顾问、车主活动。",
            "Ask for referrals; add value: priority booking, a dedicated advisor, owners' events."),
        LifecycleStage.Churned => ("记录流失原因；上门或电话挽回拜访，必要时给出挽回优惠（系统已建任务）。",
            "Record why the customer left; a win-back visit or call, with an offer where it helps (the system creates the task)."),
        _ => ("按潜在客户等级（种子、一般、重点）跟进，促成首次成交。",
            "Follow up by prospect level (seed, general, key) towards a first purchase."),
    };
}
