using Guanxi.Domain.Improvement;

namespace Guanxi.Web.Features.Improvement;

public sealed record MeasureSourceBody(string? Kind, Guid? Id);

public sealed record RaiseMeasureBody(MeasureSourceBody? Source, string? Title, string? Description, Guid? DepartmentId);

public sealed record OpinionBody(string? Opinion, Guid? DepartmentId);

public sealed record AnalysisBody(IReadOnlyList<string>? Causes, string? CauseCategory, string? Suggestion);

public sealed record ContainmentBody(string? Action);

public sealed record PlannedActionBody(string? Title, string? OwnerId, DateOnly? DueOn);

public sealed record PlanBody(IReadOnlyList<PlannedActionBody?>? Actions, DateOnly? DueOn);

public sealed record PlanChangeBody(string? Reason, IReadOnlyList<PlannedActionBody?>? Actions, DateOnly? DueOn);

public sealed record DeadlineBody(DateOnly? DueOn, string? Reason);

public sealed record InspectionBody(string? Note, int? Progress);

public sealed record ActionDoneBody(string? Note);

public sealed record AcceptanceBody(bool? Accepted, string? Note);

public sealed record PenaltyBody(string? StaffId, Guid? DepartmentId, string? Rule, string? Note);

public sealed record InvolveBody(Guid? DepartmentId, string? Part);

public sealed record CoordinationBody(Guid? DepartmentId, string? Note);

public sealed record ReasonBody(string? Reason);

public sealed record MetricBody(string? Kind, string? Key, Guid? DepartmentId);

/// <summary>Where a measure came from, as the caller may read it: the problem's words for those who see the source (SAT-6), its kind for others.</summary>
public sealed record MeasureSourceView(MeasureSourceKind Kind, string KindText, Guid? Id, string? Text, string? Link);

public sealed record MeasureActionView(Guid Id, string Title, string OwnerId, string Owner, DateOnly DueOn, DateOnly? DoneOn, string? DoneById, string? DoneBy, string? Note,
    bool Superseded, bool Overdue, bool CanComplete);

public sealed record MeasureInvolvementView(Guid DepartmentId, string? Department, string Part, DateTimeOffset InvolvedAt, DateTimeOffset? ConfirmedAt, string? ConfirmedBy,
    string? Note, DateTimeOffset? EscalatedAt, bool CanConfirm);

public sealed record MeasureAcceptanceView(AcceptanceParty Party, string PartyText, bool? Accepted, string? Note, string? ById, string? By, DateTimeOffset? At);

public sealed record MeasurePenaltyView(Guid Id, string? StaffId, string? Staff, Guid DepartmentId, string? Department, string Rule, string? Note, string ProposedById,
    string ProposedBy, DateTimeOffset ProposedAt);

public sealed record MeasureStepView(Guid Id, MeasureStepKind Kind, string KindText, string ById, string By, DateTimeOffset At, string? Note, Guid? DepartmentId,
    string? Department, DateOnly? DueOn, int? Progress, AcceptanceParty? Party, string? PartyText, IReadOnlyList<MeasurePhotoView> Photos);

public sealed record MeasureMetricView(EffectMetricKind Kind, string Key, Guid DepartmentId, string? Department);

/// <summary>What the caller may do with the measure now (the page shows these buttons; the handlers decide).</summary>
public sealed record MeasureCan(bool Opinion, bool Sign, bool Analyse, bool Plan, bool ChangePlan, bool CorrectDeadline, bool Inspect, AcceptanceParty? Accept, bool Penalty,
    bool Reopen, bool Involve, bool Metric);

public sealed record MeasureView(
    Guid Id, string Number, MeasureSourceView Source, string Title, string Description, Guid DepartmentId, string? Department, MeasureStatus Status, string StatusText,
    string ReportedById, string ReportedBy, DateTimeOffset ReportedAt,
    string? Opinion, string? OpinionById, string? OpinionBy, DateTimeOffset? OpinionAt,
    string? SignedById, string? SignedBy, DateTimeOffset? SignedAt, DateOnly? PlanDueOn, bool PlanOverdue, bool PlanLate,
    IReadOnlyList<string> Causes, CauseCategory? CauseCategory, string? CauseCategoryText, string? Suggestion, DateTimeOffset? AnalysedAt, bool AnalysisCurrent,
    string? Containment, DateTimeOffset? PlannedAt, DateOnly? DueOn, bool Overdue, bool MissedDeadline, DateOnly? ActionsDoneOn, DateTimeOffset? ClosedAt, int Round,
    IReadOnlyList<MeasureActionView> Actions, IReadOnlyList<MeasureInvolvementView> Involvements, IReadOnlyList<MeasureAcceptanceView> Acceptances,
    IReadOnlyList<MeasurePenaltyView> Penalties, MeasureMetricView? Metric, IReadOnlyList<MeasureStepView> Steps, MeasureCan Can, Guid Version);

public sealed record MeasureRow(Guid Id, string Number, string Title, MeasureSourceKind SourceKind, string SourceText, Guid DepartmentId, string? Department,
    MeasureStatus Status, string StatusText, DateOnly ReportedOn, DateOnly? PlanDueOn, DateOnly? DueOn, bool Overdue, bool PlanLate, CauseCategory? CauseCategory,
    int Actions, int ActionsDone, Guid Version);

/// <summary>The register's counts (issue 24 item 9) over the measures in the caller's sight.</summary>
public sealed record MeasureCounts(int Open, int DueThisWeek, int Overdue, int AwaitingAcceptance, int Closed);

public sealed record MeasureRegister(IReadOnlyList<MeasureRow> Items, int Total, int Page, int PageSize, MeasureCounts Counts);

/// <summary>A measure about to be raised from a problem: the problem's department and words, and the measure it already has (if any).</summary>
public sealed record MeasureDraft(MeasureSourceKind Kind, Guid SourceId, Guid DepartmentId, string Text, Guid? ExistingMeasureId);
