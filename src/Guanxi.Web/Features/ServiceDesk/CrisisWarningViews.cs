using Guanxi.Domain.Service;

namespace Guanxi.Web.Features.ServiceDesk;

public sealed record CrisisPlanBody(string? Plan);

public sealed record CrisisCommunicationBody(string? To, string? What, DateTimeOffset? At);

public sealed record CrisisCloseBody(string? Note);

/// <summary>One communication as read: to whom, what, when, who recorded it (id and today's name) and when.</summary>
public sealed record CrisisCommunicationView(string To, string What, DateTimeOffset At, string ById, string By, DateTimeOffset RecordedAt);

/// <summary>A warning in the list: the series, its figures in words, whether it has a plan and how many communications.</summary>
public sealed record CrisisWarningRow(
    Guid Id, CrisisSeriesKind Kind, string SeriesKey, string SeriesName, SpikeWindow Window, int Observed, double Usual, string Figures,
    Guid DepartmentId, string? Department, DateTimeOffset RaisedAt, CrisisStatus Status, bool HasPlan, int Communications);

/// <summary>
/// A warning whole: the series and window, the figures it was raised with (observed, usual, p-value, the earlier windows'
/// counts, latest first), the department that answers for it, the plan, the communications, the closing, whether the
/// caller may handle it, and the version for If-Match.
/// </summary>
public sealed record CrisisWarningView(
    Guid Id, CrisisSeriesKind Kind, string SeriesKey, string SeriesName, SpikeWindow Window, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    int Observed, double Usual, double PValue, IReadOnlyList<int> Earlier, string Figures, Guid DepartmentId, string? Department, DateTimeOffset RaisedAt,
    CrisisStatus Status, string? Plan, string? PlanById, string? PlanBy, DateTimeOffset? PlanAt, IReadOnlyList<CrisisCommunicationView> Communications,
    string? ClosingNote, string? ClosedById, string? ClosedBy, DateTimeOffset? ClosedAt, bool CanHandle, Guid Version);
