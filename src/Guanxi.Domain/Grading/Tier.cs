namespace Guanxi.Domain.Grading;

/// <summary>GRD-2 tiers (VIP客户、重要客户、普通客户), in rising order.</summary>
public enum Tier
{
    Ordinary,
    Important,
    Vip,
}

public static class Tiers
{
    public static string Chinese(this Tier tier) => tier switch
    {
        Tier.Vip => "VIP客户",
        Tier.Important => "重要客户",
        _ => "普通客户",
    };

    public static string English(this Tier tier) => tier switch
    {
        Tier.Vip => "VIP",
        Tier.Important => "Important",
        _ => "Ordinary",
    };
}
