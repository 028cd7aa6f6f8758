using Guanxi.Domain.Complaints;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;
using Guanxi.Web.Features.Surveys;

namespace Guanxi.Web.Features.Complaints;

/// <summary>POST /api/complaints: a complaint or inquiry as received (the order is optional and must be the customer's).</summary>
public sealed record ComplaintBody(
    Guid CustomerId, ContactChannel? Channel, string? Category, ComplaintSeverity? Severity, Touchpoint? Touchpoint, string? Summary, string? Details, Guid? OrderId);

/// <summary>The answer to POST /api/complaints: its status, the tier its times come from and the times.</summary>
public sealed record ReceivedComplaint(Guid Id, ComplaintStatus Status, Tier Tier, DateTimeOffset ResponseDueAt, DateTimeOffset ResolutionDueAt);

public sealed record AssignBody(string? StaffId);

public sealed record NoteBody(string? Note);

public sealed record ReasonBody(string? Reason);

public sealed record ResolveBody(string? Resolution, string? Note, bool NeedsImprovement);

public sealed record CloseBody(bool? CustomerSatisfied, string? Note);

/// <summary>POST /api/complaints/{id}/satisfaction-check: an optional note for the callback specialist.</summary>
public sealed record CheckBody(string? Note);

/// <summary>
/// SVC-2: the complaint's satisfaction check through the survey engine — who asked (<c>requestedById</c>, the name) and when,
/// the survey task (<c>status</c> as the engine knows it: pending, overdue, completed, incomplete, unreachable, falseArchive;
/// due, who calls, calls made), and once answered: <c>satisfied</c> (false when the overall score is below the engine's
/// threshold or the problem is not really solved), the overall answer as given (8/10) and its score (0–100), <c>solved</c>,
/// every answer and the comment; for an invalid questionnaire, what happened (<c>invalidNote</c>).
/// </summary>
public sealed record SatisfactionCheckView(
    Guid TaskId, DateTimeOffset RequestedAt, string RequestedById, string RequestedBy, string? Note, SurveyTaskStatus Status, string StatusText, DateOnly Due,
    string? AssigneeId, string? Assignee, int Attempts, DateOnly? AnsweredOn, bool? Satisfied, string? Overall, double? Score, bool? Solved,
    IReadOnlyList<AnsweredQuestion> Answers, string? Comment, string? InvalidNote);

/// <summary>One step of the handling: who (<c>byId</c>, and the name), when, what was said; an assignment's assignee, an escalation's level and time, a satisfaction check's verdict.</summary>
public sealed record ComplaintStepView(ComplaintStepKind Kind, string KindText, string ById, string By, DateTimeOffset At, string? Note, string? AssigneeId, string? Assignee, int? Level, SlaTarget? Target,
    bool? Satisfied = null);

/// <summary>
/// A complaint with its steps. <c>hoursLeft</c>: working hours left on the pending time (the response until answered,
/// then the resolution; negative when overdue; while on hold, what was left when the clock stopped). <c>pausedHours</c>:
/// working hours the clock stood still, the current pause included. <c>actions</c>: what the caller may do now.
/// <c>check</c>: the satisfaction check asked once it was handled (null when none was).
/// </summary>
public sealed record ComplaintView(
    Guid Id, Guid CustomerId, string CustomerName, string? CustomerPhone, Guid DepartmentId, string? DepartmentName, string? StaffId, string? StaffName,
    Guid? OrderId, string? OrderNo, Tier Tier, ContactChannel Channel, string Category, string CategoryName, ComplaintSeverity Severity, Touchpoint Touchpoint,
    string Summary, string? Details, ComplaintStatus Status, string? AssigneeId, string? AssigneeName, string ReceivedById, string ReceivedBy, DateTimeOffset ReceivedAt,
    DateTimeOffset ResponseDueAt, DateTimeOffset ResolutionDueAt, DateTimeOffset? RespondedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt,
    DateTimeOffset? HeldSince, double PausedHours, SlaTarget? Pending, double? HoursLeft, bool Overdue, bool ResponseMissed, bool ResolutionMissed, int EscalationLevel,
    string? Resolution, bool NeedsImprovement, bool? CustomerSatisfied, int ReopenCount, Guid Version,
    IReadOnlyList<ComplaintAction> Actions, IReadOnlyList<ComplaintStepView> Steps, SatisfactionCheckView? Check = null);

/// <summary>A complaint in a list, with its SLA at a glance (<c>hoursLeft</c>, <c>overdue</c>, <c>heldSince</c> as in <see cref="ComplaintView"/>).</summary>
public sealed record ComplaintRow(
    Guid Id, Guid CustomerId, string CustomerName, Guid DepartmentId, string? DepartmentName, string Category, string CategoryName, ComplaintSeverity Severity,
    ComplaintStatus Status, Tier Tier, ContactChannel Channel, Touchpoint Touchpoint, string Summary, string? AssigneeName, DateTimeOffset ReceivedAt,
    DateTimeOffset ResponseDueAt, DateTimeOffset ResolutionDueAt, DateTimeOffset? RespondedAt, DateTimeOffset? HeldSince, SlaTarget? Pending, double? HoursLeft,
    bool Overdue, int EscalationLevel, int ReopenCount);

/// <summary>GET /api/complaints's filters: status, category (with its children), severity, overdue, the complaint's department; paged.</summary>
public sealed record ComplaintQuery(ComplaintStatus? Status = null, string? Category = null, ComplaintSeverity? Severity = null, bool Overdue = false, Guid? DepartmentId = null, int? Page = null, int? PageSize = null);

/// <summary>A problem for improvement (a complaint resolved as needing a measure, a crisis warning) with its source and department.</summary>
public sealed record ServiceProblemView(Guid Id, ServiceProblemKind Kind, Guid SourceId, Guid DepartmentId, string? DepartmentName, Guid? CustomerId, string? CustomerName, string Description, DateTimeOffset RaisedAt);
