using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

public sealed record DraftBody(IReadOnlyList<Question>? Questions);

public sealed record ChangeRequestBody(string? Reason, DraftBody? Draft);

public sealed record ChangeDecisionBody(string? Note);

/// <summary>
/// SAT-8 change control: a department (its manager, or the customer-service manager for customer service) requests a
/// change with its reason; the requesting department's manager, the customer-service manager and the executive VP agree;
/// the executive VP's approval once the others have agreed signs it off, and the new version is written to take effect
/// the next Monday. Any of the three may refuse it while it is open.
/// </summary>
public sealed class ChangeQuestionnaire(GuanxiDbContext db, CustomerViewers viewers, CurrentUser user, EnterpriseClock clock, TimeProvider time, StaffNames staffNames)
{
    public static readonly Error RequestNotAllowed = Error.Forbidden("survey.change_not_allowed", "只有部门经理和客服经理可以为本部门申请问卷变更。", "Only department managers and the customer-service manager request a change, for their department.");

    public async Task<Result<ChangeView>> Request(Guid questionnaireId, ChangeRequestBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.RequestsChanges(viewer))
            return RequestNotAllowed;
        if (await db.Set<Questionnaire>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == questionnaireId, cancellationToken) is not { } questionnaire)
            return SurveyErrors.QuestionnaireNotFound;
        var today = clock.Today;
        var versions = await db.Set<QuestionnaireVersion>().AsNoTracking().Where(v => v.QuestionnaireId == questionnaireId).ToListAsync(cancellationToken);
        var current = QuestionnaireVersion.InEffect(versions, today) ?? versions.MinBy(v => v.Number)!;
        var changes = await db.Set<QuestionnaireChange>().AsNoTracking().Where(c => c.QuestionnaireId == questionnaireId).ToListAsync(cancellationToken);
        var pending = changes.Any(c => c.Status is ChangeStatus.AwaitingAgreement or ChangeStatus.AwaitingSignOff || (c.Status == ChangeStatus.SignedOff && c.EffectiveFrom > today));
        var made = QuestionnaireChange.Request(questionnaire.Kind, current, pending, viewer.DepartmentId, body.Reason, body.Draft?.Questions, Actor.Staff(user.Id).Id, today, time.GetUtcNow());
        if (!made.Succeeded)
            return Result<ChangeView>.Fail(made.Errors);
        db.Add(made.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return await ChangeView.Of(staffNames, made.Value!, cancellationToken);
    }

    /// <param name="version">The request's version as read (If-Match), when the caller sends one: an older one is refused.</param>
    public async Task<Result<ChangeView>> Approve(Guid id, Guid? version = null, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return SurveyErrors.NotAParty;
        if (await db.Set<QuestionnaireChange>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } change)
            return SurveyErrors.ChangeNotFound;
        var parties = SurveyAccess.PartiesOf(viewer, change.DepartmentId);
        if (parties.Count == 0)
            return SurveyErrors.NotAParty;
        if (Versions.Check(version, change.Version, required: false) is { } stale)
            return stale;
        var party = parties.FirstOrDefault(p => p switch
        {
            ChangeParty.Department => change.DepartmentAgreedById is null,
            ChangeParty.CustomerService => change.CustomerServiceAgreedById is null,
            _ => true,
        });
        var (today, now) = (clock.Today, time.GetUtcNow());
        var approved = change.Approve(party, Actor.Staff(user.Id).Id, today, now);
        if (!approved.Succeeded)
            return Result<ChangeView>.Fail(approved.Errors);
        if (approved.Value == ChangeStatus.SignedOff)
        {
            var kind = await db.Set<Questionnaire>().Where(q => q.Id == change.QuestionnaireId).Select(q => q.Kind).SingleAsync(cancellationToken);
            var number = await db.Set<QuestionnaireVersion>().Where(v => v.QuestionnaireId == change.QuestionnaireId).MaxAsync(v => v.Number, cancellationToken);
            var made = QuestionnaireVersion.Create(change.QuestionnaireId, number + 1, kind, change.Draft, change.EffectiveFrom!.Value, now).Value!;
            db.Add(made);
            change.Made(made);
        }
        return await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is { } raced ? raced : await ChangeView.Of(staffNames, change, cancellationToken);
    }

    public async Task<Result<ChangeView>> Refuse(Guid id, ChangeDecisionBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return SurveyErrors.NotAParty;
        if (await db.Set<QuestionnaireChange>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } change)
            return SurveyErrors.ChangeNotFound;
        if (SurveyAccess.PartiesOf(viewer, change.DepartmentId).Count == 0)
            return SurveyErrors.NotAParty;
        if (Versions.Check(version, change.Version, required: false) is { } stale)
            return stale;
        var refused = change.Refuse(Actor.Staff(user.Id).Id, body.Note);
        if (!refused.Succeeded)
            return Result<ChangeView>.Fail(refused.Errors);
        return await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is { } raced ? raced : await ChangeView.Of(staffNames, change, cancellationToken);
    }
}
