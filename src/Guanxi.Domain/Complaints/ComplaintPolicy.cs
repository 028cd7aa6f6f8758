using Guanxi.Domain.Common;

namespace Guanxi.Domain.Complaints;

/// <summary>
/// SVC-2, SVC-8: how a complaint's times are counted, an enterprise setting. The tier's service standard gives the response
/// and resolution hours (working hours on the enterprise's calendar); the severity shortens them by its factor (by default
/// critical ×0.25, high ×0.5, medium and low ×1). A warning goes out when <see cref="WarnAt"/> of a time is used (75%).
/// When a time is missed the complaint escalates, one level at a time: level 1 (the assignee) at the time itself, and each
/// further level after another <see cref="EscalationStep"/> of the time (by default 50%): level 2 (the department's manager)
/// at 150%, level 3 (the customer-service manager) at 200%, level 4 (the executive VP) at 250%. Each level fires once.
/// </summary>
public sealed record ComplaintPolicy(double Low = 1, double Medium = 1, double High = 0.5, double Critical = 0.25, double WarnAt = 0.75, double EscalationStep = 0.5)
{
    public const string SettingsKey = "complaints.policy";

    /// <summary>The assignee, the department manager, the customer-service manager, the executive VP.</summary>
    public const int Levels = 4;

    public static ComplaintPolicy Default { get; } = new();

    public double Factor(ComplaintSeverity severity) => severity switch
    {
        ComplaintSeverity.Critical => Critical,
        ComplaintSeverity.High => High,
        ComplaintSeverity.Medium => Medium,
        _ => Low,
    };

    /// <summary>The working time a complaint of this severity is given for a standard of <paramref name="hours"/> (whole seconds).</summary>
    public TimeSpan Target(int hours, ComplaintSeverity severity) => Seconds(Math.Max(60, hours * 3600d * Factor(severity)));

    /// <summary>The working time used when the warning goes out.</summary>
    public TimeSpan WarningAt(TimeSpan target) => Seconds(target.TotalSeconds * WarnAt);

    /// <summary>The working time used when escalation <paramref name="level"/> (1–4) fires: the target, then another step per level.</summary>
    public TimeSpan EscalationAt(TimeSpan target, int level) => target + Seconds(target.TotalSeconds * EscalationStep * (level - 1));

    /// <summary>The highest escalation level reached once <paramref name="used"/> of <paramref name="target"/> is used (0: none).</summary>
    public int LevelReached(TimeSpan used, TimeSpan target)
    {
        var level = 0;
        while (level < Levels && used >= EscalationAt(target, level + 1))
            level++;
        return level;
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(Math.Round(seconds));

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (new[] { Low, Medium, High, Critical }.Any(f => double.IsNaN(f) || f is < 0.05 or > 1))
            errors.Add(ComplaintErrors.Factor);
        if (double.IsNaN(WarnAt) || WarnAt is < 0.1 or > 0.99)
            errors.Add(ComplaintErrors.WarnAt);
        if (double.IsNaN(EscalationStep) || EscalationStep is < 0.1 or > 5)
            errors.Add(ComplaintErrors.EscalationStep);
        return errors;
    }
}
