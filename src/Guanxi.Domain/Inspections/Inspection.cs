using Guanxi.Domain.Common;

namespace Guanxi.Domain.Inspections;

/// <summary>An item's outcome: 合格 or 不合格.</summary>
public enum ItemOutcome
{
    Pass,
    Fail,
}

/// <summary>One line of a checklist as the inspector fills it: the item, pass or fail, a note (required when it fails).</summary>
public sealed record ResultLine(Guid ItemId, ItemOutcome? Result, string? Note);

/// <summary>An item's result in a carried-out inspection, with the item's name as it was then.</summary>
public sealed class InspectionResult
{
#pragma warning disable CS8618 // set by EF Core when loading, by the inspection when recorded
    private InspectionResult()
    {
    }
#pragma warning restore CS8618

    public Guid InspectionId { get; private set; }
    public Guid ItemId { get; private set; }

    /// <summary>The item's place in the checklist (from 0).</summary>
    public int Position { get; private set; }
    public string Name { get; private set; }
    public bool Passed { get; private set; }
    public string? Note { get; private set; }

    internal static InspectionResult Of(Guid inspectionId, int position, ChecklistItem item, bool passed, string? note) =>
        new() { InspectionId = inspectionId, ItemId = item.Id, Position = position, Name = item.Name, Passed = passed, Note = note };
}

/// <summary>
/// CAPA-8: one 专项检查 of a plan, scheduled on a day of a month (the month's N-th of the plan) and assigned to the plan's
/// inspector, with the plan's checklist as it was when scheduled — or when the plan last changed before it was carried
/// out. Carried out once: every item of the checklist pass or fail with a note (a failed item needs one); each failed
/// item raises a <see cref="Finding"/> followed to closure. Overdue while not done after its day.
/// </summary>
public sealed class Inspection
{
    public const int MaxNoteLength = 500;

    private readonly List<InspectionResult> results = [];

#pragma warning disable CS8618 // set by EF Core when loading, by Schedule when made
    private Inspection()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string Post { get; private set; }

    /// <summary>The month it is one of the plan's inspections of (its first day).</summary>
    public DateOnly Month { get; private set; }

    /// <summary>Which of the month's inspections of the plan it is (1…N): with the plan and the month, what makes the schedule idempotent.</summary>
    public int Sequence { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string InspectorId { get; private set; }
    public IReadOnlyList<ChecklistItem> Checklist { get; private set; }
    public DateTimeOffset ScheduledAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneById { get; private set; }
    public int PassedCount { get; private set; }
    public int FailedCount { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyList<InspectionResult> Results => results;

    public bool IsDone => DoneAt is not null;

    public bool IsOverdue(DateOnly today) => !IsDone && DueOn < today;

    public static Inspection Schedule(InspectionPlan plan, DateOnly month, int sequence, DateOnly on, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Inspection
        {
            Id = Guid.CreateVersion7(), PlanId = plan.Id, DepartmentId = plan.DepartmentId, Post = plan.Post, Month = InspectionSchedule.FirstOf(month), Sequence = sequence,
            DueOn = on, InspectorId = plan.InspectorId, Checklist = plan.Items, ScheduledAt = Instants.Utc(now), Version = Guid.NewGuid(),
        };
    }

    /// <summary>
    /// The plan changed before this inspection was carried out: it takes the plan's post, checklist and inspector (a
    /// carried-out inspection keeps what it was done with). True when anything changed.
    /// </summary>
    public bool Follow(InspectionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (IsDone || (Post == plan.Post && InspectorId == plan.InspectorId && Checklist.SequenceEqual(plan.Items)))
            return false;
        (Post, InspectorId, Checklist, Version) = (plan.Post, plan.InspectorId, plan.Items, Guid.NewGuid());
        return true;
    }

    /// <summary>The plan's frequency changed: a not-yet-done inspection moves to its new day. True when it moved.</summary>
    public bool MoveTo(DateOnly on)
    {
        if (IsDone || DueOn == on)
            return false;
        (DueOn, Version) = (on, Guid.NewGuid());
        return true;
    }

    /// <summary>
    /// The inspector's results, once: every item of the checklist exactly once, pass or fail, a note of at most 500
    /// characters (required for a failed item) — each error on its line (<c>items[2].note</c>), a missing item on
    /// <c>items</c>. Answers the findings of the failed items, for the caller to save with the inspection.
    /// </summary>
    public Result<IReadOnlyList<Finding>> Record(IReadOnlyList<ResultLine> lines, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (IsDone)
            return InspectionErrors.AlreadyDone;
        var errors = new List<Error>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
            {
                errors.Add(InspectionErrors.ItemUnknown.At($"items[{i}]"));
                continue;
            }
            if (!Checklist.Any(c => c.Id == line.ItemId))
                errors.Add(InspectionErrors.ItemUnknown.At($"items[{i}].itemId"));
            else if (!seen.Add(line.ItemId))
                errors.Add(InspectionErrors.ItemGivenTwice.At($"items[{i}].itemId"));
            if (line.Result is null)
                errors.Add(InspectionErrors.OutcomeRequired.At($"items[{i}].result"));
            var note = line.Note?.Trim();
            if (note?.Length > MaxNoteLength)
                errors.Add(InspectionErrors.NoteTooLong.At($"items[{i}].note"));
            else if (line.Result == ItemOutcome.Fail && string.IsNullOrEmpty(note))
                errors.Add(InspectionErrors.FailNeedsNote.At($"items[{i}].note"));
        }
        if (Checklist.Where(c => !lines.Any(l => l?.ItemId == c.Id)).Select(c => c.Name).ToList() is { Count: > 0 } missing)
            errors.Add(InspectionErrors.ItemsMissing(missing));
        if (errors.Count > 0)
            return Result<IReadOnlyList<Finding>>.Fail(errors);

        now = Instants.Utc(now);
        var findings = new List<Finding>();
        for (var position = 0; position < Checklist.Count; position++)
        {
            var item = Checklist[position];
            var line = lines.Single(l => l.ItemId == item.Id);
            var note = string.IsNullOrWhiteSpace(line.Note) ? null : line.Note.Trim();
            var result = InspectionResult.Of(Id, position, item, line.Result == ItemOutcome.Pass, note);
            results.Add(result);
            if (!result.Passed)
                findings.Add(Finding.Raise(this, result, by, now));
        }
        (DoneAt, DoneById, PassedCount, FailedCount, Version) = (now, by.Id, results.Count(r => r.Passed), results.Count(r => !r.Passed), Guid.NewGuid());
        return findings;
    }
}
