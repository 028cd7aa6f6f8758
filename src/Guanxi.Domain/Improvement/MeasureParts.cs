namespace Guanxi.Domain.Improvement;

/// <summary>Where a measure came from (CAPA-1): a problem another part of the CRM raised, or by hand.</summary>
public enum MeasureSourceKind
{
    SurveyProblem,
    Complaint,
    CrisisWarning,
    InspectionFinding,
    Manual,
}

/// <summary>The tracking sheet's steps, in order (a reopened measure goes back to its cause and plan).</summary>
public enum MeasureStatus
{
    Reported,
    OpinionGiven,
#pragma warning disable CA1720 // "signed" is the tracking sheet's word (签收), and the API's status value
    Signed,
#pragma warning restore CA1720
    Planned,
    InProgress,
    AwaitingAcceptance,
    Closed,
    Reopened,
}

/// <summary>The cause's category: 人、机、料、法、环、测 and other.</summary>
public enum CauseCategory
{
    People,
    Machine,
    Material,
    Method,
    Environment,
    Measurement,
    Other,
}

/// <summary>CAPA-6: the three who accept a measure together.</summary>
public enum AcceptanceParty
{
    ExecutiveVp,
    CustomerService,
    Department,
}

public enum MeasureStepKind
{
    Reported,
    Opinion,
#pragma warning disable CA1720 // 签收
    Signed,
#pragma warning restore CA1720
    Analysed,
    Contained,
    Planned,
    PlanLate,
    PlanChanged,
    DeadlineCorrected,
    Involved,
    CoordinationConfirmed,
    CoordinationEscalated,
    Inspected,
    ActionDone,
    Accepted,
    NotAccepted,
    Closed,
    Reopened,
    PenaltyProposed,
    MetricSet,
}

/// <summary>One action of the plan: what, who answers for it, by when, and when and how it was done.</summary>
public sealed class MeasureAction
{
    public const int MaxTitleLength = 200;

#pragma warning disable CS8618 // set by EF Core when loading, by Measure when created
    private MeasureAction()
    {
    }
#pragma warning restore CS8618

    internal MeasureAction(Guid measureId, PlannedAction planned) =>
        (Id, MeasureId, Title, OwnerId, DueOn) = (Guid.CreateVersion7(), measureId, planned.Title.Trim(), planned.OwnerId, planned.DueOn);

    public Guid Id { get; private set; }
    public Guid MeasureId { get; private set; }
    public string Title { get; private set; }
    public string OwnerId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneById { get; private set; }
    public string? DoneNote { get; private set; }

    /// <summary>Replaced by a change of plan or a reopening before it was done (kept in the history, no longer counted).</summary>
    public bool Superseded { get; private set; }

    public bool IsDone => DoneAt is not null;

    internal void Done(string byId, DateTimeOffset now, DateOnly today, string? note) => (DoneAt, DoneOn, DoneById, DoneNote) = (now, today, byId, note);

    internal void Supersede() => Superseded = true;
}

/// <summary>An action as a plan names it.</summary>
public sealed record PlannedAction(string Title, string OwnerId, DateOnly DueOn);

/// <summary>
/// One step on the tracking sheet, append-only: who, when, what was said, and what the step is about (the department
/// named, a deadline, the progress seen, a party's acceptance).
/// </summary>
public sealed class MeasureStep
{
    public const int MaxNoteLength = 2000;

#pragma warning disable CS8618 // set by EF Core when loading, by Measure when created
    private MeasureStep()
    {
    }
#pragma warning restore CS8618

    internal MeasureStep(Guid measureId, MeasureStepKind kind, string byId, DateTimeOffset at, string? note) =>
        (Id, MeasureId, Kind, ById, At, Note) = (Guid.CreateVersion7(), measureId, kind, byId, at, note);

    public Guid Id { get; private set; }
    public Guid MeasureId { get; private set; }
    public MeasureStepKind Kind { get; private set; }
    public string ById { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Note { get; private set; }
    public Guid? DepartmentId { get; internal set; }
    public DateOnly? DueOn { get; internal set; }
    public int? Progress { get; internal set; }
    public AcceptanceParty? Party { get; internal set; }
    public Guid? ActionId { get; internal set; }
}

/// <summary>CAPA-6: a party's signature in the current round of acceptance (a reopening starts a new round).</summary>
public sealed class MeasureAcceptance
{
#pragma warning disable CS8618 // set by EF Core when loading, by Measure when created
    private MeasureAcceptance()
    {
    }
#pragma warning restore CS8618

    internal MeasureAcceptance(Guid measureId, int round, AcceptanceParty party) => (Id, MeasureId, Round, Party, ById) = (Guid.CreateVersion7(), measureId, round, party, "");

    public Guid Id { get; private set; }
    public Guid MeasureId { get; private set; }
    public int Round { get; private set; }
    public AcceptanceParty Party { get; private set; }
    public bool Accepted { get; private set; }
    public string? Note { get; private set; }
    public string ById { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal void Sign(bool accepted, string? note, string byId, DateTimeOffset at) => (Accepted, Note, ById, At) = (accepted, note, byId, at);
}

/// <summary>CAPA-4: another department a measure involves, its part, and whether it confirmed it.</summary>
public sealed class MeasureInvolvement
{
    public const int MaxPartLength = 500;

#pragma warning disable CS8618 // set by EF Core when loading, by Measure when created
    private MeasureInvolvement()
    {
    }
#pragma warning restore CS8618

    internal MeasureInvolvement(Guid measureId, Guid departmentId, string part, DateTimeOffset at) =>
        (Id, MeasureId, DepartmentId, Part, InvolvedAt) = (Guid.CreateVersion7(), measureId, departmentId, part, at);

    public Guid Id { get; private set; }
    public Guid MeasureId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string Part { get; private set; }
    public DateTimeOffset InvolvedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? ConfirmedById { get; private set; }
    public string? ConfirmNote { get; private set; }

    /// <summary>When the coordination was escalated to the executive VP (by the department, or by the job when it stayed unconfirmed).</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    internal void Confirm(string byId, string? note, DateTimeOffset at) => (ConfirmedAt, ConfirmedById, ConfirmNote) = (at, byId, note);

    internal void Escalate(DateTimeOffset at) => EscalatedAt = at;
}

/// <summary>
/// CAPA-7: a penalty the executive VP proposes under a rule of the company's reward and penalty scheme, for a person
/// and their department; kept for the staff assessment.
/// </summary>
public sealed class MeasurePenalty
{
    public const int MaxRuleLength = 200;

#pragma warning disable CS8618 // set by EF Core when loading, by Measure when created
    private MeasurePenalty()
    {
    }
#pragma warning restore CS8618

    internal MeasurePenalty(Guid measureId, string? staffId, Guid departmentId, string rule, string? note, string byId, DateTimeOffset at) =>
        (Id, MeasureId, StaffId, DepartmentId, Rule, Note, ProposedById, ProposedAt) = (Guid.CreateVersion7(), measureId, staffId, departmentId, rule, note, byId, at);

    public Guid Id { get; private set; }
    public Guid MeasureId { get; private set; }
    public string? StaffId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string Rule { get; private set; }
    public string? Note { get; private set; }
    public string ProposedById { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
}

/// <summary>
/// The improvement settings: how many working days a department has to set its plan after signing (CAPA-3, default 3),
/// and how many an involved department has to confirm its part before the coordination goes to the executive VP (CAPA-4).
/// </summary>
public sealed record ImprovementPolicy(int PlanWorkingDays = 3, int CoordinationWorkingDays = 3)
{
    public const string SettingsKey = "improvement.policy";

    public IReadOnlyList<Common.Error> Validate()
    {
        var errors = new List<Common.Error>();
        if (PlanWorkingDays is < 1 or > 30)
            errors.Add(MeasureErrors.PlanDaysOutOfRange);
        if (CoordinationWorkingDays is < 1 or > 30)
            errors.Add(MeasureErrors.CoordinationDaysOutOfRange);
        return errors;
    }
}
