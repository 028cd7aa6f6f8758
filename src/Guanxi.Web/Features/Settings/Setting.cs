namespace Guanxi.Web.Features.Settings;

/// <summary>One enterprise setting (a policy, a rule table, thresholds) as JSON under a key; every change is in the history.</summary>
public sealed class Setting
{
    public required string Key { get; init; }
    public required string Json { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
