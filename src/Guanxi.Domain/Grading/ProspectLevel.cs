namespace Guanxi.Domain.Grading;

/// <summary>GRD-7: a prospect's level (种子顾客、一般顾客、重点顾客), set by the owner until the first purchase.</summary>
public enum ProspectLevel
{
    Seed,
    General,
    Key,
}

public static class ProspectLevels
{
    public static string Chinese(this ProspectLevel level) => level switch
    {
        ProspectLevel.Seed => "种子顾客",
        ProspectLevel.Key => "重点顾客",
        _ => "一般顾客",
    };

    public static string English(this ProspectLevel level) => level switch
    {
        ProspectLevel.Seed => "Seed",
        ProspectLevel.Key => "Key",
        _ => "General",
    };
}
