using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;

namespace Guanxi.Domain.Improvement;

/// <summary>
/// 《部门改进措施跟踪单》 (CAPA-1…7, seed 001 §5.7): an improvement measure from the problem that caused it to its joint
/// acceptance. Customer service reports it; the executive VP writes an opinion and names the responsible department; the
/// department's manager signs for it and, within <see cref="ImprovementPolicy.PlanWorkingDays"/> working days, sets a plan
/// of actions with a deadline after the cause has been analysed; other departments may be involved and confirm their part;
/// a change of plan is recorded with its reason; the VP may correct the deadline; customer service and the VP inspect at any
/// time; at the deadline the VP, customer service and the department each accept or not, and only when all three accept is
/// it closed. Late or without visible effect, it may get a penalty proposal; the VP may reopen the root-cause work.
/// </summary>
public sealed class Measure
{
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 2000;
    public const int MaxNoteLength = 1000;
    public const int MaxCauses = 5;
    public const int MaxActions = 20;

    private readonly List<MeasureAction> actions = [];
    private readonly List<MeasureStep> steps = [];
    private readonly List<MeasureAcceptance> acceptances = [];
    private readonly List<MeasureInvolvement> involvements = [];
    private readonly List<MeasurePenalty> penalties = [];
    private List<string> causes = [];

#pragma warning disable CS8618 // set by EF Core when loading, by Raise when created
    private Measure()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }

    /// <summary>A running number per enterprise for people to quote (GJ-2026-0007), given by the caller on raising.</summary>
    public string Number { get; private set; }
    public MeasureSourceKind SourceKind { get; private set; }

    /// <summary>The problem's id (a survey problem, a service problem of a complaint or a crisis warning, an inspection finding); null for one raised by hand.</summary>
    public Guid? SourceId { get; private set; }
    public string Title { get; private set; }
    public string Description { get; private set; }

    /// <summary>The responsible department: proposed on raising, named by the VP's opinion.</summary>
    public Guid DepartmentId { get; private set; }
    public MeasureStatus Status { get; private set; }
    public string ReportedById { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
    public DateOnly ReportedOn { get; private set; }
    public string? Opinion { get; private set; }
    public string? OpinionById { get; private set; }
    public DateTimeOffset? OpinionAt { get; private set; }
    public string? SignedById { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary>CAPA-3: the last day for the plan (the N-th working day after signing).</summary>
    public DateOnly? PlanDueOn { get; private set; }

    /// <summary>When the late plan was flagged to the VP (once).</summary>
    public DateTimeOffset? PlanEscalatedAt { get; private set; }
    public IReadOnlyList<string> Causes => causes;
    public CauseCategory? CauseCategory { get; private set; }
    public string? Suggestion { get; private set; }
    public DateTimeOffset? AnalysedAt { get; private set; }

    /// <summary>The round the analysis was written in: a reopening asks for a new one before a new plan.</summary>
    public int? AnalysisRound { get; private set; }
    public string? Containment { get; private set; }
    public DateTimeOffset? PlannedAt { get; private set; }

    /// <summary>The plan came after <see cref="PlanDueOn"/>.</summary>
    public bool PlanLate { get; private set; }

    /// <summary>The measure's deadline, as planned and as the VP corrected it.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>The day the last action of the current plan was done.</summary>
    public DateOnly? ActionsDoneOn { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The round of acceptance (1, and one more at each reopening).</summary>
    public int Round { get; private set; }
    public EffectMetricKind? MetricKind { get; private set; }
    public string? MetricKey { get; private set; }
    public Guid? MetricDepartmentId { get; private set; }
    public Guid Version { get; private set; }

    public IReadOnlyList<MeasureAction> Actions => actions;
    public IReadOnlyList<MeasureStep> Steps => steps;
    public IReadOnlyList<MeasureAcceptance> Acceptances => acceptances;
    public IReadOnlyList<MeasureInvolvement> Involvements => involvements;
    public IReadOnlyList<MeasurePenalty> Penalties => penalties;

    public EffectMetric? Metric => MetricKind is { } kind && MetricKey is { } key && MetricDepartmentId is { } department ? new EffectMetric(kind, key, department) : null;

    /// <summary>The actions of the current plan (not replaced by a change or a reopening).</summary>
    public IEnumerable<MeasureAction> CurrentActions => actions.Where(a => !a.Superseded);

    public bool IsOpen => Status != MeasureStatus.Closed;

    /// <summary>CAPA-3: signed, no plan yet, and the plan's last day has passed.</summary>
    public bool PlanOverdue(DateOnly today) => Status is MeasureStatus.Signed && PlanDueOn is { } due && today > due;

    /// <summary>
    /// CAPA-7, "not carried out in time": the deadline passed before every action of the plan was done (still undone,
    /// or the last one done after it).
    /// </summary>
    public bool MissedDeadline(DateOnly today) => DueOn is { } due && (ActionsDoneOn is { } done ? done > due : Status != MeasureStatus.Closed && today > due);

    /// <summary>Open and late: the plan or the deadline.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && (PlanOverdue(today) || DueOn is { } due && today > due && ActionsDoneOn is null);

    /// <summary>CAPA-7: a penalty may be proposed when the plan was late, the deadline missed, or a party did not accept the result.</summary>
    public bool Penalisable(DateOnly today) => PlanLate || PlanOverdue(today) || MissedDeadline(today) || steps.Any(s => s.Kind == MeasureStepKind.NotAccepted);

    /// <summary>CAPA-6: the acceptance is open once every action is done, or at the deadline.</summary>
    public bool AcceptanceOpen(DateOnly today) =>
        Status == MeasureStatus.AwaitingAcceptance || Status is MeasureStatus.Planned or MeasureStatus.InProgress && DueOn is { } due && today >= due;

    public MeasureAcceptance? AcceptanceOf(AcceptanceParty party) => acceptances.FirstOrDefault(a => a.Round == Round && a.Party == party);

    public static Result<Measure> Raise(string number, MeasureSourceKind source, Guid? sourceId, string? title, string? description, Guid departmentId, EffectMetric? metric,
        Actor by, DateTimeOffset now, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var errors = new List<Error>();
        if (!Enum.IsDefined(source))
            errors.Add(MeasureErrors.SourceUnknown);
        else if (source == MeasureSourceKind.Manual != sourceId is null)
            errors.Add(source == MeasureSourceKind.Manual ? MeasureErrors.ManualHasNoSource : MeasureErrors.SourceIdRequired);
        Text(title, MaxTitleLength, MeasureErrors.TitleRequired, MeasureErrors.TitleTooLong, errors);
        Text(description, MaxTextLength, MeasureErrors.DescriptionRequired, MeasureErrors.DescriptionTooLong, errors);
        if (errors.Count > 0)
            return Result<Measure>.Fail(errors);
        var measure = new Measure
        {
            Id = Guid.CreateVersion7(), Number = number, SourceKind = source, SourceId = sourceId, Title = title!.Trim(), Description = description!.Trim(),
            DepartmentId = departmentId, Status = MeasureStatus.Reported, ReportedById = by.Id, ReportedAt = now, ReportedOn = today, Round = 1, Version = Guid.NewGuid(),
        };
        if (metric is not null)
            (measure.MetricKind, measure.MetricKey, measure.MetricDepartmentId) = (metric.Kind, metric.Key, metric.DepartmentId);
        measure.Step(MeasureStepKind.Reported, by, now, null).DepartmentId = departmentId;
        return measure;
    }

    /// <summary>CAPA-2: the VP's opinion and the department that answers for the measure (again, until the department signs).</summary>
    public Result<Done> GiveOpinion(string? opinion, Guid departmentId, Actor by, DateTimeOffset now)
    {
        if (Status is not (MeasureStatus.Reported or MeasureStatus.OpinionGiven))
            return MeasureErrors.OpinionAfterSigning;
        var errors = new List<Error>();
        Text(opinion, MaxTextLength, MeasureErrors.OpinionRequired, MeasureErrors.OpinionTooLong, errors);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        (Opinion, OpinionById, OpinionAt, DepartmentId, Status) = (opinion!.Trim(), by.Id, now, departmentId, MeasureStatus.OpinionGiven);
        Step(MeasureStepKind.Opinion, by, now, Opinion).DepartmentId = departmentId;
        return Changed();
    }

    /// <summary>CAPA-2, CAPA-3: the department's manager signs for it; the plan is due on the N-th working day after.</summary>
    public Result<Done> Sign(Actor by, DateTimeOffset now, DateOnly today, WorkCalendar calendar, ImprovementPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        if (Status != MeasureStatus.OpinionGiven)
            return Status == MeasureStatus.Reported ? MeasureErrors.NoOpinionYet : MeasureErrors.AlreadySigned;
        (SignedById, SignedAt, PlanDueOn, Status) = (by.Id, now, calendar.AddWorkingDays(today, policy.PlanWorkingDays), MeasureStatus.Signed);
        Step(MeasureStepKind.Signed, by, now, null).DueOn = PlanDueOn;
        return Changed();
    }

    /// <summary>CAPA-1: the cause (the 5 whys, or one free text), its category and a suggestion; required before a plan.</summary>
    public Result<Done> Analyse(IReadOnlyList<string>? whys, CauseCategory? category, string? suggestion, Actor by, DateTimeOffset now)
    {
        if (!IsOpen)
            return MeasureErrors.Closed;
        var errors = new List<Error>();
        var given = (whys ?? []).Select(w => w?.Trim() ?? "").Where(w => w.Length > 0).ToList();   // a blank "why" of the form is left out
        if (given.Count == 0)
            errors.Add(MeasureErrors.CausesRequired);
        else if (given.Count > MaxCauses)
            errors.Add(MeasureErrors.TooManyCauses);
        else if (given.FindIndex(w => w.Length > MaxNoteLength) is >= 0 and var tooLong)
            errors.Add(MeasureErrors.CauseTooLong.At($"causes[{tooLong}]"));
        if (category is not { } c || !Enum.IsDefined(c))
            errors.Add(MeasureErrors.CategoryRequired);
        Text(suggestion, MaxTextLength, MeasureErrors.SuggestionRequired, MeasureErrors.SuggestionTooLong, errors);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        (causes, CauseCategory, Suggestion, AnalysedAt, AnalysisRound) = (given, category, suggestion!.Trim(), now, Round);
        Step(MeasureStepKind.Analysed, by, now, string.Join(" → ", given));
        return Changed();
    }

    /// <summary>An immediate containment action, before the cause is known or at any time while open.</summary>
    public Result<Done> Contain(string? action, Actor by, DateTimeOffset now)
    {
        if (!IsOpen)
            return MeasureErrors.Closed;
        var errors = new List<Error>();
        Text(action, MaxTextLength, MeasureErrors.ContainmentRequired, MeasureErrors.ContainmentTooLong, errors);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        Containment = action!.Trim();
        Step(MeasureStepKind.Contained, by, now, Containment);
        return Changed();
    }

    /// <summary>CAPA-3: the department's plan — actions each with an owner and a day, and the measure's deadline — after the analysis of this round.</summary>
    public Result<Done> Plan(IReadOnlyList<PlannedAction?>? planned, DateOnly? dueOn, Actor by, DateTimeOffset now, DateOnly today)
    {
        if (Status is not (MeasureStatus.Signed or MeasureStatus.Reopened))
            return Status is MeasureStatus.Reported or MeasureStatus.OpinionGiven ? MeasureErrors.NotSignedYet : MeasureErrors.AlreadyPlanned;
        if (AnalysisRound != Round)
            return Status == MeasureStatus.Reopened ? MeasureErrors.AnalyseAgainFirst : MeasureErrors.AnalyseFirst;
        if (CheckPlan(planned, dueOn, today) is { Count: > 0 } errors)
            return Result<Done>.Fail(errors);
        foreach (var action in CurrentActions)
            action.Supersede();
        actions.AddRange(planned!.Select(p => new MeasureAction(Id, p!)));
        (DueOn, PlannedAt, ActionsDoneOn) = (dueOn, now, null);
        if (Status == MeasureStatus.Signed && PlanDueOn is { } due && today > due)
        {
            PlanLate = true;
            Step(MeasureStepKind.PlanLate, by, now, null).DueOn = due;
        }
        Status = MeasureStatus.Planned;
        Step(MeasureStepKind.Planned, by, now, PlanText()).DueOn = DueOn;
        return Changed();
    }

    /// <summary>
    /// CAPA-5: a change of plan with its reason: the actions not yet done are replaced by the given ones, the deadline is the
    /// given one; a round of acceptance already begun starts again.
    /// </summary>
    public Result<Done> ChangePlan(string? reason, IReadOnlyList<PlannedAction?>? planned, DateOnly? dueOn, Actor by, DateTimeOffset now, DateOnly today)
    {
        if (Status is not (MeasureStatus.Planned or MeasureStatus.InProgress or MeasureStatus.AwaitingAcceptance))
            return Status == MeasureStatus.Closed ? MeasureErrors.Closed : MeasureErrors.NoPlanYet;
        var errors = new List<Error>();
        Text(reason, MaxNoteLength, MeasureErrors.ReasonRequired, MeasureErrors.ReasonTooLong, errors);
        errors.AddRange(CheckPlan(planned, dueOn, today, allowEmpty: CurrentActions.Any(a => a.IsDone)));
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        foreach (var action in CurrentActions.Where(a => !a.IsDone))
            action.Supersede();
        actions.AddRange(planned!.Select(p => new MeasureAction(Id, p!)));
        DueOn = dueOn;
        acceptances.RemoveAll(a => a.Round == Round);
        AfterActions(today);
        var step = Step(MeasureStepKind.PlanChanged, by, now, $"{reason!.Trim()}（{PlanText()}）");
        step.DueOn = DueOn;
        return Changed();
    }

    /// <summary>CAPA-5: the VP corrects an unreasonable deadline, with the reason; no action of the plan may then fall after it.</summary>
    public Result<Done> CorrectDeadline(DateOnly? dueOn, string? reason, Actor by, DateTimeOffset now, DateOnly today)
    {
        if (Status is not (MeasureStatus.Planned or MeasureStatus.InProgress or MeasureStatus.AwaitingAcceptance))
            return Status == MeasureStatus.Closed ? MeasureErrors.Closed : MeasureErrors.NoPlanYet;
        var errors = new List<Error>();
        if (dueOn is not { } due)
            errors.Add(MeasureErrors.DueRequired);
        else if (due < today)
            errors.Add(MeasureErrors.DueInPast);
        else if (CurrentActions.Count(a => !a.IsDone && a.DueOn > due) is > 0 and var later)
            errors.Add(MeasureErrors.ActionsAfterDeadline(later));
        Text(reason, MaxNoteLength, MeasureErrors.ReasonRequired, MeasureErrors.ReasonTooLong, errors);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        var before = DueOn;
        DueOn = dueOn;
        Step(MeasureStepKind.DeadlineCorrected, by, now, $"{reason!.Trim()}（{before:yyyy-MM-dd} → {dueOn:yyyy-MM-dd}）").DueOn = dueOn;
        return Changed();
    }

    /// <summary>CAPA-4: another department takes a part of the measure.</summary>
    public Result<Done> Involve(Guid departmentId, string? part, Actor by, DateTimeOffset now)
    {
        if (!IsOpen)
            return MeasureErrors.Closed;
        var errors = new List<Error>();
        if (departmentId == DepartmentId)
            errors.Add(MeasureErrors.InvolveOwnDepartment);
        else if (involvements.Any(i => i.DepartmentId == departmentId))
            errors.Add(MeasureErrors.AlreadyInvolved);
        Text(part, MeasureInvolvement.MaxPartLength, MeasureErrors.PartRequired, MeasureErrors.PartTooLong, errors);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        involvements.Add(new MeasureInvolvement(Id, departmentId, part!.Trim(), now));
        Step(MeasureStepKind.Involved, by, now, part.Trim()).DepartmentId = departmentId;
        return Changed();
    }

    /// <summary>CAPA-4: the involved department confirms its part.</summary>
    public Result<Done> ConfirmInvolvement(Guid departmentId, string? note, Actor by, DateTimeOffset now)
    {
        if (!IsOpen)
            return MeasureErrors.Closed;
        if (involvements.FirstOrDefault(i => i.DepartmentId == departmentId) is not { } involvement)
            return MeasureErrors.NotInvolved;
        if (involvement.ConfirmedAt is not null)
            return MeasureErrors.AlreadyConfirmed;
        var errors = new List<Error>();
        Optional(note, MaxNoteLength, MeasureErrors.NoteTooLong, errors);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        involvement.Confirm(by.Id, Trimmed(note), now);
        Step(MeasureStepKind.CoordinationConfirmed, by, now, Trimmed(note)).DepartmentId = departmentId;
        return Changed();
    }

    /// <summary>CAPA-4: an unresolved coordination goes to the VP (by the department, or the job when it stays unconfirmed); once per department.</summary>
    public Result<Done> EscalateCoordination(Guid departmentId, string? note, Actor by, DateTimeOffset now)
    {
        if (!IsOpen)
            return MeasureErrors.Closed;
        if (involvements.FirstOrDefault(i => i.DepartmentId == departmentId) is not { } involvement)
            return MeasureErrors.NotInvolved;
        if (involvement.ConfirmedAt is not null)
            return MeasureErrors.AlreadyConfirmed;
        if (involvement.EscalatedAt is not null)
            return MeasureErrors.AlreadyEscalated;
        var errors = new List<Error>();
        Optional(note, MaxNoteLength, MeasureErrors.NoteTooLong, errors);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        involvement.Escalate(now);
        Step(MeasureStepKind.CoordinationEscalated, by, now, Trimmed(note)).DepartmentId = departmentId;
        return Changed();
    }

    /// <summary>CAPA-3: the late plan is flagged to the VP, once.</summary>
    public bool FlagLatePlan(DateTimeOffset now, DateOnly today)
    {
        if (!PlanOverdue(today) || PlanEscalatedAt is not null)
            return false;
        PlanEscalatedAt = now;
        Step(MeasureStepKind.PlanLate, Actor.System(), now, null).DueOn = PlanDueOn;
        return true;
    }

    /// <summary>CAPA-6: customer service or the VP inspect at any time: what they saw and how far along it is (0–100 %).</summary>
    public Result<MeasureStep> Inspect(string? note, int? progress, Actor by, DateTimeOffset now)
    {
        if (!IsOpen)
            return MeasureErrors.Closed;
        var errors = new List<Error>();
        Text(note, MaxTextLength, MeasureErrors.InspectionNoteRequired, MeasureErrors.InspectionNoteTooLong, errors);
        if (progress is < 0 or > 100)
            errors.Add(MeasureErrors.ProgressOutOfRange);
        if (errors.Count > 0)
            return Result<MeasureStep>.Fail(errors);
        var step = Step(MeasureStepKind.Inspected, by, now, note!.Trim());
        step.Progress = progress;
        Version = Guid.NewGuid();
        return step;
    }

    /// <summary>An action of the plan is done; when every one is, the measure awaits acceptance.</summary>
    public Result<Done> CompleteAction(Guid actionId, string? note, Actor by, DateTimeOffset now, DateOnly today)
    {
        if (Status is not (MeasureStatus.Planned or MeasureStatus.InProgress))
            return Status == MeasureStatus.Closed ? MeasureErrors.Closed : Status == MeasureStatus.AwaitingAcceptance ? MeasureErrors.ActionAlreadyDone : MeasureErrors.NoPlanYet;
        if (CurrentActions.FirstOrDefault(a => a.Id == actionId) is not { } action)
            return MeasureErrors.ActionNotFound;
        if (action.IsDone)
            return MeasureErrors.ActionAlreadyDone;
        var errors = new List<Error>();
        Optional(note, MaxNoteLength, MeasureErrors.NoteTooLong, errors);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        action.Done(by.Id, now, today, Trimmed(note));
        AfterActions(today);
        Step(MeasureStepKind.ActionDone, by, now, $"{action.Title}{(Trimmed(note) is { } n ? "：" + n : "")}").ActionId = action.Id;
        return Changed();
    }

    /// <summary>
    /// CAPA-6: one of the three parties signs accepted or not (a refusal with its reason); signing again replaces the party's
    /// signature of this round. Only when all three accept is the measure closed.
    /// </summary>
    public Result<Done> Accept(AcceptanceParty party, bool accepted, string? note, Actor by, DateTimeOffset now, DateOnly today)
    {
        if (!IsOpen)
            return MeasureErrors.Closed;
        if (!AcceptanceOpen(today))
            return MeasureErrors.AcceptanceNotOpen;
        var errors = new List<Error>();
        if (!accepted && string.IsNullOrWhiteSpace(note))
            errors.Add(MeasureErrors.RefusalNeedsNote);
        Optional(note, MaxNoteLength, MeasureErrors.NoteTooLong, errors);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        if (AcceptanceOf(party) is not { } signature)
            acceptances.Add(signature = new MeasureAcceptance(Id, Round, party));
        signature.Sign(accepted, Trimmed(note), by.Id, now);
        Step(accepted ? MeasureStepKind.Accepted : MeasureStepKind.NotAccepted, by, now, Trimmed(note)).Party = party;
        if (Enum.GetValues<AcceptanceParty>().All(p => AcceptanceOf(p)?.Accepted == true))
        {
            (Status, ClosedAt) = (MeasureStatus.Closed, now);
            Step(MeasureStepKind.Closed, by, now, null);
        }
        return Changed();
    }

    /// <summary>CAPA-7: the VP proposes a penalty when the measure was late or showed no visible effect.</summary>
    public Result<MeasurePenalty> ProposePenalty(string? staffId, Guid departmentId, string? rule, string? note, Actor by, DateTimeOffset now, DateOnly today)
    {
        if (!Penalisable(today))
            return MeasureErrors.NotPenalisable;
        var errors = new List<Error>();
        Text(rule, MeasurePenalty.MaxRuleLength, MeasureErrors.RuleRequired, MeasureErrors.RuleTooLong, errors);
        Optional(note, MaxNoteLength, MeasureErrors.NoteTooLong, errors);
        if (errors.Count > 0)
            return Result<MeasurePenalty>.Fail(errors);
        var penalty = new MeasurePenalty(Id, string.IsNullOrWhiteSpace(staffId) ? null : staffId, departmentId, rule!.Trim(), Trimmed(note), by.Id, now);
        penalties.Add(penalty);
        Step(MeasureStepKind.PenaltyProposed, by, now, $"{penalty.Rule}{(penalty.Note is { } n ? "：" + n : "")}").DepartmentId = departmentId;
        Version = Guid.NewGuid();
        return penalty;
    }

    /// <summary>
    /// CAPA-6, issue 24 item 7: the VP reopens the root-cause work when the effect is not verified: a new round — a new
    /// analysis, a new plan, a new acceptance; what was done stays in the history.
    /// </summary>
    public Result<Done> Reopen(string? reason, Actor by, DateTimeOffset now)
    {
        if (Status is MeasureStatus.Reported or MeasureStatus.OpinionGiven or MeasureStatus.Signed or MeasureStatus.Reopened)
            return MeasureErrors.NothingToReopen;
        var errors = new List<Error>();
        Text(reason, MaxNoteLength, MeasureErrors.ReasonRequired, MeasureErrors.ReasonTooLong, errors);
        if (errors.Count > 0)
            return Result<Done>.Fail(errors);
        foreach (var action in CurrentActions)
            action.Supersede();
        (Status, Round, ClosedAt, ActionsDoneOn) = (MeasureStatus.Reopened, Round + 1, null, null);
        Step(MeasureStepKind.Reopened, by, now, reason!.Trim());
        return Changed();
    }

    /// <summary>What the measure should change (issue 24 item 7), while open.</summary>
    public Result<Done> SetMetric(EffectMetric metric, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!IsOpen)
            return MeasureErrors.Closed;
        if (string.IsNullOrWhiteSpace(metric.Key) || metric.Key.Length > EffectMetric.MaxKeyLength || !Enum.IsDefined(metric.Kind))
            return MeasureErrors.MetricUnknown;
        (MetricKind, MetricKey, MetricDepartmentId) = (metric.Kind, metric.Key, metric.DepartmentId);
        Step(MeasureStepKind.MetricSet, by, now, null).DepartmentId = metric.DepartmentId;
        return Changed();
    }

    private void AfterActions(DateOnly today)
    {
        var current = CurrentActions.ToList();
        if (current.Count > 0 && current.All(a => a.IsDone))
            (Status, ActionsDoneOn) = (MeasureStatus.AwaitingAcceptance, current.Max(a => a.DoneOn) ?? today);
        else
            (Status, ActionsDoneOn) = (current.Any(a => a.IsDone) ? MeasureStatus.InProgress : MeasureStatus.Planned, null);
    }

    /// <summary>What is wrong with a plan's actions and deadline, each on its field (actions[2].dueOn).</summary>
    public static List<Error> CheckPlan(IReadOnlyList<PlannedAction?>? planned, DateOnly? dueOn, DateOnly today, bool allowEmpty = false)
    {
        var errors = new List<Error>();
        if (dueOn is not { } due)
            errors.Add(MeasureErrors.DueRequired);
        else if (due < today)
            errors.Add(MeasureErrors.DueInPast);
        if (planned is null || planned.Count == 0)
        {
            if (!allowEmpty)
                errors.Add(MeasureErrors.ActionsRequired);
            return errors;
        }
        if (planned.Count > MaxActions)
        {
            errors.Add(MeasureErrors.TooManyActions);
            return errors;
        }
        for (var i = 0; i < planned.Count; i++)
        {
            var field = $"actions[{i}]";
            if (planned[i] is not { } action)
            {
                errors.Add(MeasureErrors.ActionMissing.At(field));
                continue;
            }
            if (string.IsNullOrWhiteSpace(action.Title))
                errors.Add(MeasureErrors.ActionTitleRequired.At($"{field}.title"));
            else if (action.Title.Trim().Length > MeasureAction.MaxTitleLength)
                errors.Add(MeasureErrors.ActionTitleTooLong.At($"{field}.title"));
            if (string.IsNullOrWhiteSpace(action.OwnerId))
                errors.Add(MeasureErrors.ActionOwnerRequired.At($"{field}.ownerId"));
            if (action.DueOn < today)
                errors.Add(MeasureErrors.DueInPast.At($"{field}.dueOn"));
            else if (dueOn is { } d && action.DueOn > d)
                errors.Add(MeasureErrors.ActionAfterMeasure.At($"{field}.dueOn"));
        }
        return errors;
    }

    private string PlanText() =>
        string.Join("；", CurrentActions.Where(a => !a.IsDone).Select(a => $"{a.Title}（{a.DueOn:yyyy-MM-dd}）")) + $"；完成期限 {DueOn:yyyy-MM-dd}";

    private MeasureStep Step(MeasureStepKind kind, Actor by, DateTimeOffset now, string? note)
    {
        var step = new MeasureStep(Id, kind, by.Id, now, note);
        steps.Add(step);
        return step;
    }

    private Result<Done> Changed()
    {
        Version = Guid.NewGuid();
        return Result<Done>.Ok(default);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Text(string? text, int max, Error required, Error tooLong, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            errors.Add(required);
        else if (text.Trim().Length > max)
            errors.Add(tooLong);
    }

    private static void Optional(string? text, int max, Error tooLong, List<Error> errors)
    {
        if (text?.Trim().Length > max)
            errors.Add(tooLong);
    }
}
