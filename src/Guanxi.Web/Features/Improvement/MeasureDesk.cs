using Guanxi.Domain.Accounts;
using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Calendar;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Improvement;

/// <summary>A measure as a handler works it: the caller and the measure with every part loaded.</summary>
public sealed record MeasureAtHand(Viewer Viewer, Measure Measure);

/// <summary>
/// What every measure handler shares: the caller, loading a measure in their sight (CAPA item 10), acting on it the one way
/// (caller, sight, right, version, the entity's step, save or lose the race), the notices the tracking sheet sends, and
/// showing it.
/// </summary>
public sealed class MeasureDesk(GuanxiDbContext db, CustomerViewers viewers, EnterpriseSettings settings, EnterpriseCalendar calendar, EnterpriseClock clock,
    StaffNames staffNames, Notifier notifier, MeasureSources sources, Attachments.AttachmentStore attachments)
{
    public Task<Viewer?> Caller(CancellationToken cancellationToken) => viewers.Current(cancellationToken);

    public EnterpriseClock Clock => clock;

    /// <summary>The enterprise's day of an instant (a handler's "today" from its own clock).</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(clock.ToLocal(instant).DateTime);

    public Task<WorkCalendar> Calendar(CancellationToken cancellationToken) => calendar.Current(cancellationToken);

    public async Task<ImprovementPolicy> Policy(CancellationToken cancellationToken)
    {
        var policy = await settings.Get(ImprovementPolicy.SettingsKey, new ImprovementPolicy(), cancellationToken);
        return policy.Validate().Count > 0 ? new ImprovementPolicy() : policy;
    }

    /// <summary>The measure with its parts, in the caller's sight; null when missing or out of sight (both a 404).</summary>
    public async Task<MeasureAtHand?> Load(Viewer viewer, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var measures = tracked ? db.Set<Measure>() : db.Set<Measure>().AsNoTracking();
        var measure = await measures.Include(m => m.Actions).Include(m => m.Steps).Include(m => m.Acceptances).Include(m => m.Involvements).Include(m => m.Penalties)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return measure is not null && MeasureAccess.CanSee(viewer, measure) ? new MeasureAtHand(viewer, measure) : null;
    }

    /// <summary>
    /// A person's step on a measure: in sight (else 404), theirs to take (<paramref name="allowed"/>, else its error, a 403),
    /// the version they read when they send one (else 412), allowed in the measure's state (else the entity's 409 or 400),
    /// saved unless someone else acted first (409); then the notices of the step.
    /// </summary>
    public async Task<Result<MeasureView>> Act(Guid id, Guid? version, Func<Viewer, Measure, Error?> allowed, Func<MeasureAtHand, Task<Result<Done>>> act,
        Func<Measure, Task>? notify, CancellationToken cancellationToken)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (await Load(viewer, id, tracked: true, cancellationToken) is not { } hand)
            return MeasureErrors.NotFound;
        if (allowed(viewer, hand.Measure) is { } refused)
            return refused;
        if (Versions.Check(version, hand.Measure.Version, required: false) is { } stale)
            return stale;
        var done = await act(hand);
        if (!done.Succeeded)
            return Result<MeasureView>.Fail(done.Errors);
        if (notify is not null)
            await notify(hand.Measure);
        if (await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is { } raced)
            return raced;
        return await View(hand, cancellationToken);
    }

    /// <summary>Whether a department exists (a measure's, an involved one, a penalty's).</summary>
    public Task<bool> DepartmentExists(Guid departmentId, CancellationToken cancellationToken) =>
        db.Set<Department>().AnyAsync(d => d.Id == departmentId, cancellationToken);

    /// <summary>The active members of staff among <paramref name="ids"/> (an action's owner, a penalty's person).</summary>
    public async Task<HashSet<string>> ActiveStaff(IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Where(i => i.Length <= Actor.MaxIdLength).Distinct().ToList();
        return [.. await db.Users.Where(u => u.IsActive && wanted.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken)];
    }

    /// <summary>A notice to the executive VPs and the customer-service managers (CAPA-3, CAPA-5: the plan and its changes are reported to both).</summary>
    public Task ToVpAndCustomerService(Measure measure, (string Zh, string En) title, (string Zh, string En) body, CancellationToken cancellationToken) =>
        notifier.ToRoles([Role.ExecutiveVp, Role.CustomerServiceManager], Title(measure, title), body, Link(measure), cancellationToken);

    public Task ToVp(Measure measure, (string Zh, string En) title, (string Zh, string En) body, CancellationToken cancellationToken) =>
        notifier.ToRoles([Role.ExecutiveVp], Title(measure, title), body, Link(measure), cancellationToken);

    /// <summary>A notice to the managers of a department (the responsible one, an involved one).</summary>
    public async Task ToManagersOf(Guid departmentId, Measure measure, (string Zh, string En) title, (string Zh, string En) body, CancellationToken cancellationToken)
    {
        var managers = await db.Users.Where(u => u.IsActive && u.DepartmentId == departmentId && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == nameof(Role.DepartmentManager)))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        await ToStaff(managers, measure, title, body, cancellationToken);
    }

    public Task ToStaff(IEnumerable<string> staff, Measure measure, (string Zh, string En) title, (string Zh, string En) body, CancellationToken cancellationToken)
    {
        var (zh, en) = Title(measure, title);
        return notifier.ToStaff([.. staff.Distinct().Select(s => new StaffNotice(s, null, zh, en, body.Zh, body.En, Link(measure)))], cancellationToken);
    }

    private static (string Zh, string En) Title(Measure measure, (string Zh, string En) title) => ($"{title.Zh}：{measure.Number} {measure.Title}", $"{title.En}: {measure.Number} {measure.Title}");

    public static string Link(Measure measure) => $"/measures/{measure.Id}";

    /// <summary>The tracking sheet as the caller reads it: names as today, the source as their sight allows, what they may do now.</summary>
    public async Task<MeasureView> View(MeasureAtHand hand, CancellationToken cancellationToken)
    {
        var (viewer, m) = (hand.Viewer, hand.Measure);
        var english = Cultures.IsEnglish;
        var today = clock.Today;
        var names = await staffNames.Of([m.ReportedById, m.OpinionById, m.SignedById, .. m.Actions.Select(a => a.OwnerId), .. m.Actions.Select(a => a.DoneById),
            .. m.Steps.Select(s => s.ById), .. m.Acceptances.Select(a => a.ById), .. m.Penalties.Select(p => p.StaffId), .. m.Penalties.Select(p => p.ProposedById),
            .. m.Involvements.Select(i => i.ConfirmedById)], cancellationToken);
        var departments = await DepartmentNames.All(db, cancellationToken);
        var source = await sources.Describe(viewer, m.SourceKind, m.SourceId, cancellationToken);
        var inspected = m.Steps.Where(s => s.Kind == MeasureStepKind.Inspected).Select(s => s.Id).ToList();
        var photos = (inspected.Count == 0 ? [] : await attachments.List(MeasurePhotos.Kind, inspected, cancellationToken))
            .Select(p => MeasurePhotos.View(m.Id, p)).ToLookup(p => p.StepId);
        var open = m.IsOpen;
        var party = open && m.AcceptanceOpen(today) ? MeasureAccess.PartyFor(viewer, m) : null;
        var isVp = MeasureAccess.IsVp(viewer);
        var manages = MeasureAccess.ManagesDepartment(viewer, m.DepartmentId);
        var can = new MeasureCan(
            Opinion: isVp && m.Status is MeasureStatus.Reported or MeasureStatus.OpinionGiven,
            Sign: manages && m.Status == MeasureStatus.OpinionGiven,
            Analyse: open && MeasureAccess.CanAnalyse(viewer, m),
            Plan: manages && m.Status is MeasureStatus.Signed or MeasureStatus.Reopened,
            ChangePlan: manages && m.Status is MeasureStatus.Planned or MeasureStatus.InProgress or MeasureStatus.AwaitingAcceptance,
            CorrectDeadline: isVp && m.Status is MeasureStatus.Planned or MeasureStatus.InProgress or MeasureStatus.AwaitingAcceptance,
            Inspect: open && MeasureAccess.CanInspect(viewer),
            Accept: party,
            Penalty: isVp && m.Penalisable(today),
            Reopen: isVp && m.Status is MeasureStatus.Planned or MeasureStatus.InProgress or MeasureStatus.AwaitingAcceptance or MeasureStatus.Closed,
            Involve: open && MeasureAccess.CanInvolve(viewer, m),
            Metric: open && MeasureAccess.CanAnalyse(viewer, m));
        string? Dept(Guid? id) => id is { } d ? departments.GetValueOrDefault(d) : null;
        return new MeasureView(
            m.Id, m.Number, source, m.Title, m.Description, m.DepartmentId, Dept(m.DepartmentId), m.Status, MeasureTexts.Status(m.Status, english),
            m.ReportedById, names.Who(m.ReportedById), clock.ToLocal(m.ReportedAt),
            m.Opinion, m.OpinionById, names.WhoIfAny(m.OpinionById), Local(m.OpinionAt),
            m.SignedById, names.WhoIfAny(m.SignedById), Local(m.SignedAt), m.PlanDueOn, m.PlanOverdue(today), m.PlanLate,
            m.Causes, m.CauseCategory, m.CauseCategory is { } c ? MeasureTexts.Category(c, english) : null, m.Suggestion, Local(m.AnalysedAt), m.AnalysisRound == m.Round,
            m.Containment, Local(m.PlannedAt), m.DueOn, m.IsOverdue(today), m.MissedDeadline(today), m.ActionsDoneOn, Local(m.ClosedAt), m.Round,
            [.. m.Actions.OrderBy(a => a.Superseded).ThenBy(a => a.DueOn).ThenBy(a => a.Id).Select(a => new MeasureActionView(a.Id, a.Title, a.OwnerId, names.Who(a.OwnerId), a.DueOn,
                a.DoneOn, a.DoneById, names.WhoIfAny(a.DoneById), a.DoneNote, a.Superseded, !a.IsDone && !a.Superseded && today > a.DueOn,
                !a.IsDone && !a.Superseded && m.Status is MeasureStatus.Planned or MeasureStatus.InProgress && MeasureAccess.CanCompleteAction(viewer, m, a)))],
            [.. m.Involvements.OrderBy(i => i.InvolvedAt).Select(i => new MeasureInvolvementView(i.DepartmentId, Dept(i.DepartmentId), i.Part, clock.ToLocal(i.InvolvedAt),
                Local(i.ConfirmedAt), names.WhoIfAny(i.ConfirmedById), i.ConfirmNote, Local(i.EscalatedAt),
                open && i.ConfirmedAt is null && MeasureAccess.ManagesDepartment(viewer, i.DepartmentId)))],
            [.. Enum.GetValues<AcceptanceParty>().Select(p => m.AcceptanceOf(p) is { } a
                ? new MeasureAcceptanceView(p, MeasureTexts.Party(p, english), a.Accepted, a.Note, a.ById, names.Who(a.ById), clock.ToLocal(a.At))
                : new MeasureAcceptanceView(p, MeasureTexts.Party(p, english), null, null, null, null, null))],
            [.. m.Penalties.OrderBy(p => p.ProposedAt).Select(p => new MeasurePenaltyView(p.Id, p.StaffId, names.WhoIfAny(p.StaffId), p.DepartmentId, Dept(p.DepartmentId), p.Rule, p.Note,
                p.ProposedById, names.Who(p.ProposedById), clock.ToLocal(p.ProposedAt)))],
            m.Metric is { } metric ? new MeasureMetricView(metric.Kind, metric.Key, metric.DepartmentId, Dept(metric.DepartmentId)) : null,
            [.. m.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new MeasureStepView(s.Id, s.Kind, MeasureTexts.Step(s.Kind, english), s.ById, names.Who(s.ById),
                clock.ToLocal(s.At), s.Note, s.DepartmentId, Dept(s.DepartmentId), s.DueOn, s.Progress, s.Party, s.Party is { } p ? MeasureTexts.Party(p, english) : null, [.. photos[s.Id]]))],
            can, m.Version);
    }

    private DateTimeOffset? Local(DateTimeOffset? at) => at is { } a ? clock.ToLocal(a) : null;
}
