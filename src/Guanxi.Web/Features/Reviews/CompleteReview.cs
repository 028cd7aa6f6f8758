using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Reviews;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Tasks;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Reviews;

public sealed record CompleteReviewBody(string? Category, string? Note);

/// <summary>ARC-6: the owner finishes a review — the archive is filed as important, special or general, with a note (required when flagged).</summary>
public sealed class CompleteReview(GuanxiDbContext db, CustomerViewers viewers, CurrentUser user, EnterpriseClock clock, TimeProvider time)
{
    /// <summary>Null when the review is out of the caller's sight.</summary>
    public async Task<Result<CustomerReview>> Handle(Guid id, CompleteReviewBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Tasks.CompleteTask.NotFound;
        var task = await db.Set<CustomerTask>().SingleOrDefaultAsync(t => t.Id == id && t.Kind == CustomerTaskKind.Review, cancellationToken);
        if (task is null || task.AssigneeId != viewer.UserId && !CustomerAccess.CanSee(viewer, task.DepartmentId))
            return Tasks.CompleteTask.NotFound;
        if (task.AssigneeId != viewer.UserId && !CustomerAccess.CanEdit(viewer, task.AssigneeId, task.DepartmentId))
            return CompleteTask.NotAllowed;
        var review = await db.Set<CustomerReview>().SingleAsync(r => r.Id == id, cancellationToken);
        if (!ApiEnums.TryParse<ReviewCategory>(body.Category, out var category))
            return ReviewErrors.CategoryRequired;
        var filed = review.File(category, body.Note);
        if (!filed.Succeeded)
            return filed;
        var customer = await db.Set<Customer>().SingleAsync(c => c.Id == review.CustomerId, cancellationToken);
        var archived = customer.File(category!.Value, clock.Today);
        if (!archived.Succeeded)
            return Result<CustomerReview>.Fail([.. archived.Errors]);
        var done = task.Complete(review.Outcome.Zh, Actor.Staff(user.Id).Id, time.GetUtcNow());
        if (!done.Succeeded)
            return Result<CustomerReview>.Fail([.. done.Errors]);
        await db.SaveChangesAsync(cancellationToken);
        return review;
    }
}
