namespace Guanxi.Domain.Tasks;

/// <summary>What an owner's task is for: LIF-2's care call and win-back visit, ARC-6's periodic review.</summary>
public enum CustomerTaskKind
{
    CareCall,
    WinBack,
    Review,
}

public static class CustomerTaskKinds
{
    public static string Chinese(this CustomerTaskKind kind) => kind switch
    {
        CustomerTaskKind.CareCall => "关怀回访",
        CustomerTaskKind.WinBack => "挽回拜访",
        _ => "定期核查",
    };

    public static string English(this CustomerTaskKind kind) => kind switch
    {
        CustomerTaskKind.CareCall => "Care call",
        CustomerTaskKind.WinBack => "Win-back visit",
        _ => "Periodic review",
    };
}
