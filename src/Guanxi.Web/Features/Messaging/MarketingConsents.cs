using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

/// <summary>
/// The archive's consent to marketing read from and written to the ledger (SEC-1): granted on the channels whose marketing
/// consent stands as given, since the latest of them; a word from the form or an import becomes a change per channel.
/// </summary>
public sealed class MarketingConsents(GuanxiDbContext db) : IMarketingConsent
{
    public async Task<IReadOnlyDictionary<Guid, MarketingConsentView>> Of(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        var granted = await db.Set<Consent>().AsNoTracking()
            .Where(c => customerIds.Contains(c.CustomerId) && c.Kind == MessageKind.Marketing && c.State == ConsentState.Granted)
            .Select(c => new { c.CustomerId, c.Channel, c.At })
            .ToListAsync(cancellationToken);
        var byCustomer = granted.GroupBy(c => c.CustomerId)
            .ToDictionary(g => g.Key, g => new MarketingConsentView([.. g.Select(c => c.Channel).Order()], g.Max(c => c.At)));
        return customerIds.Distinct().ToDictionary(id => id, id => byCustomer.GetValueOrDefault(id) ?? MarketingConsentView.None);
    }

    public async Task Record(IReadOnlyList<MarketingWord> words, string byId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var onRecord = new Dictionary<(Guid, Channel), Consent>();
        foreach (var chunk in words.Select(w => w.CustomerId).Distinct().Chunk(500))
        {
            await foreach (var consent in db.Set<Consent>().Where(c => chunk.Contains(c.CustomerId) && c.Kind == MessageKind.Marketing).AsAsyncEnumerable().WithCancellation(cancellationToken))
                onRecord[(consent.CustomerId, consent.Channel)] = consent;
        }
        foreach (var word in words)
        {
            foreach (var channel in Enum.GetValues<Channel>())
            {
                var current = onRecord.GetValueOrDefault((word.CustomerId, channel));
                ConsentState? state = word.Yes.Contains(channel) ? ConsentState.Granted
                    : word.No.Contains(channel) ? ConsentPolicy.NoFrom(current?.State)
                    : null;
                if (state is not { } recorded)
                    continue;
                if (current is null)
                {
                    current = onRecord[(word.CustomerId, channel)] = Consent.New(word.CustomerId, channel, MessageKind.Marketing);
                    db.Add(current);
                }
                if (current.Record(recorded, word.Source, word.Evidence, byId, at) is { } change)
                    db.Add(change);
            }
        }
    }
}
