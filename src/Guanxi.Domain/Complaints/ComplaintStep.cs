namespace Guanxi.Domain.Complaints;

public enum ComplaintStepKind
{
    Received,
    Assigned,
    Responded,
    Held,
    Resumed,
    Resolved,
    Closed,
    Reopened,
    Warned,
    Escalated,

    /// <summary>SVC-2: the customer's satisfaction check was asked for (a survey task).</summary>
    CheckAsked,

    /// <summary>SVC-2: the satisfaction check was answered (<see cref="ComplaintStep.Satisfied"/>) or the customer not reached.</summary>
    Checked,
}

/// <summary>Which of a complaint's two times a warning or an escalation is about.</summary>
public enum SlaTarget
{
    Response,
    Resolution,
}

/// <summary>
/// SVC-2, SVC-8: one step of a complaint's handling — who (a member of staff's id, or the system's for the SLA job's
/// warnings and escalations), when, and what was said. Append-only: a reopened complaint keeps every earlier step.
/// </summary>
public sealed class ComplaintStep
{
    public const int MaxNoteLength = 2000;

#pragma warning disable CS8618 // set by EF Core when loading, by Complaint when created
    private ComplaintStep()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public ComplaintStepKind Kind { get; private set; }

    /// <summary>A member of staff's id, or <see cref="Common.Actor.SystemId"/>.</summary>
    public string ById { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Note { get; private set; }

    /// <summary>An assignment's new assignee.</summary>
    public string? AssigneeId { get; private set; }

    /// <summary>An escalation's level (1–4).</summary>
    public int? Level { get; private set; }

    /// <summary>The time a warning or an escalation is about.</summary>
    public SlaTarget? Target { get; private set; }

    /// <summary>A satisfaction check's verdict: satisfied, not satisfied, or null when the customer was not reached.</summary>
    public bool? Satisfied { get; private set; }

    internal static ComplaintStep Of(Guid complaintId, ComplaintStepKind kind, string byId, DateTimeOffset at, string? note = null,
        string? assigneeId = null, int? level = null, SlaTarget? target = null, bool? satisfied = null) => new()
    {
        Id = Guid.CreateVersion7(), ComplaintId = complaintId, Kind = kind, ById = byId, At = at, AssigneeId = assigneeId, Level = level, Target = target, Satisfied = satisfied,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
    };
}
