namespace Guanxi.Domain.Recommendations;

/// <summary>What a recommendation proposes (SVC-6): a dealer's service, tyres, battery, insurance renewal or trade-in, or an item others bought.</summary>
public enum RecommendationKind
{
    Service,
    Tyres,
    Battery,
    Insurance,
    TradeIn,
    AlsoBought,
}

public enum RecommendationPriority
{
    High,
    Medium,
    Low,
}

/// <summary>
/// One recommendation for a customer: its kind and <see cref="Subject"/> (the vehicle — VIN, else plate — or the item
/// proposed; with the kind it names the recommendation), a title and the reason with its figures in Chinese and English
/// (dates written yyyy-MM-dd, shown as every kept sentence is), the day it is due (none for an item), its priority and a
/// score (0–100) that orders a customer's recommendations, and a text for the customer (<see cref="CareText"/>: what a
/// care message would say).
/// </summary>
public sealed record Recommendation(
    RecommendationKind Kind, string Subject, string Title, string TitleEn, string Reason, string ReasonEn, DateOnly? DueOn,
    RecommendationPriority Priority, int Score, string CareText, string CareTextEn)
{
    /// <summary>The recommendation's name among the customer's: its kind and subject.</summary>
    public string Key => $"{Kind}:{Subject}";
}
