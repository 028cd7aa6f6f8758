namespace Guanxi.Domain.Tasks;

/// <summary>What an owner's task is for: LIF-2's care call and win-back visit, ARC-6's periodic review, SVC-4's follow-up call and visit.</summary>
public enum CustomerTaskKind
{
    CareCall,
    WinBack,
    Review,
    FollowUpCall,
    FollowUpVisit,
}

public static class CustomerTaskKinds
{
    public static string Chinese(this CustomerTaskKind kind) => kind switch
    {
        CustomerTaskKind.CareCall => "关怀回访",
        CustomerTaskKind.WinBack => "挽回拜访",
        CustomerTaskKind.FollowUpCall => "定期回访",
        CustomerTaskKind.FollowUpVisit => "定期面访",
        _ => "定期核查",
    };

    public static string English(this CustomerTaskKind kind) => kind switch
    {
        CustomerTaskKind.CareCall => "Care call",
        CustomerTaskKind.WinBack => "Win-back visit",
        CustomerTaskKind.FollowUpCall => "Follow-up call",
        CustomerTaskKind.FollowUpVisit => "Follow-up visit",
        _ => "Periodic review",
    };
}
