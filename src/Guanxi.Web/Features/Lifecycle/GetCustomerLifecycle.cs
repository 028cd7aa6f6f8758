using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Reviews;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Tasks;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Lifecycle;

/// <summary>One stage change: <see cref="By"/> names who caused it as today, in the viewer's language, with why; <see cref="ById"/> is their id (or the system's).</summary>
public sealed record StageChangeView(long Id, DateTimeOffset At, LifecycleStage From, LifecycleStage To, DateOnly? EffectiveOn, string Reason, string By, ChurnReason? ChurnReason, string? ChurnNote, string ById, string? ChurnRecordedBy);
public sealed record LifecycleView(
    LifecycleStage Stage, DateOnly? Since, string Strategy, ProspectLevel? ProspectLevel, ChurnReason? ChurnReason, string? ChurnNote,
    IReadOnlyList<StageChangeView> History, IReadOnlyList<CustomerTaskView> Tasks, bool CanEdit,
    KeyAccountRelationship Relationship, ReviewCategory? ArchiveCategory, DateOnly? ReviewedOn);

/// <summary>
/// LIF-1..4, GRD-7, ARC-6: a customer's stage, since when, the stage's strategy, the stage history, their tasks, the churn
/// reason, the key-account relationship and how the last review filed the archive (null when out of sight).
/// </summary>
public sealed class GetCustomerLifecycle(GuanxiDbContext db, CustomerViewers viewers, Domain.Common.EnterpriseClock clock, StaffNames staffNames)
{
    public async Task<Result<LifecycleView>> Handle(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return CustomerWebErrors.NotFound;
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId && c.Status != CustomerStatus.Merged)
            .Select(c => new { c.Name, c.Stage, c.StageSince, c.ProspectLevel, c.OwnerId, c.DepartmentId, c.RelationshipStage, c.RelationshipType, c.RelationshipPhase, c.RelationshipNote, c.ArchiveCategory, c.ReviewedOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        var english = Cultures.IsEnglish;
        var changes = await db.Set<StageChange>().AsNoTracking().Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.Id).Take(100)
            .Select(s => new
            {
                View = new StageChangeView(s.Id, s.At, s.From, s.To, s.EffectiveOn, english ? s.ReasonEn : s.Reason, "", s.ChurnReason, s.ChurnNote, s.ById, s.ChurnRecordedById),
                s.ByCause, s.ByText, s.ChurnRecordedByText,
            })
            .ToListAsync(cancellationToken);
        var names = await staffNames.Of(changes.SelectMany(s => new[] { s.View.ById, s.View.ChurnRecordedBy }), cancellationToken);
        var history = changes.Select(s => s.View with
        {
            By = names.Who(s.View.ById, s.ByCause, s.ByText), ChurnRecordedBy = names.WhoIfAny(s.View.ChurnRecordedBy, s.ChurnRecordedByText),
        }).ToList();
        var today = clock.Today;
        var tasks = await db.Set<CustomerTask>().AsNoTracking().Where(t => t.CustomerId == customerId)
            .OrderBy(t => t.DoneAt != null).ThenByDescending(t => t.DueOn).Take(20)
            .Select(t => new
            {
                View = new CustomerTaskView(t.Id, t.CustomerId, customer.Name, t.Kind, t.DueOn, english ? t.NoteEn : t.Note,
                    db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(), t.DoneAt, null, t.Outcome, t.DoneAt == null && t.DueOn < today, t.DoneById),
                t.DoneByText,
            })
            .ToListAsync(cancellationToken);
        var churn = customer.Stage == LifecycleStage.Churned ? history.FirstOrDefault(h => h.To == LifecycleStage.Churned) : null;
        var strategy = customer.Stage.Strategy();
        return new LifecycleView(customer.Stage, customer.StageSince, english ? strategy.English : strategy.Chinese, customer.ProspectLevel,
            churn?.ChurnReason, churn?.ChurnNote, history, await CustomerTaskView.Named(staffNames, [.. tasks.Select(t => (t.View, t.DoneByText))], cancellationToken), CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId),
            new KeyAccountRelationship(customer.RelationshipStage, customer.RelationshipType, customer.RelationshipPhase, customer.RelationshipNote),
            customer.ArchiveCategory, customer.ReviewedOn);
    }
}
