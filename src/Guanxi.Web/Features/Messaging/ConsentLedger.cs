using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

/// <summary>
/// The consent ledger (SEC-1): records a customer's word on a channel and kind — the current state and, append-only, the
/// change. A word older than the one on record goes into the history without overturning the newer state. The caller saves.
/// </summary>
public sealed class ConsentLedger(GuanxiDbContext db)
{
    public async Task<ConsentChange?> Record(Guid customerId, Channel channel, MessageKind kind, ConsentState state, ConsentSource source, string? evidence,
        string byId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var consent = db.Set<Consent>().Local.SingleOrDefault(c => c.CustomerId == customerId && c.Channel == channel && c.Kind == kind)
            ?? await db.Set<Consent>().SingleOrDefaultAsync(c => c.CustomerId == customerId && c.Channel == channel && c.Kind == kind, cancellationToken);
        if (consent is null)
        {
            consent = Consent.New(customerId, channel, kind);
            db.Add(consent);
        }
        else if (consent.At > at)
        {
            var past = new ConsentChange(customerId, channel, kind, state, source, evidence, at, byId);
            db.Add(past);
            return past;
        }
        if (consent.Record(state, source, evidence, byId, at) is not { } change)
            return null;
        db.Add(change);
        return change;
    }
}
