using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Contacts;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Tasks;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.FollowUps;

/// <summary>
/// The body of a completed follow-up: usage, new needs, feedback (one at least), and whether it is a sales opportunity —
/// <c>opportunity</c> is true or false, or the opportunity in words (which makes it true); <c>opportunityNote</c> may say more.
/// </summary>
public sealed record CompleteFollowUpBody(string? Usage, string? Needs, string? Feedback, JsonElement? Opportunity = null, string? OpportunityNote = null);

/// <summary>
/// SVC-4: the assignee (or whoever may edit the customer for them) completes a care call or follow-up with what it learnt.
/// A task out of the caller's sight is not found.
/// </summary>
public sealed class CompleteFollowUp(GuanxiDbContext db, CustomerViewers viewers, CurrentUser user, TimeProvider time)
{
    public static readonly Error OpportunityShape = new("followups.opportunity", "opportunity 应为 true、false 或商机说明文字。", "opportunity is true, false or the opportunity in words.", "opportunity");

    /// <summary>From the API: <c>opportunity</c> is true, false or the opportunity in words.</summary>
    public Task<Result<CustomerTask>> Handle(Guid id, CompleteFollowUpBody body, CancellationToken cancellationToken = default) =>
        Opportunity(body) is { } opportunity
            ? Handle(id, new FollowUpNotes(body.Usage, body.Needs, body.Feedback, opportunity.Flag, opportunity.Note), cancellationToken)
            : Task.FromResult<Result<CustomerTask>>(OpportunityShape);

    public async Task<Result<CustomerTask>> Handle(Guid id, FollowUpNotes notes, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var task = await db.Set<CustomerTask>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !FollowUpPlan.IsFollowUp(task.Kind) || task.AssigneeId != viewer.UserId && !CustomerAccess.CanSee(viewer, task.DepartmentId))
            return CompleteTask.NotFound;
        if (task.AssigneeId != viewer.UserId && !CustomerAccess.CanEdit(viewer, task.AssigneeId, task.DepartmentId))
            return CompleteTask.NotAllowed;
        var now = time.GetUtcNow();
        var done = task.CompleteFollowUp(notes, Actor.Staff(user.Id).Id, now);
        if (!done.Succeeded)
            return done;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (await db.Set<Customer>().AnyAsync(c => c.Id == task.CustomerId && c.Status == CustomerStatus.Active, cancellationToken)
            && Contact.Record(task.CustomerId, task.DepartmentId, viewer.UserId, Details(task, task.FollowUp!), now) is { Succeeded: true } contact)
            await RecordContact.Keep(db, contact.Value!, cancellationToken);   // the call or visit itself is a contact on the timeline
        await transaction.CommitAsync(cancellationToken);
        return done;
    }

    /// <summary>The follow-up as a contact: an outbound call (or a visit) after the sale, what it learnt as its summary.</summary>
    private static ContactDetails Details(CustomerTask task, FollowUpNotes notes)
    {
        var kind = task.Kind.Chinese();
        var summary = string.Join("；", new[] { ("使用情况", notes.Usage), ("新需求", notes.Needs), ("客户意见", notes.Feedback) }
            .Where(x => x.Item2 is not null).Select(x => $"{x.Item1}：{x.Item2}"));
        summary = $"{kind}。{summary}";
        var outcome = notes.Opportunity ? $"销售机会：{notes.OpportunityNote ?? "是"}" : null;
        return new ContactDetails(task.Kind == CustomerTaskKind.FollowUpVisit ? ContactChannel.Visit : ContactChannel.Phone, ContactDirection.Outbound, null,
            summary.Length > Contact.MaxSummaryLength ? summary[..Contact.MaxSummaryLength] : summary,
            outcome?.Length > Contact.MaxOutcomeLength ? outcome[..Contact.MaxOutcomeLength] : outcome, Touchpoint.AfterSale);
    }

    private static (bool Flag, string? Note)? Opportunity(CompleteFollowUpBody body) => body.Opportunity?.ValueKind switch
    {
        null or JsonValueKind.Null or JsonValueKind.False => (false, body.OpportunityNote),
        JsonValueKind.True => (true, body.OpportunityNote),
        JsonValueKind.String when body.Opportunity.Value.GetString() is { } words => string.IsNullOrWhiteSpace(words)
            ? (false, body.OpportunityNote)
            : (true, string.IsNullOrWhiteSpace(body.OpportunityNote) ? words : $"{words.Trim()}；{body.OpportunityNote.Trim()}"),
        _ => null,
    };
}
