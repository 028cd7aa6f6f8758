namespace Guanxi.Domain.Credit;

/// <summary>ARC-5 credit levels (信用等级), in rising order.</summary>
public enum CreditLevel
{
    C,
    B,
    A,
    AA,
    AAA,
}

public static class CreditLevels
{
    /// <summary>A level as a person reads it; a customer not rated yet (no payment history, ARC-5) reads 未评定.</summary>
    public static string Chinese(this CreditLevel? level) => level?.ToString() ?? "未评定";

    /// <summary>A level as a person reads it in English; not rated yet reads "Not rated".</summary>
    public static string English(this CreditLevel? level) => level?.ToString() ?? "Not rated";

    /// <summary>ARC-7: whether a level puts a customer on the risk list (not rated does not).</summary>
    public static bool IsRisky(this CreditLevel? level) => level is { } l && Risky.Contains(l);

    /// <summary>ARC-7: the levels that put a customer on the risk list. A list, not a comparison: the database keeps levels as text, where "AAA" sorts before "B".</summary>
    public static IReadOnlyList<CreditLevel> Risky { get; } = [CreditLevel.B, CreditLevel.C];
}

/// <summary>ARC-5/7 business condition (经营状况) as the owner records it: each flag caps the credit level and puts the customer on the risk list.</summary>
public enum BusinessCondition
{
    PoorCondition,
    Debts,
    Restructuring,
    Bankruptcy,
}

public static class BusinessConditions
{
    public static string Chinese(this BusinessCondition flag) => flag switch
    {
        BusinessCondition.PoorCondition => "经营不善",
        BusinessCondition.Debts => "债务纠纷",
        BusinessCondition.Restructuring => "重组",
        _ => "破产",
    };

    public static string English(this BusinessCondition flag) => flag switch
    {
        BusinessCondition.PoorCondition => "Poor business condition",
        BusinessCondition.Debts => "Debts",
        BusinessCondition.Restructuring => "Restructuring",
        _ => "Bankruptcy",
    };
}
