using Guanxi.Domain.Complaints;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;

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

/// <summary>One step of the handling: who (<c>byId</c>, and the name), when, what was said; an assignment's assignee, an escalation's level and time.</summary>
public sealed record ComplaintStepView(ComplaintStepKind Kind, string KindText, string ById, string By, DateTimeOffset At, string? Note, string? AssigneeId, string? Assignee, int? Level, SlaTarget? Target);

/// <summary>
/// A complaint with its steps. <c>hoursLeft</c>: working hours left on the pending time (the response until answered,
/// then the resolution; negative when overdue; while on hold, what was left when the clock stopped). <c>pausedHours</c>:
/// working hours the clock stood still, the current pause included. <c>actions</c>: what the caller may do now.
/// </summary>
public sealed record ComplaintView(
    Guid Id, Guid CustomerId, string CustomerName, string? CustomerPhone, Guid DepartmentId, string? DepartmentName, string? StaffId, string? StaffName,
    Guid? OrderId, string? OrderNo, Tier Tier, ContactChannel Channel, string Category, string CategoryName, ComplaintSeverity Severity, Touchpoint Touchpoint,
    string Summary, string? Details, ComplaintStatus Status, string? AssigneeId, string? AssigneeName, string ReceivedById, string ReceivedBy, DateTimeOffset ReceivedAt,
    DateTimeOffset ResponseDueAt, DateTimeOffset ResolutionDueAt, DateTimeOffset? RespondedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt,
    DateTimeOffset? HeldSince, double PausedHours, SlaTarget? Pending, double? HoursLeft, bool Overdue, bool ResponseMissed, bool ResolutionMissed, int EscalationLevel,
    string? Resolution, bool NeedsImprovement, bool? CustomerSatisfied, int ReopenCount, Guid Version,
    IReadOnlyList<ComplaintAction> Actions, IReadOnlyList<ComplaintStepView> Steps);

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
