using Guanxi.Domain.Common;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

/// <summary>A consent as it stands: channel, kind, state, where it came from and when (the API's fixed shape), with the evidence and who recorded it.</summary>
public sealed record ConsentView(Channel Channel, MessageKind Kind, ConsentState State, ConsentSource Source, DateTimeOffset At, string? Evidence, string? By, string ById);

/// <summary>One change in a customer's consent history.</summary>
public sealed record ConsentChangeView(Channel Channel, MessageKind Kind, ConsentState State, ConsentSource Source, DateTimeOffset At, string? Evidence, string? By, string ById);

/// <summary>SEC-1: a customer's consents per channel and kind, and their history — for whoever sees the customer.</summary>
public sealed class GetConsents(GuanxiDbContext db, CustomerViewers viewers, StaffNames names)
{
    public async Task<Result<IReadOnlyList<ConsentView>>> Handle(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (await viewers.WithCustomer(customerId, cancellationToken) is null)
            return CustomerWebErrors.NotFound;
        var consents = await db.Set<Consent>().AsNoTracking().Where(c => c.CustomerId == customerId).ToListAsync(cancellationToken);
        var who = await names.Of(consents.Select(c => c.ById), cancellationToken);
        return consents.OrderBy(c => c.Channel).ThenBy(c => c.Kind)
            .Select(c => new ConsentView(c.Channel, c.Kind, c.State, c.Source, c.At, c.Evidence, who.Who(c.ById), c.ById)).ToList();
    }

    public async Task<Result<IReadOnlyList<ConsentChangeView>>> History(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (await viewers.WithCustomer(customerId, cancellationToken) is null)
            return CustomerWebErrors.NotFound;
        var changes = await db.Set<ConsentChange>().AsNoTracking().Where(c => c.CustomerId == customerId).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(200).ToListAsync(cancellationToken);
        var who = await names.Of(changes.Select(c => c.ById), cancellationToken);
        return changes.Select(c => new ConsentChangeView(c.Channel, c.Kind, c.State, c.Source, c.At, c.Evidence, who.Who(c.ById), c.ById)).ToList();
    }
}
