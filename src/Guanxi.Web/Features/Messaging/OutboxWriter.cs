using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

/// <summary>
/// What a batch of messages from one template shares: the settings, the owners' names, what makes a second message the same one,
/// when it is planned and by when it must have left, what it greets, and the bulk send or care plan it belongs to.
/// </summary>
public sealed record OutboxBatch(MessageTemplate Template, MessagingPolicy Policy, IReadOnlyDictionary<string, string> Owners, string DedupeKey, DateTimeOffset Planned,
    string ById, DateTimeOffset Now, string? Occasion = null, Guid? BulkSendId = null, Guid? CarePlanId = null, DateTimeOffset? SendBy = null)
{
    /// <summary>Whether any message has this batch's dedupe key (asked once, by the first chunk).</summary>
    public bool? MayDuplicate { get; set; }

    /// <summary>Whether any marketing message is planned for the batch's day (asked once, by the first chunk).</summary>
    public bool? MayCap { get; set; }
}

/// <summary>One customer's message (none for a dry run) and why it does not go (null: it goes).</summary>
public sealed record OutboxOutcome(Guid CustomerId, OutboxMessage? Message, SuppressionReason? Reason);

/// <summary>
/// Writes the messages of a batch for some customers (SVC-5, SEC-1), the one way bulk sends and care plans do it: each composed
/// from the template (<see cref="MessageComposer"/>), suppressed for consent or a missing address, for a duplicate (the same
/// dedupe key already on the customer's channel) or the day's cap of marketing messages; a suppressed one keeps no dedupe key.
/// A dry run only says who would be suppressed and why. The caller inserts the messages.
/// </summary>
public sealed class OutboxWriter(GuanxiDbContext db, MessageComposer composer)
{
    /// <summary>The messages for the customers <paramref name="ids"/> (a care plan's day).</summary>
    public async Task<IReadOnlyList<OutboxOutcome>> Write(OutboxBatch batch, IReadOnlyCollection<Guid> ids, bool dryRun, CancellationToken cancellationToken)
    {
        var template = batch.Template;
        var rows = await composer.Recipients(db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id)), template.Channel, template.Kind).ToListAsync(cancellationToken);
        return await Write(batch, rows, db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.CustomerId)), dryRun, cancellationToken);
    }

    /// <summary>
    /// The messages for recipients already read, whose earlier messages are among <paramref name="theirs"/> (a bulk send's
    /// chunk: the customers of a key range). Whether a duplicate or the day's cap is possible at all is asked once per batch.
    /// </summary>
    public async Task<IReadOnlyList<OutboxOutcome>> Write(OutboxBatch batch, IReadOnlyList<Recipient> rows, IQueryable<OutboxMessage> theirs, bool dryRun, CancellationToken cancellationToken)
    {
        var template = batch.Template;
        var (dayStart, dayEnd) = composer.LocalDay(batch.Planned);
        batch.MayDuplicate ??= await db.Set<OutboxMessage>().AnyAsync(m => m.Channel == template.Channel && m.DedupeKey == batch.DedupeKey, cancellationToken);
        batch.MayCap ??= template.Kind == MessageKind.Marketing && await db.Set<OutboxMessage>().AnyAsync(m => m.Kind == MessageKind.Marketing
            && m.Status != MessageStatus.Suppressed && m.PlannedAt >= dayStart && m.PlannedAt < dayEnd, cancellationToken);
        var sent = batch.MayDuplicate == true
            ? (await theirs.Where(m => m.Channel == template.Channel && m.DedupeKey == batch.DedupeKey).Select(m => m.CustomerId).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var today = batch.MayCap == true
            ? await theirs.Where(m => m.Kind == MessageKind.Marketing && m.Status != MessageStatus.Suppressed && m.PlannedAt >= dayStart && m.PlannedAt < dayEnd)
                .GroupBy(m => m.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken)
            : [];
        var nextAllowed = composer.NextAllowed(batch.Policy);
        var outcomes = new List<OutboxOutcome>(rows.Count);
        foreach (var r in rows)
        {
            SuppressionReason? reason;
            OutboxMessage.Draft? draft = null;
            if (dryRun)
                reason = ConsentPolicy.Check(template.Kind, r.Consent) ?? (composer.Address(template.Channel, r) is null ? SuppressionReason.NoAddress : null);
            else
                (draft, reason) = composer.Compose(template, r, batch.Owners.GetValueOrDefault(r.OwnerId) ?? "", batch.Policy, batch.Occasion, batch.BulkSendId, batch.CarePlanId, batch.DedupeKey, batch.SendBy);
            reason ??= sent.Contains(r.Id) ? SuppressionReason.Duplicate
                : today.GetValueOrDefault(r.Id) >= batch.Policy.DailyCap ? SuppressionReason.DailyCap : null;
            var message = draft is null ? null
                : OutboxMessage.Write(reason is null ? draft : draft with { DedupeKey = null }, batch.Planned, reason, nextAllowed, batch.ById, batch.Now);
            outcomes.Add(new OutboxOutcome(r.Id, message, message?.Reason ?? reason));
        }
        return outcomes;
    }
}
