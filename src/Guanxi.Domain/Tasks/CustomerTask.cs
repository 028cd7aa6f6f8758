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

    /// <summary>What a follow-up learnt (SVC-4): set when a care call or follow-up is completed with its notes.</summary>
    public FollowUpNotes? FollowUp { get; private set; }

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

    /// <summary>
    /// SVC-4: a care call or follow-up done, with how the customer uses the product, new needs, their feedback and
    /// whether it is a sales opportunity; the outcome in the list is the feedback (else the usage, else the needs).
    /// </summary>
    public Result<CustomerTask> CompleteFollowUp(FollowUpNotes notes, string byId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (!FollowUpPlan.IsFollowUp(Kind))
            return TaskErrors.NotAFollowUp;
        if (DoneAt is not null)
            return TaskErrors.AlreadyDone;
        var errors = notes.Validate();
        if (errors.Count > 0)
            return Result<CustomerTask>.Fail(errors);
        var clean = notes.Trimmed();
        var outcome = clean.Feedback ?? clean.Usage ?? clean.Needs!;
        (DoneAt, DoneById, Outcome, FollowUp) = (now, byId, outcome.Length > MaxOutcomeLength ? outcome[..MaxOutcomeLength] : outcome, clean);
        return this;
    }
}

/// <summary>SVC-4: what a follow-up learnt — usage, new needs, feedback, and a sales opportunity kept for the sales capability.</summary>
public sealed record FollowUpNotes(string? Usage, string? Needs, string? Feedback, bool Opportunity, string? OpportunityNote)
{
    public const int MaxLength = 1000;

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(Usage) && string.IsNullOrWhiteSpace(Needs) && string.IsNullOrWhiteSpace(Feedback))
            errors.Add(TaskErrors.FollowUpEmpty);
        foreach (var (field, text) in new[] { ("usage", Usage), ("needs", Needs), ("feedback", Feedback), ("opportunityNote", OpportunityNote) })
            if (text?.Trim().Length > MaxLength)
                errors.Add(TaskErrors.FollowUpTooLong.At(field));
        return errors;
    }

    public FollowUpNotes Trimmed() => new(Clean(Usage), Clean(Needs), Clean(Feedback), Opportunity, Clean(OpportunityNote));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public static class TaskErrors
{
    public static readonly Error AlreadyDone = Error.Conflict("task.done", "该任务已完成。", "The task is already done.");
    public static readonly Error OutcomeRequired = new("task.outcome_required", "请填写处理结果。", "Say what came of it.", "outcome");
    public static readonly Error OutcomeTooLong = new("task.outcome_too_long", "处理结果不能超过 500 字。", "The outcome cannot exceed 500 characters.", "outcome");
    public static readonly Error NotAFollowUp = Error.Conflict("task.not_follow_up", "该任务不是回访，请在“我的任务”中填写处理结果完成。", "This task is not a follow-up; complete it with its outcome in My tasks.");
    public static readonly Error FollowUpEmpty = new("task.follow_up_empty", "请至少填写使用情况、新需求或客户反馈中的一项。", "Say how the customer uses the product, a new need or their feedback.", "feedback");
    public static readonly Error FollowUpTooLong = new("task.follow_up_too_long", "每项内容不能超过 1000 字。", "Each note can have at most 1,000 characters.");
}
