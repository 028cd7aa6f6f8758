namespace Guanxi.Domain.Reviews;

/// <summary>ARC-6: how a reviewed archive is filed (重要、特殊、一般).</summary>
public enum ReviewCategory
{
    Important,
    Special,
    General,
}

/// <summary>ARC-6: why a customer is flagged for cause analysis in a review cycle.</summary>
public enum ReviewCause
{
    FastGrowth,
    Churned,
}

public static class ReviewCategories
{
    public static string Chinese(this ReviewCategory category) => category switch
    {
        ReviewCategory.Important => "重要",
        ReviewCategory.Special => "特殊",
        _ => "一般",
    };

    public static string English(this ReviewCategory category) => category switch
    {
        ReviewCategory.Important => "Important",
        ReviewCategory.Special => "Special",
        _ => "General",
    };
}
