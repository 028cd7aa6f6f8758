using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

public sealed record QuestionnaireSummary(Guid Id, QuestionnaireKind Kind, string Name, int CurrentVersion, DateOnly EffectiveFrom, int Versions);

/// <summary>A version: in effect from its Monday, archived the day before the next one took effect; frozen once an answer uses it.</summary>
public sealed record QuestionnaireVersionView(Guid Id, int Number, DateOnly EffectiveFrom, DateOnly? ArchivedOn, bool Current, bool InUse, IReadOnlyList<Question> Questions);

/// <summary>A change request: who requested, agreed and refused named as today, in the viewer's language; <see cref="RequestedById"/> is the requester's id.</summary>
public sealed record ChangeView(Guid Id, Guid QuestionnaireId, int BaseVersion, Guid DepartmentId, string Reason, ChangeStatus Status, string RequestedBy,
    DateTimeOffset RequestedAt, string? DepartmentAgreedBy, string? CustomerServiceAgreedBy, string? VpAgreedBy, DateTimeOffset? SignedOffAt,
    DateOnly? EffectiveFrom, Guid? VersionId, string? RefusedBy, string? RefusalNote, IReadOnlyList<Question> Draft, Guid Version, string RequestedById)
{
    public static async Task<List<ChangeView>> Of(StaffNames staffNames, IReadOnlyList<QuestionnaireChange> changes, CancellationToken cancellationToken)
    {
        var names = await staffNames.Of(changes.SelectMany(c => new[] { c.RequestedById, c.DepartmentAgreedById, c.CustomerServiceAgreedById, c.VpAgreedById, c.RefusedById }), cancellationToken);
        return [.. changes.Select(c => new ChangeView(c.Id, c.QuestionnaireId, c.BaseVersion, c.DepartmentId, c.Reason, c.Status, names.Who(c.RequestedById, text: c.RequestedByText),
            c.RequestedAt, names.WhoIfAny(c.DepartmentAgreedById, c.DepartmentAgreedByText), names.WhoIfAny(c.CustomerServiceAgreedById, c.CustomerServiceAgreedByText),
            names.WhoIfAny(c.VpAgreedById, c.VpAgreedByText), c.SignedOffAt, c.EffectiveFrom, c.VersionId, names.WhoIfAny(c.RefusedById, c.RefusedByText), c.RefusalNote, c.Draft,
            c.Version, c.RequestedById))];
    }

    public static async Task<ChangeView> Of(StaffNames staffNames, QuestionnaireChange change, CancellationToken cancellationToken) =>
        (await Of(staffNames, [change], cancellationToken))[0];
}

public sealed record QuestionnaireDetail(Guid Id, QuestionnaireKind Kind, string Name, IReadOnlyList<QuestionnaireVersionView> Versions, IReadOnlyList<ChangeView> Changes);

/// <summary>
/// SAT-8: the questionnaires with their versions (current, archived, waiting to take effect) and change requests, for
/// every member of staff: questions are not confidential; answers are.
/// </summary>
public sealed class GetQuestionnaires(GuanxiDbContext db, Customers.CustomerViewers viewers, EnterpriseClock clock, StaffNames staffNames)
{
    public async Task<Result<IReadOnlyList<QuestionnaireSummary>>> List(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is null)
            return SurveyErrors.NoCaller;
        var today = clock.Today;
        var english = Cultures.IsEnglish;
        var questionnaires = await db.Set<Questionnaire>().AsNoTracking().OrderBy(q => q.Kind).ThenBy(q => q.Name).ToListAsync(cancellationToken);
        var versions = await db.Set<QuestionnaireVersion>().AsNoTracking().Select(v => new { v.QuestionnaireId, v.Number, v.EffectiveFrom }).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<QuestionnaireSummary>>.Ok([.. questionnaires.Select(q =>
        {
            var own = versions.Where(v => v.QuestionnaireId == q.Id).ToList();
            var current = own.Where(v => v.EffectiveFrom <= today).MaxBy(v => (v.EffectiveFrom, v.Number)) ?? own.MinBy(v => v.Number)!;
            return new QuestionnaireSummary(q.Id, q.Kind, english ? q.NameEn : q.Name, current.Number, current.EffectiveFrom, own.Count);
        })]);
    }

    public async Task<Result<QuestionnaireDetail>> Get(Guid id, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is null)
            return SurveyErrors.NoCaller;
        if (await db.Set<Questionnaire>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken) is not { } questionnaire)
            return SurveyErrors.QuestionnaireNotFound;
        var today = clock.Today;
        var versions = await db.Set<QuestionnaireVersion>().AsNoTracking().Where(v => v.QuestionnaireId == id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var versionIds = versions.Select(v => v.Id).ToList();
        var used = await db.Set<SurveyResponse>().Where(r => r.VersionId != null && versionIds.Contains(r.VersionId.Value)).Select(r => r.VersionId!.Value).Distinct().ToListAsync(cancellationToken);
        var current = QuestionnaireVersion.InEffect(versions, today);
        var views = versions.Select(v =>
        {
            var next = versions.Where(n => n.Number > v.Number && n.EffectiveFrom <= today).MinBy(n => n.Number);
            return new QuestionnaireVersionView(v.Id, v.Number, v.EffectiveFrom, next?.EffectiveFrom.AddDays(-1), v == current, used.Contains(v.Id), v.Questions);
        }).ToList();
        var changes = await db.Set<QuestionnaireChange>().AsNoTracking().Where(c => c.QuestionnaireId == id).OrderByDescending(c => c.RequestedAt).ToListAsync(cancellationToken);
        return new QuestionnaireDetail(questionnaire.Id, questionnaire.Kind, Cultures.IsEnglish ? questionnaire.NameEn : questionnaire.Name, views, await ChangeView.Of(staffNames, changes, cancellationToken));
    }

    public async Task<Result<ChangeView>> Change(Guid id, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is null)
            return SurveyErrors.NoCaller;
        return await db.Set<QuestionnaireChange>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } change
            ? await ChangeView.Of(staffNames, change, cancellationToken) : SurveyErrors.ChangeNotFound;
    }
}
