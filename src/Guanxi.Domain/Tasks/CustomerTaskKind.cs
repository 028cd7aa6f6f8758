namespace Guanxi.Domain.Tasks;

/// <summary>What an owner's task is for: LIF-2's care call and win-back visit, ARC-6's periodic review, SVC-4's follow-up call and visit, SVC-10's sell-through proposal, SVC-6's follow-up of a recommendation.</summary>
public enum CustomerTaskKind
{
    CareCall,
    WinBack,
    Review,
    FollowUpCall,
    FollowUpVisit,

    /// <summary>SVC-10: a sell-through proposal for a distributor's slow stock.</summary>
    SellThrough,

    /// <summary>SVC-6: the follow-up of a recommendation from the customer's purchases.</summary>
    Recommendation,
}

public static class CustomerTaskKinds
{
    public static string Chinese(this CustomerTaskKind kind) => kind switch
    {
        CustomerTaskKind.CareCall => "关怀回访",
        CustomerTaskKind.WinBack => "挽回拜访",
        CustomerTaskKind.FollowUpCall => "定期回访",
        CustomerTaskKind.FollowUpVisit => "定期面访",
        CustomerTaskKind.SellThrough => "动销建议",
        CustomerTaskKind.Recommendation => "推荐跟进",
        _ => "定期核查",
    };

    public static string English(this CustomerTaskKind kind) => kind switch
    {
        CustomerTaskKind.CareCall => "Care call",
        CustomerTaskKind.WinBack => "Win-back visit",
        CustomerTaskKind.FollowUpCall => "Follow-up call",
        CustomerTaskKind.FollowUpVisit => "Follow-up visit",
        CustomerTaskKind.SellThrough => "Sell-through proposal",
        CustomerTaskKind.Recommendation => "Recommendation follow-up",
        _ => "Periodic review",
    };
}
