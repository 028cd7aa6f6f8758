using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;

namespace Guanxi.Domain.Complaints;

public enum ComplaintStatus
{
    New,
    Assigned,
    Responded,
    OnHold,
    Resolved,
    Closed,
}

public enum ComplaintSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>What a person may do with a complaint (the API's actions and the page's buttons).</summary>
public enum ComplaintAction
{
    Assign,
    Respond,
    Hold,
    Resume,
    Resolve,
    Close,
    Reopen,

    /// <summary>SVC-2: ask the customer, through the survey engine, whether the handled complaint was handled to their satisfaction.</summary>
    CheckSatisfaction,
}

/// <summary>What a complaint is received with: whose, about what, how it came and how bad it is.</summary>
public sealed record ComplaintIntake(
    Guid CustomerId, Guid DepartmentId, string? StaffId, Guid? OrderId, Tier Tier, ContactChannel Channel, string Category,
    ComplaintSeverity Severity, Touchpoint Touchpoint, string Summary, string? Details);

/// <summary>The enterprise's working calendar and complaint policy: what a complaint's clock counts with.</summary>
public sealed record SlaRules(WorkCalendar Calendar, ComplaintPolicy Policy);

/// <summary>A warning or an escalation level the SLA check fired: recorded as a step and sent to its people.</summary>
public sealed record SlaEvent(ComplaintStepKind Kind, SlaTarget Target, int? Level, DateTimeOffset DueAt);

/// <summary>
/// SVC-2, SVC-8, SVC-11: an inquiry or complaint, from receipt to closing — received on a channel at a touchpoint,
/// classified and assessed, assigned, answered, resolved, confirmed with the customer and closed, reopened when the
/// customer comes back. Its two times (response, resolution) come from the customer's tier at receipt and its severity
/// and are counted in working time. The clock runs from receipt; it pauses while the complaint is on hold (waiting on the
/// customer): the working time used so far is kept, and on resuming the due times are what remains, counted from then. A
/// reopened complaint keeps its steps and gets a new resolution time from the reopening.
/// </summary>
public sealed class Complaint
{
    public const int MaxSummaryLength = 200;
    public const int MaxDetailsLength = 4000;
    public const int MaxReasonLength = 500;

    private readonly List<ComplaintStep> steps = [];

#pragma warning disable CS8618 // set by EF Core when loading, by Receive when created
    private Complaint()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }

    /// <summary>The order's department when an order is named, else the customer's: whose manager answers for it.</summary>
    public Guid DepartmentId { get; private set; }

    /// <summary>The member of staff the complaint is about: the order's, when an order is named.</summary>
    public string? StaffId { get; private set; }
    public Guid? OrderId { get; private set; }

    /// <summary>The customer's tier when the complaint was received: its times are that tier's.</summary>
    public Tier Tier { get; private set; }
    public ContactChannel Channel { get; private set; }
    public string Category { get; private set; }
    public ComplaintSeverity Severity { get; private set; }
    public Touchpoint Touchpoint { get; private set; }
    public string Summary { get; private set; }
    public string? Details { get; private set; }
    public ComplaintStatus Status { get; private set; }

    /// <summary>While on hold: the status it returns to.</summary>
    public ComplaintStatus? StatusBeforeHold { get; private set; }
    public string? AssigneeId { get; private set; }
    public string ReceivedById { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The working time given to respond, after the severity's factor.</summary>
    public TimeSpan ResponseTarget { get; private set; }

    /// <summary>The working time given to resolve, after the severity's factor (again from a reopening).</summary>
    public TimeSpan ResolutionTarget { get; private set; }
    public DateTimeOffset ResponseDueAt { get; private set; }
    public DateTimeOffset ResolutionDueAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Since when the clock runs (receipt, resumption or reopening); null while on hold and once resolved.</summary>
    public DateTimeOffset? ClockSince { get; private set; }

    /// <summary>The working time used to respond before <see cref="ClockSince"/> (all of it once responded).</summary>
    public TimeSpan ResponseUsed { get; private set; }

    /// <summary>The working time used to resolve before <see cref="ClockSince"/> (all of it once resolved).</summary>
    public TimeSpan ResolutionUsed { get; private set; }

    /// <summary>On hold since (the pause is shown).</summary>
    public DateTimeOffset? HeldSince { get; private set; }

    /// <summary>The working time the clock stood still in earlier pauses.</summary>
    public TimeSpan PausedTotal { get; private set; }
    public bool ResponseWarned { get; private set; }
    public bool ResolutionWarned { get; private set; }

    /// <summary>The highest escalation level fired on the current clock (0–4): each fires once.</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>When the SLA job next has something to fire (a warning or the next level); null when nothing is due on a running clock.</summary>
    public DateTimeOffset? NextAlertAt { get; private set; }
    public string? Resolution { get; private set; }
    public bool NeedsImprovement { get; private set; }
    public bool? CustomerSatisfied { get; private set; }
    public int ReopenCount { get; private set; }

    /// <summary>SVC-2: the survey task of the satisfaction check asked for once the complaint was handled (one per complaint); null while none was asked.</summary>
    public Guid? CheckTaskId { get; private set; }

    /// <summary>The check's verdict (<see cref="ComplaintCheck.Verdict"/>): satisfied, not satisfied, or null while unanswered or when the customer was not reached.</summary>
    public bool? CheckSatisfied { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyList<ComplaintStep> Steps => steps;

    private readonly List<ComplaintStep> newSteps = [];

    /// <summary>The steps added since the last call (since the complaint was loaded or received), for the caller to save: each is handed over once.</summary>
    public IReadOnlyList<ComplaintStep> TakeNewSteps()
    {
        var taken = newSteps.ToList();
        newSteps.Clear();
        return taken;
    }

    public bool IsOpen => Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed);

    public bool IsHandled => !IsOpen;

    public static IReadOnlyList<Error> Validate(ComplaintIntake intake, IReadOnlyList<ComplaintCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(categories);
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(intake.Summary))
            errors.Add(ComplaintErrors.SummaryRequired);
        else if (intake.Summary.Trim().Length > MaxSummaryLength)
            errors.Add(ComplaintErrors.SummaryTooLong);
        if (intake.Details?.Trim().Length > MaxDetailsLength)
            errors.Add(ComplaintErrors.DetailsTooLong);
        if (string.IsNullOrWhiteSpace(intake.Category))
            errors.Add(ComplaintErrors.CategoryRequired);
        else if (!categories.Any(c => c.Code == intake.Category))
            errors.Add(ComplaintErrors.CategoryUnknown);
        return errors;
    }

    /// <summary>
    /// A complaint received at <paramref name="now"/>, its times from the tier's standard and the severity, counted on the
    /// calendar from then; <paramref name="note"/> goes on the received step (an import names its file and row there).
    /// </summary>
    public static Result<Complaint> Receive(ComplaintIntake intake, IReadOnlyList<ComplaintCategory> categories, ServiceStandard standard, SlaRules sla, Actor by, DateTimeOffset now,
        string? note = null)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(sla);
        if (Validate(intake, categories) is { Count: > 0 } errors)
            return Result<Complaint>.Fail(errors);
        now = Utc(now);
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(), CustomerId = intake.CustomerId, DepartmentId = intake.DepartmentId, StaffId = intake.StaffId, OrderId = intake.OrderId,
            Tier = intake.Tier, Channel = intake.Channel, Category = intake.Category, Severity = intake.Severity, Touchpoint = intake.Touchpoint,
            Summary = intake.Summary.Trim(), Details = string.IsNullOrWhiteSpace(intake.Details) ? null : intake.Details.Trim(),
            Status = ComplaintStatus.New, ReceivedById = by.Id, ReceivedAt = now, ClockSince = now,
            ResponseTarget = sla.Policy.Target(standard.ResponseHours, intake.Severity),
            ResolutionTarget = sla.Policy.Target(standard.ResolutionHours, intake.Severity),
            Version = Guid.NewGuid(),
        };
        complaint.ResponseDueAt = Utc(sla.Calendar.AddWorkingTime(now, complaint.ResponseTarget));
        complaint.ResolutionDueAt = Utc(sla.Calendar.AddWorkingTime(now, complaint.ResolutionTarget));
        complaint.Plan(sla);
        complaint.Add(ComplaintStepKind.Received, by.Id, now, note);
        return complaint;
    }

    /// <summary>Whether the complaint's state allows the action (who may act is <see cref="ComplaintAccess"/>'s).</summary>
    public bool Allows(ComplaintAction action) => action switch
    {
        ComplaintAction.Assign => IsOpen,
        ComplaintAction.Respond => Status is ComplaintStatus.New or ComplaintStatus.Assigned,
        ComplaintAction.Hold => Status is ComplaintStatus.New or ComplaintStatus.Assigned or ComplaintStatus.Responded,
        ComplaintAction.Resume => Status == ComplaintStatus.OnHold,
        ComplaintAction.Resolve => IsOpen,
        ComplaintAction.Close => Status == ComplaintStatus.Resolved,
        ComplaintAction.Reopen => Status is ComplaintStatus.Resolved or ComplaintStatus.Closed,
        _ => IsHandled && CheckTaskId is null,   // CheckSatisfaction: once handled, once
    };

    public Result<Done> Assign(string staffId, Actor by, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        if (Refused(ComplaintAction.Assign) is { } refused)
            return refused;
        if (staffId == AssigneeId)
            return ComplaintErrors.AlreadyAssigned;
        AssigneeId = staffId;
        if (Status == ComplaintStatus.New)
            Status = ComplaintStatus.Assigned;
        if (StatusBeforeHold == ComplaintStatus.New)
            StatusBeforeHold = ComplaintStatus.Assigned;
        Add(ComplaintStepKind.Assigned, by.Id, Utc(now), assigneeId: staffId);
        return Changed();
    }

    /// <summary>The first answer to the customer: stops the response clock (the resolution clock runs on).</summary>
    public Result<Done> Respond(string? note, Actor by, DateTimeOffset now, SlaRules sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (Refused(ComplaintAction.Respond) is { } refused)
            return refused;
        if (Required(note, ComplaintStep.MaxNoteLength, ComplaintErrors.NoteRequired, ComplaintErrors.NoteTooLong) is { } invalid)
            return invalid;
        now = Utc(now);
        if (RespondedAt is null)
            (ResponseUsed, RespondedAt) = (ResponseUsedAt(sla.Calendar, now), now);
        Status = ComplaintStatus.Responded;
        Plan(sla);
        Add(ComplaintStepKind.Responded, by.Id, now, note);
        return Changed();
    }

    /// <summary>Waiting on the customer: the clock stops, keeping the working time used.</summary>
    public Result<Done> Hold(string? reason, Actor by, DateTimeOffset now, SlaRules sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (Refused(ComplaintAction.Hold) is { } refused)
            return refused;
        if (Required(reason, MaxReasonLength, ComplaintErrors.ReasonRequired, ComplaintErrors.ReasonTooLong) is { } invalid)
            return invalid;
        now = Utc(now);
        StopClock(sla.Calendar, now);
        (StatusBeforeHold, Status, HeldSince, NextAlertAt) = (Status, ComplaintStatus.OnHold, now, null);
        Add(ComplaintStepKind.Held, by.Id, now, reason);
        return Changed();
    }

    /// <summary>The customer is back: the clock runs again, the due times being what remained, counted from now.</summary>
    public Result<Done> Resume(Actor by, DateTimeOffset now, SlaRules sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (Refused(ComplaintAction.Resume) is { } refused)
            return refused;
        now = Utc(now);
        EndPause(sla.Calendar, now);
        (Status, StatusBeforeHold, ClockSince) = (StatusBeforeHold ?? ComplaintStatus.Assigned, null, now);
        if (RespondedAt is null && ResponseTarget > ResponseUsed)
            ResponseDueAt = Utc(sla.Calendar.AddWorkingTime(now, ResponseTarget - ResponseUsed));
        if (ResolutionTarget > ResolutionUsed)
            ResolutionDueAt = Utc(sla.Calendar.AddWorkingTime(now, ResolutionTarget - ResolutionUsed));
        Plan(sla);
        Add(ComplaintStepKind.Resumed, by.Id, now);
        return Changed();
    }

    /// <summary>Resolved: both clocks stop (resolving is also an answer). A problem for improvement is raised by the caller when asked.</summary>
    public Result<Done> Resolve(string? resolution, string? note, bool needsImprovement, Actor by, DateTimeOffset now, SlaRules sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (Refused(ComplaintAction.Resolve) is { } refused)
            return refused;
        var errors = new List<Error>();
        if (Required(resolution, ComplaintStep.MaxNoteLength, ComplaintErrors.ResolutionRequired, ComplaintErrors.ResolutionTooLong) is { } badResolution)
            errors.Add(badResolution);
        if (note?.Trim().Length > ComplaintStep.MaxNoteLength)
            errors.Add(ComplaintErrors.NoteTooLong);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        now = Utc(now);
        if (Status == ComplaintStatus.OnHold)
            EndPause(sla.Calendar, now);
        else
            StopClock(sla.Calendar, now);
        RespondedAt ??= now;
        (ResolvedAt, Resolution, NeedsImprovement, Status, StatusBeforeHold, NextAlertAt) = (now, resolution!.Trim(), needsImprovement || NeedsImprovement, ComplaintStatus.Resolved, null, null);
        Add(ComplaintStepKind.Resolved, by.Id, now, string.IsNullOrWhiteSpace(note) ? resolution : $"{resolution.Trim()}\n{note.Trim()}");
        return Changed();
    }

    /// <summary>Confirmed with the customer (satisfied or not, or not reached: null) and closed.</summary>
    public Result<Done> Close(bool? customerSatisfied, string? note, Actor by, DateTimeOffset now)
    {
        if (Refused(ComplaintAction.Close) is { } refused)
            return refused;
        if (note?.Trim().Length > ComplaintStep.MaxNoteLength)
            return ComplaintErrors.NoteTooLong;
        now = Utc(now);
        (ClosedAt, CustomerSatisfied, Status) = (now, customerSatisfied, ComplaintStatus.Closed);
        Add(ComplaintStepKind.Closed, by.Id, now, note);
        return Changed();
    }

    /// <summary>The customer came back: open again with every step kept, and a new resolution time counted from now.</summary>
    public Result<Done> Reopen(string? reason, Actor by, DateTimeOffset now, SlaRules sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (Refused(ComplaintAction.Reopen) is { } refused)
            return refused;
        if (Required(reason, MaxReasonLength, ComplaintErrors.ReasonRequired, ComplaintErrors.ReasonTooLong) is { } invalid)
            return invalid;
        now = Utc(now);
        (Status, ResolvedAt, ClosedAt, CustomerSatisfied, Resolution) = (AssigneeId is null ? ComplaintStatus.New : ComplaintStatus.Assigned, null, null, null, null);
        (ClockSince, ResolutionUsed, ResolutionWarned, EscalationLevel) = (now, TimeSpan.Zero, false, 0);
        ResolutionDueAt = Utc(sla.Calendar.AddWorkingTime(now, ResolutionTarget));
        ReopenCount++;
        Plan(sla);
        Add(ComplaintStepKind.Reopened, by.Id, now, reason);
        return Changed();
    }

    /// <summary>
    /// Why the satisfaction check cannot be asked now: one was asked already (a 409 naming its survey task), the complaint
    /// is not resolved or closed (a 409), the note is too long (a 400); null when it can.
    /// </summary>
    public Error? SatisfactionCheckRefused(string? note)
    {
        if (CheckTaskId is { } asked)
            return ComplaintErrors.CheckAlreadyAsked(asked);
        if (Refused(ComplaintAction.CheckSatisfaction) is { } refused)
            return refused;
        return note?.Trim().Length > ComplaintStep.MaxNoteLength ? ComplaintErrors.NoteTooLong : null;
    }

    /// <summary>
    /// SVC-2: once resolved or closed, the customer is asked through the survey engine whether the complaint was handled to
    /// their satisfaction — once per complaint, on the survey task given — recorded as a step with who asked and when.
    /// </summary>
    public Result<Done> AskSatisfactionCheck(Guid taskId, string? note, Actor by, DateTimeOffset now)
    {
        if (SatisfactionCheckRefused(note) is { } refused)
            return refused;
        CheckTaskId = taskId;
        Add(ComplaintStepKind.CheckAsked, by.Id, Utc(now), note);
        return Changed();
    }

    /// <summary>
    /// The check's answer as it was recorded (by the callback specialist, or by the system for the customer's answer by
    /// link): satisfied, not satisfied, or not reached (null), with the customer's comment or what happened, as a step. A
    /// later answer within the survey's window supersedes it. The complaint is not reopened by itself — an unsatisfied
    /// customer is shown, and its handlers decide. A derived write: the version stays.
    /// </summary>
    public void RecordSatisfactionCheck(Guid taskId, bool? satisfied, string? note, Actor by, DateTimeOffset now)
    {
        if (taskId != CheckTaskId)
            throw new ArgumentException($"Task {taskId} is not the satisfaction check of complaint {Id}.", nameof(taskId));
        CheckSatisfied = satisfied;
        Add(ComplaintStepKind.Checked, by.Id, Utc(now), note, satisfied: satisfied);
    }

    /// <summary>
    /// The SLA check at <paramref name="now"/>: a warning per time once <see cref="ComplaintPolicy.WarnAt"/> of it is used,
    /// and every escalation level reached and not yet fired — each once, recorded as a step by the system. A derived write:
    /// the version stays.
    /// </summary>
    public IReadOnlyList<SlaEvent> Check(SlaRules sla, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (ClockSince is null)
        {
            NextAlertAt = null;
            return [];
        }
        now = Utc(now);
        var fired = new List<SlaEvent>();
        var reached = (Level: EscalationLevel, Target: SlaTarget.Response, Due: ResponseDueAt);
        foreach (var (target, used, total, due) in RunningClocks(sla.Calendar, now))
        {
            var warned = target == SlaTarget.Response ? ResponseWarned : ResolutionWarned;
            if (!warned && used >= sla.Policy.WarningAt(total))
            {
                if (target == SlaTarget.Response)
                    ResponseWarned = true;
                else
                    ResolutionWarned = true;
                fired.Add(new SlaEvent(ComplaintStepKind.Warned, target, null, due));
                Add(ComplaintStepKind.Warned, Actor.SystemId, now, target: target);
            }
            var level = sla.Policy.LevelReached(used, total);
            if (level > reached.Level)
                reached = (level, target, due);
        }
        for (var level = EscalationLevel + 1; level <= reached.Level; level++)
        {
            fired.Add(new SlaEvent(ComplaintStepKind.Escalated, reached.Target, level, reached.Due));
            Add(ComplaintStepKind.Escalated, Actor.SystemId, now, level: level, target: reached.Target);
        }
        EscalationLevel = Math.Max(EscalationLevel, reached.Level);
        Plan(sla);
        return fired;
    }

    /// <summary>The working time used to respond by <paramref name="now"/>.</summary>
    public TimeSpan ResponseUsedAt(WorkCalendar calendar, DateTimeOffset now) =>
        RespondedAt is null ? ResponseUsed + Running(calendar, now) : ResponseUsed;

    /// <summary>The working time used to resolve by <paramref name="now"/>.</summary>
    public TimeSpan ResolutionUsedAt(WorkCalendar calendar, DateTimeOffset now) =>
        ResolvedAt is null ? ResolutionUsed + Running(calendar, now) : ResolutionUsed;

    /// <summary>The time that matters now: the response until answered, then the resolution; null once resolved.</summary>
    public SlaTarget? Pending => !IsOpen ? null : RespondedAt is null ? SlaTarget.Response : SlaTarget.Resolution;

    /// <summary>
    /// The working time left on the pending time at <paramref name="now"/> (negative: overdue by that much; while on hold,
    /// what was left when the clock stopped). Null once resolved.
    /// </summary>
    public TimeSpan? Left(WorkCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Pending switch
        {
            SlaTarget.Response => ResponseTarget - ResponseUsedAt(calendar, now),
            SlaTarget.Resolution => ResolutionTarget - ResolutionUsedAt(calendar, now),
            _ => null,
        };
    }

    /// <summary>Whether the response came (or, still awaited, is) later than its time at <paramref name="now"/>.</summary>
    public bool ResponseMissed(WorkCalendar calendar, DateTimeOffset now) => ResponseUsedAt(calendar, now) > ResponseTarget;

    /// <summary>Whether the resolution came (or, still awaited, is) later than its time at <paramref name="now"/>.</summary>
    public bool ResolutionMissed(WorkCalendar calendar, DateTimeOffset now) => ResolutionUsedAt(calendar, now) > ResolutionTarget;

    /// <summary>The working time paused so far, the current pause included.</summary>
    public TimeSpan PausedAt(WorkCalendar calendar, DateTimeOffset now) =>
        PausedTotal + (HeldSince is { } held ? calendar.WorkingTimeBetween(held, now) : TimeSpan.Zero);

    private TimeSpan Running(WorkCalendar calendar, DateTimeOffset now) =>
        ClockSince is { } since ? calendar.WorkingTimeBetween(since, now) : TimeSpan.Zero;

    private IEnumerable<(SlaTarget Target, TimeSpan Used, TimeSpan Total, DateTimeOffset Due)> RunningClocks(WorkCalendar calendar, DateTimeOffset now)
    {
        if (ClockSince is null)
            yield break;
        if (RespondedAt is null)
            yield return (SlaTarget.Response, ResponseUsedAt(calendar, now), ResponseTarget, ResponseDueAt);
        if (ResolvedAt is null)
            yield return (SlaTarget.Resolution, ResolutionUsedAt(calendar, now), ResolutionTarget, ResolutionDueAt);
    }

    /// <summary>When the next warning or level falls due on the running clocks (null: none, or the clock stands still).</summary>
    private void Plan(SlaRules sla)
    {
        DateTimeOffset? next = null;
        if (ClockSince is { } since)
        {
            void Consider(TimeSpan used, TimeSpan threshold)
            {
                var at = used >= threshold ? since : Utc(sla.Calendar.AddWorkingTime(since, threshold - used));
                if (next is null || at < next)
                    next = at;
            }
            foreach (var (target, _, total, _) in RunningClocks(sla.Calendar, since))
            {
                var used = target == SlaTarget.Response ? ResponseUsed : ResolutionUsed;
                if (!(target == SlaTarget.Response ? ResponseWarned : ResolutionWarned))
                    Consider(used, sla.Policy.WarningAt(total));
                if (EscalationLevel < ComplaintPolicy.Levels)
                    Consider(used, sla.Policy.EscalationAt(total, EscalationLevel + 1));
            }
        }
        NextAlertAt = next;
    }

    /// <summary>Stops the running clock, adding the working time since it started to each time still counting.</summary>
    private void StopClock(WorkCalendar calendar, DateTimeOffset now)
    {
        if (ClockSince is null)
            return;
        var running = Running(calendar, now);
        if (RespondedAt is null)
            ResponseUsed += running;
        if (ResolvedAt is null)
            ResolutionUsed += running;
        ClockSince = null;
    }

    private void EndPause(WorkCalendar calendar, DateTimeOffset now)
    {
        if (HeldSince is { } held)
            PausedTotal += calendar.WorkingTimeBetween(held, now);
        HeldSince = null;
    }

    private Error? Refused(ComplaintAction action) => Allows(action) ? null : ComplaintErrors.NotNow(action, Status);

    private static Error? Required(string? text, int max, Error required, Error tooLong) =>
        string.IsNullOrWhiteSpace(text) ? required : text.Trim().Length > max ? tooLong : null;

    private Result<Done> Changed()
    {
        Version = Guid.NewGuid();
        return Done.Value;
    }

    private void Add(ComplaintStepKind kind, string byId, DateTimeOffset at, string? note = null, string? assigneeId = null, int? level = null, SlaTarget? target = null, bool? satisfied = null)
    {
        var step = ComplaintStep.Of(Id, kind, byId, at, note, assigneeId, level, target, satisfied);
        steps.Add(step);
        newSteps.Add(step);
    }

    /// <summary>
    /// Instants in UTC to the whole second: what both databases keep exactly (PostgreSQL's timestamptz takes UTC only), so
    /// that a time stored and read back counts the same.
    /// </summary>
    private static DateTimeOffset Utc(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
