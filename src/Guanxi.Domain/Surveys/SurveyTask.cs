using Guanxi.Domain.Common;

namespace Guanxi.Domain.Surveys;

/// <summary>SAT-7: how the answers were collected.</summary>
public enum SurveyMethod
{
    Phone,
    OnSite,
    Mail,
    Link,
}

/// <summary>A call that did not give a questionnaire, logged with the task.</summary>
public enum AttemptResult
{
    NoAnswer,
    Busy,
    WrongNumber,
    Refused,
    CallBack,
}

/// <summary>What the assignee still has to do with a survey task (SAT-2, SAT-3).</summary>
public enum SurveyStep
{
    /// <summary>Call (or take the answers otherwise) within the window.</summary>
    Survey,

    /// <summary>The window passed without a survey: no answer is taken any more; the case needs its reason.</summary>
    ExplainOverdue,

    /// <summary>Nothing: the task ended, or its window passed and the reason is recorded.</summary>
    None,
}

/// <summary>
/// A survey of one delivery or service job (SAT-1), made within its window (SAT-2) by the callback specialist it is
/// assigned to. It ends completed or invalid (SAT-5); within the window a second response supersedes the first (SAT-9).
/// </summary>
public sealed class SurveyTask
{
    public const int MaxNoteLength = 500;

#pragma warning disable CS8618 // set by EF Core when loading, by Open when created
    private SurveyTask()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public SurveyKind Kind { get; private set; }
    public Guid CustomerId { get; private set; }

    /// <summary>The delivery or service job surveyed; a program's task has one only when its population is of jobs.</summary>
    public Guid? OrderId { get; private set; }

    /// <summary>SAT-15/16: the program that drew the task; null for the routine sales and after-sales surveys.</summary>
    public Guid? ProgramId { get; private set; }
    public Guid DepartmentId { get; private set; }

    /// <summary>The staff member who served the customer (the order's): whose personal score the answers count for.</summary>
    public string? StaffId { get; private set; }
    public DateOnly DeliveredOn { get; private set; }
    public DateOnly Opens { get; private set; }
    public DateOnly Due { get; private set; }
    public string? AssigneeId { get; private set; }
    public SurveyOutcome Outcome { get; private set; }

    /// <summary>SAT-4: the day the survey counts from — its window's opening while pending, the day it ended after.</summary>
    public DateOnly SurveyedOn { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? CallBackAt { get; private set; }
    public string? OverdueReason { get; private set; }

    /// <summary>The response that counts (the last one).</summary>
    public Guid? ResponseId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The concurrency token: new with every call, response or reason a person records (not with an assignment).</summary>
    public Guid Version { get; private set; }

    public SurveyWindow Window => new(Opens, Due);

    public bool IsOverdue(DateOnly today) => Outcome == SurveyOutcome.Pending && Window.IsOverdueOn(today);

    /// <summary>
    /// SAT-2/3: a pending task is surveyed until its window's last day; after it no response is taken (<see cref="Respond"/>)
    /// and the case needs its reason instead, after which nothing is left to do.
    /// </summary>
    public SurveyStep NextStep(DateOnly today) => StepOf(Outcome, Due, OverdueReason is not null, today);

    /// <summary><see cref="NextStep"/> from a task's columns, for a list read without the entity.</summary>
    public static SurveyStep StepOf(SurveyOutcome outcome, DateOnly due, bool explained, DateOnly today) =>
        outcome != SurveyOutcome.Pending ? SurveyStep.None
        : today <= due ? SurveyStep.Survey
        : explained ? SurveyStep.None
        : SurveyStep.ExplainOverdue;

    public static SurveyTask Open(SurveyKind kind, Guid customerId, Guid? orderId, Guid departmentId, string? staffId, DateOnly deliveredOn, SurveyWindow window, string? assigneeId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), Kind = kind, CustomerId = customerId, OrderId = orderId, DepartmentId = departmentId, StaffId = staffId,
        DeliveredOn = deliveredOn, Opens = window.Opens, Due = window.Due, AssigneeId = assigneeId, Outcome = SurveyOutcome.Pending,
        SurveyedOn = window.Opens, CreatedAt = now, Version = Guid.NewGuid(),
    };

    /// <summary>A program's task (SAT-15/16): from the day the sample is drawn, for the program's window.</summary>
    public static SurveyTask ForProgram(SurveyProgram program, Guid customerId, Guid? orderId, Guid departmentId, string? staffId, DateOnly eventOn, DateOnly today, string? assigneeId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        var task = Open(SurveyKind.Program, customerId, orderId, departmentId, staffId, eventOn, new SurveyWindow(today, today.AddDays(program.WindowDays - 1)), assigneeId, now);
        task.ProgramId = program.Id;
        return task;
    }

    /// <summary>
    /// A task of a program <see cref="SurveyProgram.OnRequest"/> (SVC-2: a resolved complaint's satisfaction check): one
    /// customer, about the day of the event (the resolution), in the window given (<see cref="SurveyProgram.WindowOnRequest"/>).
    /// </summary>
    public static SurveyTask OnRequest(SurveyProgram program, Guid customerId, Guid departmentId, string? staffId, DateOnly eventOn, SurveyWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (!program.OnRequest)
            throw new ArgumentException($"Program {program.Id} draws its tasks: none is opened on request.", nameof(program));
        var task = Open(SurveyKind.Program, customerId, null, departmentId, staffId, eventOn, window, null, now);
        task.ProgramId = program.Id;
        return task;
    }

    public Result<SurveyTask> Attempt(AttemptResult result, DateTimeOffset? callBackAt, DateTimeOffset now)
    {
        Attempts++;
        (LastAttemptAt, Version) = (now, Guid.NewGuid());
        CallBackAt = result == AttemptResult.CallBack ? callBackAt : null;
        return this;
    }

    /// <summary>
    /// A response within the window (SAT-9): the first closes the task; a later one supersedes it — the last counts. After
    /// the window no response is taken: the case stays overdue, with its reason.
    /// </summary>
    public Result<SurveyTask> Respond(SurveyResponse response, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (today > Due)
            return SurveyErrors.WindowClosed;
        (Outcome, ResponseId, SurveyedOn, ClosedAt, CallBackAt, Version) = (response.Outcome, response.Id, today, now, null, Guid.NewGuid());
        response.ProgramId = ProgramId;
        return this;
    }

    /// <summary>SAT-3: a case not surveyed in time needs its reason for the monthly report.</summary>
    public Result<SurveyTask> ExplainOverdue(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxNoteLength)
            return SurveyErrors.OverdueReason;
        (OverdueReason, Version) = (reason.Trim(), Guid.NewGuid());
        return this;
    }

    public void AssignTo(string? assigneeId) => AssigneeId = assigneeId;
}
