using Guanxi.Domain.Common;

namespace Guanxi.Domain.Inspections;

/// <summary>Where a finding stands: 待整改 (open), 已整改待复查 (fixed, awaiting its re-check), 已关闭 (closed: the re-check passed).</summary>
public enum FindingStatus
{
    Open,
    Fixed,
    Closed,
}

/// <summary>What a person may do with a finding (the API's actions and the page's buttons).</summary>
public enum FindingAction
{
    /// <summary>Name the member of staff who fixes it and the deadline.</summary>
    AssignOwner,
    Fix,
    Recheck,
}

public enum FindingStepKind
{
    Raised,
    OwnerAssigned,
    Fixed,
    RecheckFailed,
    RecheckPassed,
}

/// <summary>A step of a finding's way to closure: who, when, what they wrote, the owner and deadline named.</summary>
public sealed record FindingStep(FindingStepKind Kind, string ById, DateTimeOffset At, string? Note = null, string? OwnerId = null, DateOnly? DueOn = null);

/// <summary>
/// CAPA-8 (001 篇6 "联系相关部门负责人及时跟进处理，并最终闭环"): a failed item of an inspection, followed to closure like an
/// improvement measure — the department's manager (or the inspector) names its owner, a member of the department, and a
/// deadline; the owner records the fix; a re-check closes it when it passes and opens it again, with what was found, when
/// it fails. Overdue while open after its deadline. Every step is kept with who and when.
/// </summary>
public sealed class Finding
{
    public const int MaxNoteLength = 500;

    /// <summary>A deadline is at most about a year ahead.</summary>
    public const int MaxDeadlineDays = 366;

#pragma warning disable CS8618 // set by EF Core when loading, by Raise when made
    private Finding()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string Post { get; private set; }
    public Guid ItemId { get; private set; }

    /// <summary>The item's name when it was inspected.</summary>
    public string ItemName { get; private set; }

    /// <summary>What the inspector found.</summary>
    public string Note { get; private set; }

    /// <summary>Who inspected: they re-check it.</summary>
    public string InspectorId { get; private set; }

    /// <summary>The day the inspection was due (what it is one of).</summary>
    public DateOnly InspectionDueOn { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public FindingStatus Status { get; private set; }
    public string? OwnerId { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public string? FixNote { get; private set; }
    public DateTimeOffset? FixedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int RecheckCount { get; private set; }
    public IReadOnlyList<FindingStep> Steps { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>Open after its deadline (a fixed one waits for its re-check, not for its owner).</summary>
    public bool IsOverdue(DateOnly today) => Status == FindingStatus.Open && DueOn < today;

    internal static Finding Raise(Inspection inspection, InspectionResult result, Actor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), InspectionId = inspection.Id, PlanId = inspection.PlanId, DepartmentId = inspection.DepartmentId, Post = inspection.Post,
        ItemId = result.ItemId, ItemName = result.Name, Note = result.Note ?? "", InspectorId = inspection.InspectorId, InspectionDueOn = inspection.DueOn,
        RaisedAt = now, Status = FindingStatus.Open, Steps = [new FindingStep(FindingStepKind.Raised, by.Id, now, result.Note)], Version = Guid.NewGuid(),
    };

    /// <summary>Whether the finding's state allows the action (who may act is <see cref="InspectionAccess"/>'s).</summary>
    public bool Allows(FindingAction action) => action switch
    {
        FindingAction.AssignOwner => Status == FindingStatus.Open,
        FindingAction.Fix => Status == FindingStatus.Open && OwnerId is not null,
        _ => Status == FindingStatus.Fixed,
    };

    /// <summary>
    /// The owner (a member of the department: the caller checks) and the deadline, from today up to a year ahead; again
    /// to hand it to someone else or move the deadline while it is open.
    /// </summary>
    public Result<Done> AssignOwner(string ownerId, DateOnly? dueOn, Actor by, DateTimeOffset now, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        if (Refused(FindingAction.AssignOwner) is { } refused)
            return refused;
        if (dueOn is not { } due)
            return InspectionErrors.DeadlineRequired;
        if (due < today || due > today.AddDays(MaxDeadlineDays))
            return InspectionErrors.DeadlineRange;
        (OwnerId, DueOn) = (ownerId, due);
        return Step(new FindingStep(FindingStepKind.OwnerAssigned, by.Id, Instants.Utc(now), OwnerId: ownerId, DueOn: due));
    }

    /// <summary>The owner records what was done; it waits for its re-check.</summary>
    public Result<Done> Fix(string? note, Actor by, DateTimeOffset now)
    {
        if (Refused(FindingAction.Fix) is { } refused)
            return refused;
        if (Required(note, InspectionErrors.FixNoteRequired) is { } invalid)
            return invalid;
        now = Instants.Utc(now);
        (Status, FixNote, FixedAt) = (FindingStatus.Fixed, note!.Trim(), now);
        return Step(new FindingStep(FindingStepKind.Fixed, by.Id, now, FixNote));
    }

    /// <summary>The re-check of a fixed finding: passed closes it; failed opens it again with what was found (required).</summary>
    public Result<Done> Recheck(bool? passed, string? note, Actor by, DateTimeOffset now)
    {
        if (Refused(FindingAction.Recheck) is { } refused)
            return refused;
        if (passed is not { } verdict)
            return InspectionErrors.VerdictRequired;
        var text = note?.Trim();
        if (text?.Length > MaxNoteLength)
            return InspectionErrors.NoteTooLong.At("note");
        if (!verdict && string.IsNullOrEmpty(text))
            return InspectionErrors.RecheckNoteRequired;
        now = Instants.Utc(now);
        RecheckCount++;
        (Status, ClosedAt) = verdict ? (FindingStatus.Closed, now) : (FindingStatus.Open, (DateTimeOffset?)null);
        return Step(new FindingStep(verdict ? FindingStepKind.RecheckPassed : FindingStepKind.RecheckFailed, by.Id, now, string.IsNullOrEmpty(text) ? null : text));
    }

    private Error? Refused(FindingAction action) => Allows(action) ? null : InspectionErrors.FindingNotNow(action, Status);

    private static Error? Required(string? text, Error required) =>
        string.IsNullOrWhiteSpace(text) ? required : text.Trim().Length > MaxNoteLength ? InspectionErrors.NoteTooLong.At("note") : null;

    private Result<Done> Step(FindingStep step)
    {
        Steps = [.. Steps, step];
        Version = Guid.NewGuid();
        return Done.Value;
    }
}
