namespace Guanxi.Domain.Improvement;

/// <summary>What an improvement measure should change (CAPA-6/7, issue 24 item 7): a figure the CRM already keeps.</summary>
public enum EffectMetricKind
{
    /// <summary>The mean score (0–100) of one survey question in the department's responses; <see cref="EffectMetric.Key"/> is the question's id.</summary>
    QuestionScore,

    /// <summary>The mean score (0–100) of a survey dimension's questions in the department's responses; the key is the <c>Dimension</c>'s name.</summary>
    DimensionScore,

    /// <summary>How many complaints of a category the department received; the key is the category's code. Fewer is better.</summary>
    ComplaintCount,

    /// <summary>The mean overall satisfaction (0–100) of the department's responses at a touchpoint; the key is the <c>Touchpoint</c>'s name.</summary>
    TouchpointSatisfaction,
}

/// <summary>The figure a measure names, for a department.</summary>
public sealed record EffectMetric(EffectMetricKind Kind, string Key, Guid DepartmentId)
{
    public const int MaxKeyLength = 64;

    /// <summary>A count of complaints should fall; a score should rise.</summary>
    public bool LowerIsBetter => Kind == EffectMetricKind.ComplaintCount;
}
