namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>
/// One of a complaint's two times over the period's complaints: how many are decided (answered — or resolved — or still
/// waiting and already past the time), how many of those were answered within it (met = working time used ≤ the time
/// given), the met rate in percent, how many were answered, and the mean and p90 of the working hours they took.
/// </summary>
public sealed record ServiceTimes(int Decided, int Met, double? MetRate, int Done, double? AverageHours, double? P90Hours);

/// <summary>The complaints of one category, severity, touchpoint, channel, tier or department: how many, their share (percent), their times' met rates and mean resolution, how many were reopened.</summary>
public sealed record ServiceSlice(string Key, string Name, string? ParentKey, int Complaints, double? Share, double? ResponseMetRate, double? ResolutionMetRate,
    double? AverageResolutionHours, int Reopened);

/// <summary>A month of the trend (yyyy-MM in the enterprise's zone).</summary>
public sealed record ServiceMonth(string Month, int Complaints, int Resolved, double? ResponseMetRate, double? ResolutionMetRate, int Reopened);

/// <summary>A customer with several complaints in the period; out of the reader's sight by a masked name (王**) and no id.</summary>
public sealed record RepeatComplainer(Guid? CustomerId, string Name, int Complaints);

/// <summary>The check with the customer when a resolved complaint is closed: satisfied, not satisfied, not reached.</summary>
public sealed record SatisfactionChecks(int Closed, int Satisfied, int Dissatisfied, int NotReached, double? SatisfiedRate);

/// <summary>
/// SVC-2: the satisfaction checks asked through the survey engine after resolution, of the period's complaints: how many
/// were asked, answered (a completed questionnaire), invalid (not reached, incomplete, false archive), still pending
/// (overdue included); of the answered, how many satisfied and not (a low score or the problem not solved), the satisfied
/// rate (%), and the average overall score (0–100, the survey engine's index).
/// </summary>
public sealed record ResolutionChecks(int Requested, int Answered, int Invalid, int Pending, int Satisfied, int NotSatisfied, double? SatisfiedRate, double? AverageScore);

/// <summary>Survey answers of the period in one group: the responses that count, the completed ones, the index (mean overall score 0–100), satisfied rate (%), NPS, hidden problems.</summary>
public sealed record FeedbackScore(string Key, string Name, int Responses, int Completed, double? Index, double? SatisfiedRate, double? Nps, int HiddenProblems);

/// <summary>
/// SVC-9, SVC-11: the survey channel. Surveys carry no touchpoint of their own: the routine sales survey (after a delivery) is
/// the sale's, the after-sales survey the after-sale's, and a program's answers are shown by the program's name. By method:
/// phone, on site, mail, link.
/// </summary>
public sealed record SurveyFeedback(int Responses, IReadOnlyList<FeedbackScore> ByTouchpoint, IReadOnlyList<FeedbackScore> ByProgram, IReadOnlyList<FeedbackScore> ByMethod);

public sealed record ContactSlice(string Key, string Name, int Contacts, int Inbound, int Outbound);

/// <summary>SVC-1, SVC-11: the contacts recorded in the period by touchpoint and by channel, inbound and outbound.</summary>
public sealed record ContactFeedback(int Contacts, IReadOnlyList<ContactSlice> ByTouchpoint, IReadOnlyList<ContactSlice> ByChannel);

/// <summary>
/// The 服务分析 report of a period: the complaints received in it (every department's, or the reader's department's) — how
/// many, how many still open, the response and resolution times, reopened, the checks on closing and through the survey
/// engine after resolution (<see cref="ResolutionChecks"/>), by category, severity,
/// touchpoint, channel, tier, department and month, the repeat complainers — and the feedback channels: contacts and surveys.
/// </summary>
public sealed record ServiceReportView(
    DateOnly From, DateOnly To, Guid? DepartmentId, string? Department, int Complaints, int Open, ServiceTimes Response, ServiceTimes Resolution,
    int Reopened, double? ReopenRate, SatisfactionChecks Satisfaction,
    IReadOnlyList<ServiceSlice> ByCategory, IReadOnlyList<ServiceSlice> BySeverity, IReadOnlyList<ServiceSlice> ByTouchpoint, IReadOnlyList<ServiceSlice> ByChannel,
    IReadOnlyList<ServiceSlice> ByTier, IReadOnlyList<ServiceSlice> ByDepartment, IReadOnlyList<ServiceMonth> ByMonth, IReadOnlyList<RepeatComplainer> RepeatComplainers,
    ContactFeedback Contacts, SurveyFeedback Surveys, ResolutionChecks ResolutionChecks);
