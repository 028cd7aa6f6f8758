using Guanxi.Domain.Common;

namespace Guanxi.Domain.Tasks;

/// <summary>
/// Something an owner must do for a customer by a date (LIF-2's care call and win-back visit, ARC-6's review). It is
/// done once, with what came of it.
/// </summary>
public sealed class CustomerTask
{
    public const int MaxOutcomeLength = 500;

#pragma warning disable CS8618 // set by EF Core when loading, by Open when created
    private CustomerTask()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public CustomerTaskKind Kind { get; private set; }
    public string AssigneeId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string Note { get; private set; }
    public string NoteEn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    /// <summary>The id of who did it (<see cref="Actor"/>).</summary>
    public string? DoneById { get; private set; }
    /// <summary>What an older version stored for who did it when no member of staff has that name (migration ActorsById).</summary>
    public string? DoneByText { get; private set; }
    public string? Outcome { get; private set; }

    public static CustomerTask Open(Guid customerId, CustomerTaskKind kind, string assigneeId, Guid departmentId, DateOnly dueOn, (string Zh, string En) note, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(), CustomerId = customerId, Kind = kind, AssigneeId = assigneeId, DepartmentId = departmentId,
            DueOn = dueOn, Note = note.Zh, NoteEn = note.En, CreatedAt = now,
        };

    public bool IsOverdue(DateOnly today) => DoneAt is null && DueOn < today;

    public Result<CustomerTask> Complete(string? outcome, string byId, DateTimeOffset now)
    {
        if (DoneAt is not null)
            return TaskErrors.AlreadyDone;
        if (string.IsNullOrWhiteSpace(outcome))
            return TaskErrors.OutcomeRequired;
        if (outcome.Trim().Length > MaxOutcomeLength)
            return TaskErrors.OutcomeTooLong;
        (DoneAt, DoneById, Outcome) = (now, byId, outcome.Trim());
        return this;
    }
}

public static class TaskErrors
{
    public static readonly Error AlreadyDone = new("task.done", "该任务已完成。", "The task is already done.");
    public static readonly Error OutcomeRequired = new("task.outcome_required", "请填写处理结果。", "Say what came of it.", "outcome");
    public static readonly Error OutcomeTooLong = new("task.outcome_too_long", "处理结果不能超过 500 字。", "The outcome cannot exceed 500 characters.", "outcome");
}
