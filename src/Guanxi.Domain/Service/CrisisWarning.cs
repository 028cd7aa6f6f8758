using System.Globalization;
using Guanxi.Domain.Common;

namespace Guanxi.Domain.Service;

public enum CrisisStatus
{
    Open,
    Closed,
}

/// <summary>One thing communicated about a crisis: to whom, what, when it was said, and who recorded it when.</summary>
public sealed record CrisisCommunication(string To, string What, DateTimeOffset At, string ById, DateTimeOffset RecordedAt);

/// <summary>
/// SVC-3 危机预警: a category's (or a department's) complaints rose above their usual level in the last day or week. It
/// keeps the figures it was raised with (the count, the usual count, the p-value, the earlier windows' counts), the
/// response plan, what was communicated to whom, and the closing note. At most one is open per series and window.
/// </summary>
public sealed class CrisisWarning
{
    public const int MaxPlanLength = 4000;
    public const int MaxToLength = 200;
    public const int MaxWhatLength = 2000;
    public const int MaxNoteLength = 2000;
    public const int MaxCommunications = 200;
    public const int MaxKeyLength = 40;

    /// <summary>How far a communication's time may lie ahead of the clock (a phone's clock a little fast).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);

#pragma warning disable CS8618 // set by EF Core when loading, by Raise when created
    private CrisisWarning()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public CrisisSeriesKind Kind { get; private set; }

    /// <summary>The category's code, or the department's id.</summary>
    public string SeriesKey { get; private set; }

    /// <summary>The category's or department's name when raised (shown when it no longer has one).</summary>
    public string SeriesName { get; private set; }
    public SpikeWindow Window { get; private set; }
    public DateTimeOffset WindowStart { get; private set; }
    public DateTimeOffset WindowEnd { get; private set; }
    public int Observed { get; private set; }
    public double Usual { get; private set; }
    public double PValue { get; private set; }

    /// <summary>The counts of the same windows in the weeks before, the latest first.</summary>
    public IReadOnlyList<int> Earlier { get; private set; } = [];

    /// <summary>The department that answers for it: the department's own, or the one with most of the category's complaints in the window.</summary>
    public Guid DepartmentId { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public CrisisStatus Status { get; private set; }
    public string? Plan { get; private set; }
    public string? PlanById { get; private set; }
    public DateTimeOffset? PlanAt { get; private set; }
    public IReadOnlyList<CrisisCommunication> Communications { get; private set; } = [];
    public string? ClosingNote { get; private set; }
    public string? ClosedById { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid Version { get; private set; }

    public bool IsOpen => Status == CrisisStatus.Open;

    /// <summary>A warning for a series whose check fired, with the figures it fired on.</summary>
    public static CrisisWarning Raise(SpikeSeries series, SpikeCheck check, string seriesName, DateTimeOffset end, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentException.ThrowIfNullOrWhiteSpace(seriesName);
        if (!check.Fires)
            throw new ArgumentException("Only a check that fires raises a warning.", nameof(check));
        var (from, to) = SpikeWindows.Bounds(end, series.Window, 0);
        return new CrisisWarning
        {
            Id = Guid.CreateVersion7(), Kind = series.Kind, SeriesKey = series.Key, SeriesName = seriesName.Trim(), Window = series.Window,
            WindowStart = from, WindowEnd = to, Observed = check.Observed, Usual = Math.Round(check.Usual, 2), PValue = check.PValue,
            Earlier = [.. series.Earlier], DepartmentId = series.Department, RaisedAt = now.ToUniversalTime(), Status = CrisisStatus.Open, Version = Guid.NewGuid(),
        };
    }

    /// <summary>The response plan (written or revised while the warning is open).</summary>
    public Result<Done> SetPlan(string? plan, Actor by, DateTimeOffset now)
    {
        if (Refused() is { } closed)
            return closed;
        if (string.IsNullOrWhiteSpace(plan))
            return CrisisErrors.PlanRequired;
        if (plan.Trim().Length > MaxPlanLength)
            return CrisisErrors.PlanTooLong;
        (Plan, PlanById, PlanAt) = (plan.Trim(), by.Id, now.ToUniversalTime());
        return Changed();
    }

    /// <summary>What was communicated to whom and when (default now), recorded by <paramref name="by"/>.</summary>
    public Result<Done> Communicate(string? to, string? what, DateTimeOffset? at, Actor by, DateTimeOffset now)
    {
        if (Refused() is { } closed)
            return closed;
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(to))
            errors.Add(CrisisErrors.ToRequired);
        else if (to.Trim().Length > MaxToLength)
            errors.Add(CrisisErrors.ToTooLong);
        if (string.IsNullOrWhiteSpace(what))
            errors.Add(CrisisErrors.WhatRequired);
        else if (what.Trim().Length > MaxWhatLength)
            errors.Add(CrisisErrors.WhatTooLong);
        if (at > now + MaxAhead)
            errors.Add(CrisisErrors.AtInFuture);
        else if (at < WindowStart)
            errors.Add(CrisisErrors.AtBeforeWindow);
        if (Communications.Count >= MaxCommunications)
            errors.Add(CrisisErrors.TooManyCommunications);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        var said = new CrisisCommunication(to!.Trim(), what!.Trim(), (at ?? now).ToUniversalTime(), by.Id, now.ToUniversalTime());
        Communications = [.. Communications, said];
        return Changed();
    }

    /// <summary>Closed with a note: the crisis is over (or was none).</summary>
    public Result<Done> Close(string? note, Actor by, DateTimeOffset now)
    {
        if (Refused() is { } closed)
            return closed;
        if (string.IsNullOrWhiteSpace(note))
            return CrisisErrors.NoteRequired;
        if (note.Trim().Length > MaxNoteLength)
            return CrisisErrors.NoteTooLong;
        (Status, ClosingNote, ClosedById, ClosedAt) = (CrisisStatus.Closed, note.Trim(), by.Id, now.ToUniversalTime());
        return Changed();
    }

    private Error? Refused() => IsOpen ? null : CrisisErrors.Closed;

    private Result<Done> Changed()
    {
        Version = Guid.NewGuid();
        return Done.Value;
    }
}

/// <summary>SVC-3: a warning's figures in words, in Chinese and English: "维修质量类投诉近 7 天 23 起，平时每周约 6 起".</summary>
public static class CrisisTexts
{
    /// <param name="weeks">How many earlier weeks the usual level is the mean of.</param>
    public static string Figures(CrisisSeriesKind kind, string name, SpikeWindow window, int observed, double usual, int weeks, bool english)
    {
        var about = Usual(usual);
        if (english)
        {
            var what = kind == CrisisSeriesKind.Category ? $"{name} complaints" : $"Complaints in {name}";
            return window == SpikeWindow.Week
                ? $"{what}: {observed} in the last 7 days, usually about {about} a week."
                : $"{what}: {observed} in the last 24 hours, usually about {about} in the same hours of the same weekday ({weeks} weeks before).";
        }
        var subject = kind == CrisisSeriesKind.Category ? $"{name}类投诉" : $"{name}的投诉";
        return window == SpikeWindow.Week
            ? $"{subject}近 7 天 {observed} 起，平时每周约 {about} 起。"
            : $"{subject}近 24 小时 {observed} 起，前 {weeks} 周同日同时段平均约 {about} 起。";
    }

    public static string Figures(CrisisWarning warning, string name, bool english)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return Figures(warning.Kind, name, warning.Window, warning.Observed, warning.Usual, warning.Earlier.Count, english);
    }

    public static string Title(CrisisSeriesKind kind, string name, bool english) => english
        ? kind == CrisisSeriesKind.Category ? $"Crisis warning: {name} complaints are rising" : $"Crisis warning: complaints in {name} are rising"
        : kind == CrisisSeriesKind.Category ? $"危机预警：{name}类投诉激增" : $"危机预警：{name}投诉激增";

    public static string Window(SpikeWindow window, bool english) => window == SpikeWindow.Week ? english ? "Last 7 days" : "近 7 天" : english ? "Last 24 hours" : "近 24 小时";

    public static string Status(CrisisStatus status, bool english) => status == CrisisStatus.Open ? english ? "Open" : "处理中" : english ? "Closed" : "已关闭";

    public static string Kind(CrisisSeriesKind kind, bool english) => kind == CrisisSeriesKind.Category ? english ? "Category" : "投诉类别" : english ? "Department" : "部门";

    /// <summary>The usual count as said: whole when it is (6), else to one decimal (1.5), and 0.1 rather than 0 for a trace.</summary>
    public static string Usual(double usual)
    {
        var rounded = Math.Round(usual, 1);
        if (rounded == 0 && usual > 0)
            rounded = 0.1;
        return rounded.ToString(rounded == Math.Floor(rounded) ? "0" : "0.0", CultureInfo.InvariantCulture);
    }
}

public static class CrisisErrors
{
    public static readonly Error NotFound = Error.NotFound("crisis.not_found", "危机预警不存在。", "No such crisis warning.");
    public static readonly Error NotReader = Error.Forbidden("crisis.not_reader", "危机预警仅供客服经理、值班经理和公司领导查看。", "Crisis warnings are for the customer-service manager, the duty manager and leadership.");
    public static readonly Error NotDetectorSetter = Error.Forbidden("crisis.not_detector_setter", "只有系统管理员和客服经理可以修改危机预警的检测设置。", "Only administrators and the customer-service manager change the crisis detector's settings.");
    public static readonly Error NotHandler = Error.Forbidden("crisis.not_handler", "只有客服经理和执行副总经理可以处理危机预警。", "Only the customer-service manager and the executive VP handle crisis warnings.");
    public static readonly Error Closed = Error.Conflict("crisis.closed", "该危机预警已关闭。", "This crisis warning is closed.", "status");
    public static readonly Error StatusFilter = new("crisis.status", "状态应为 open、closed 或 all。", "The status must be open, closed or all.", "status");
    public static readonly Error PlanRequired = new("crisis.plan_required", "请填写应对方案。", "Write the response plan.", "plan");
    public static readonly Error PlanTooLong = new("crisis.plan_too_long", $"应对方案不能超过 {CrisisWarning.MaxPlanLength} 字。", $"The plan cannot exceed {CrisisWarning.MaxPlanLength} characters.", "plan");
    public static readonly Error ToRequired = new("crisis.to_required", "请填写沟通对象。", "Say to whom it was communicated.", "to");
    public static readonly Error ToTooLong = new("crisis.to_too_long", $"沟通对象不能超过 {CrisisWarning.MaxToLength} 字。", $"To whom cannot exceed {CrisisWarning.MaxToLength} characters.", "to");
    public static readonly Error WhatRequired = new("crisis.what_required", "请填写沟通内容。", "Say what was communicated.", "what");
    public static readonly Error WhatTooLong = new("crisis.what_too_long", $"沟通内容不能超过 {CrisisWarning.MaxWhatLength} 字。", $"What was said cannot exceed {CrisisWarning.MaxWhatLength} characters.", "what");
    public static readonly Error AtInFuture = new("crisis.at_in_future", "沟通时间不能晚于现在。", "The time of the communication cannot be in the future.", "at");
    public static readonly Error AtBeforeWindow = new("crisis.at_before_window", "沟通时间不能早于预警所统计的时段。", "The time of the communication cannot be before the period the warning counts.", "at");
    public static readonly Error TooManyCommunications = Error.Conflict("crisis.too_many_communications", $"一条预警最多记录 {CrisisWarning.MaxCommunications} 次沟通。", $"A warning records at most {CrisisWarning.MaxCommunications} communications.", "communications");
    public static readonly Error NoteRequired = new("crisis.note_required", "请填写关闭说明。", "Write the closing note.", "note");
    public static readonly Error NoteTooLong = new("crisis.note_too_long", $"关闭说明不能超过 {CrisisWarning.MaxNoteLength} 字。", $"The closing note cannot exceed {CrisisWarning.MaxNoteLength} characters.", "note");
}
