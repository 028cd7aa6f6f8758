using Guanxi.Domain.Messaging;

namespace Guanxi.Web.Features.Customers;

/// <summary>Whether a customer agreed to marketing, on which channels and since when, as the archive shows it.</summary>
public sealed record MarketingConsentView(IReadOnlyList<Channel> Channels, DateTimeOffset? At)
{
    public static readonly MarketingConsentView None = new([], null);

    public bool Granted => Channels.Count > 0;

    /// <summary>
    /// The word a customer body (the form, the API) gives against this: <paramref name="consent"/> true is yes on the channels
    /// <paramref name="channels"/> names (all when it names none) and no on the others given before; false is no on those
    /// given; null (not sent) changes nothing. Null when nothing changes.
    /// </summary>
    public MarketingWord? WordFrom(Guid customerId, bool? consent, string? channels)
    {
        IReadOnlyList<Channel> yes = consent == true ? ConsentPolicy.ChannelsNamed(channels) : [];
        IReadOnlyList<Channel> no = consent is null ? [] : [.. Channels.Except(yes)];
        return yes.Except(Channels).Any() || no.Count > 0 ? new MarketingWord(customerId, yes, no, ConsentSource.Staff, "客户档案中登记") : null;
    }
}

/// <summary>
/// A customer's word on marketing from the customer form, the customer API or an import: yes on some channels, no on others
/// (a no withdraws a consent given and is a refusal from a customer never asked: <see cref="ConsentPolicy.NoFrom"/>).
/// </summary>
public sealed record MarketingWord(Guid CustomerId, IReadOnlyList<Channel> Yes, IReadOnlyList<Channel> No, ConsentSource Source, string? Evidence);

/// <summary>
/// The consent to marketing that the customer form, the customer API and the import speak of. Its truth is the consent
/// ledger (SEC-1), per channel, which Messaging keeps and registers this for: Customers and Imports read and write it
/// without knowing the ledger.
/// </summary>
public interface IMarketingConsent
{
    Task<IReadOnlyDictionary<Guid, MarketingConsentView>> Of(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken);

    /// <summary>Adds the words to the ledger (the caller saves); a word the ledger already holds changes nothing.</summary>
    Task Record(IReadOnlyList<MarketingWord> words, string byId, DateTimeOffset at, CancellationToken cancellationToken);
}
