using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

/// <summary>A plan's actions as a body gives them: every owner an active member of staff (named on the action's field when not).</summary>
public static class MeasurePlans
{
    public sealed record ReadPlan(IReadOnlyList<PlannedAction?> Actions, IReadOnlyList<Error> Errors);

    public static async Task<ReadPlan> Read(MeasureDesk desk, IReadOnlyList<PlannedActionBody?>? given, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        if (given is null || given.Count > Measure.MaxActions)
            return new ReadPlan(given is null ? [] : [.. given.Select(_ => (PlannedAction?)null)], []);   // the entity names what is wrong with the list
        var active = await desk.ActiveStaff(given.Select(a => a?.OwnerId), cancellationToken);
        var errors = new List<Error>();
        for (var i = 0; i < given.Count; i++)
        {
            if (given[i] is { OwnerId: { Length: > 0 } owner } && !string.IsNullOrWhiteSpace(owner) && !active.Contains(owner))
                errors.Add(MeasureErrors.ActionOwnerUnknown.At($"actions[{i}].ownerId"));
            if (given[i] is { DueOn: null })
                errors.Add(MeasureErrors.ActionDueRequired.At($"actions[{i}].dueOn"));
        }
        return new ReadPlan([.. given.Select(a => a is null ? null : new PlannedAction(a.Title ?? "", a.OwnerId ?? "", a.DueOn ?? DateOnly.MinValue))], errors);
    }

    /// <summary>Every reason a plan is refused: the owners and days the body lacks, then the entity's rules on the fields not already named.</summary>
    public static IReadOnlyList<Error> Check(ReadPlan read, DateOnly? dueOn, DateOnly today, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Errors.Count == 0)
            return [];
        return [.. read.Errors, .. Measure.CheckPlan(read.Actions, dueOn, today, allowEmpty).Where(e => !read.Errors.Any(r => r.Field == e.Field))];
    }

    /// <summary>The plan in one line for a notice: each open action with its owner's day, and the deadline.</summary>
    public static string Text(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return string.Join("；", measure.CurrentActions.Where(a => !a.IsDone).Select(a => $"{a.Title}（{a.DueOn:yyyy-MM-dd}）")) + $"；完成期限 {measure.DueOn:yyyy-MM-dd}";
    }
}
