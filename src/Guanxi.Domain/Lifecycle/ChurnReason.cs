namespace Guanxi.Domain.Lifecycle;

/// <summary>LIF-3: why a customer was lost, as the owner records it (客户维护成败分析).</summary>
public enum ChurnReason
{
    Price,
    Service,
    Quality,
    Competitor,
    Moved,
    NoNeed,
    Business,
    Unreachable,
    Other,
}

public static class ChurnReasons
{
    public static string Chinese(this ChurnReason reason) => reason switch
    {
        ChurnReason.Price => "价格因素",
        ChurnReason.Service => "服务不满意",
        ChurnReason.Quality => "产品质量问题",
        ChurnReason.Competitor => "被竞争对手吸引",
        ChurnReason.Moved => "迁居外地",
        ChurnReason.NoNeed => "不再需要",
        ChurnReason.Business => "经营困难或倒闭",
        ChurnReason.Unreachable => "联系不上",
        _ => "其他",
    };

    public static string English(this ChurnReason reason) => reason switch
    {
        ChurnReason.Price => "Price",
        ChurnReason.Service => "Unhappy with service",
        ChurnReason.Quality => "Product quality",
        ChurnReason.Competitor => "Won by a competitor",
        ChurnReason.Moved => "Moved away",
        ChurnReason.NoNeed => "No longer needed",
        ChurnReason.Business => "Business difficulty or closure",
        ChurnReason.Unreachable => "Unreachable",
        _ => "Other",
    };
}
