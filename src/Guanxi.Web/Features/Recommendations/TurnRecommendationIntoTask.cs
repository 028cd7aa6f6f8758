using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Recommendations;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Recommendations;

/// <summary>Which recommendation to follow up: its kind and, when the customer has several of that kind (two cars, several items), its subject.</summary>
public sealed record RecommendationTaskBody(RecommendationKind Kind, string? Subject = null);

/// <summary>The task made: its id, kind (recommendation), due day, assignee (the customer's owner) and note.</summary>
public sealed record RecommendationTaskView(Guid TaskId, CustomerTaskKind Kind, DateOnly DueOn, string AssigneeId, string Note);

/// <summary>
/// SVC-6: turns one of a customer's recommendations (as they are today) into a task for the customer's owner — kind
/// 推荐跟进, its note the title and the reason — shown in the owner's 我的任务. Due a week before the recommendation is
/// (an item: in a week), not before today. For whoever sees the customer (404 otherwise, and for a recommendation the
/// customer does not have today); only for an active customer (409). While a task made from the same recommendation is
/// open, another is refused with 409 naming it (<c>taskId</c>, <c>dueOn</c>, <c>assigneeId</c>).
/// </summary>
public sealed class TurnRecommendationIntoTask(GuanxiDbContext db, GetRecommendations recommendations, CurrentUser user, EnterpriseClock clock, TimeProvider time)
{
    public static readonly Error Unknown = Error.NotFound("recommendation.not_found", "该客户目前没有这条推荐。", "The customer has no such recommendation now.");
    public static readonly Error NotActive = Error.Conflict("recommendation.customer_not_active", "客户已归档或已删除，不能创建任务。", "The customer is archived or erased; no task can be made.");

    public static Error TaskOpen(Guid taskId, DateOnly dueOn, string assigneeId) =>
        Error.Conflict("recommendation.task_open", $"这条推荐已转为任务（{dueOn:yyyy-MM-dd} 到期），尚未完成。", $"This recommendation is already a task (due {dueOn:yyyy-MM-dd}), not done yet.")
            with { Extensions = new Dictionary<string, object?> { ["taskId"] = taskId, ["dueOn"] = dueOn, ["assigneeId"] = assigneeId } };

    public async Task<Result<RecommendationTaskView>> Handle(Guid customerId, RecommendationTaskBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await recommendations.InSight(customerId, cancellationToken) is not { } customer || user.Id is not { } by)
            return GetRecommendations.NotFound;
        var (found, _) = await recommendations.For(customer.Id, cancellationToken);
        var subject = string.IsNullOrWhiteSpace(body.Subject) ? null : body.Subject.Trim();
        if (found.FirstOrDefault(r => r.Kind == body.Kind && (subject is null || string.Equals(r.Subject, subject, StringComparison.OrdinalIgnoreCase))) is not { } chosen)
            return Unknown;
        if (customer.Status != CustomerStatus.Active)
            return NotActive;
        if ((await recommendations.OpenTasks(customer.Id, cancellationToken)).TryGetValue(chosen.Key, out var open))
            return TaskOpen(open.TaskId, open.DueOn, open.AssigneeId);

        var today = clock.Today;
        var due = (chosen.DueOn ?? today.AddDays(14)).AddDays(-7);
        var task = CustomerTask.Open(customer.Id, CustomerTaskKind.Recommendation, customer.OwnerId, customer.DepartmentId, due < today ? today : due,
            (Clip($"{chosen.Title}：{chosen.Reason}"), Clip($"{chosen.TitleEn}: {chosen.ReasonEn}")), time.GetUtcNow());
        db.Add(task);
        db.Add(new RecommendationTask
        {
            Id = Guid.CreateVersion7(), CustomerId = customer.Id, Key = chosen.Key.Length > RecommendationTask.MaxKeyLength ? chosen.Key[..RecommendationTask.MaxKeyLength] : chosen.Key,
            Kind = chosen.Kind, TaskId = task.Id, CreatedAt = time.GetUtcNow(), CreatedById = by,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new RecommendationTaskView(task.Id, task.Kind, task.DueOn, task.AssigneeId, Cultures.IsEnglish ? task.NoteEn : task.Note);
    }

    private static string Clip(string note) => note.Length > 500 ? note[..499] + "…" : note;
}
