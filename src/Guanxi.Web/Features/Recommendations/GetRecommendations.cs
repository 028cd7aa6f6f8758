using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Recommendations;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Recommendations;

/// <summary>
/// One recommendation as the API and the page give it: its kind and subject (the vehicle's VIN or plate, or the item
/// proposed — with the kind, what POST …/recommendations/task names), title and reason in the caller's language (dates as
/// yyyy-MM-dd, shown as every kept sentence is), the day it is due (none for an item), priority and score (0–100, the
/// list's order), the text a care message to the customer would carry (<c>careText</c>: the hook for care messages), and
/// the open task it was turned into, if any.
/// </summary>
public sealed record RecommendationView(
    RecommendationKind Kind, string Subject, string Title, string Reason, DateOnly? DueOn, RecommendationPriority Priority, int Score,
    string CareText, Guid? OpenTaskId);

/// <summary>A customer's recommendations, the most urgent first, and when the night last counted the item pairs.</summary>
public sealed record RecommendationList(Guid CustomerId, IReadOnlyList<RecommendationView> Items, DateTimeOffset? PairsCountedAt);

/// <summary>
/// SVC-6: a customer's recommendations from their purchase history — the dealer's (<see cref="DealerRecommendations"/>:
/// service by time and mileage, tyres, battery, insurance, trade-in) and "customers who bought X also bought Y" (the pairs
/// of the items they bought, as the night kept them, <see cref="CoOccurrence.For"/>). For whoever sees the customer; 404
/// when out of sight, missing or merged away.
/// </summary>
public sealed class GetRecommendations(GuanxiDbContext db, CustomerViewers viewers, EnterpriseSettings settings, EnterpriseClock clock)
{
    public static readonly Error NotFound = CustomerWebErrors.NotFound;

    public async Task<Result<RecommendationList>> Handle(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (await InSight(customerId, cancellationToken) is not { } customer)
            return NotFound;
        var (found, countedAt) = await For(customer.Id, cancellationToken);
        var open = await OpenTasks(customer.Id, cancellationToken);
        var english = Cultures.IsEnglish;
        return new RecommendationList(customer.Id, [.. found.Select(r => new RecommendationView(r.Kind, r.Subject, english ? r.TitleEn : r.Title,
            english ? r.ReasonEn : r.Reason, r.DueOn, r.Priority, r.Score, english ? r.CareTextEn : r.CareText,
            open.TryGetValue(r.Key, out var task) ? task.TaskId : null))], countedAt);
    }

    /// <summary>The customer, when the caller sees them (not merged away); null otherwise.</summary>
    public async Task<Customer?> InSight(Guid customerId, CancellationToken cancellationToken)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return null;
        var customer = await db.Set<Customer>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId && c.Status != CustomerStatus.Merged, cancellationToken);
        return customer is not null && CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) != CustomerSight.None ? customer : null;
    }

    /// <summary>The customer's recommendations today, the highest score first; and when the item pairs were counted.</summary>
    public async Task<(IReadOnlyList<Recommendation> Found, DateTimeOffset? PairsCountedAt)> For(Guid customerId, CancellationToken cancellationToken)
    {
        var policy = await RecommendationSettings.Current(settings, cancellationToken);
        var today = clock.Today;
        var orders = await db.Set<Order>().AsNoTracking().Where(o => o.CustomerId == customerId && o.Amount >= 0)
            .Select(o => new { o.Kind, o.OrderedAt, o.DeliveredAt, o.VehicleModel, o.VehiclePlate, o.VehicleVin, o.VehicleMileage, o.Items })
            .ToListAsync(cancellationToken);
        var facts = orders.Select(o => new OrderFact(o.Kind, o.OrderedAt, o.DeliveredAt, o.VehicleModel, o.VehiclePlate, o.VehicleVin, o.VehicleMileage,
            [.. o.Items.Select(i => i.Name)])).ToList();
        var bought = facts.SelectMany(f => f.Items).Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var pairs = bought.Count == 0 ? [] : await db.Set<ItemPair>().AsNoTracking().Where(p => EF.Parameter(bought).Contains(p.Item)).ToListAsync(cancellationToken);
        IReadOnlyList<Recommendation> found =
        [
            .. DealerRecommendations.For(facts, today, policy),
            .. CoOccurrence.For(bought, pairs.Select(p => p.Figures), policy),
        ];
        var countedAt = pairs.Count > 0 ? pairs.Max(p => p.ComputedAt) : await db.Set<ItemPair>().OrderBy(p => p.Item).ThenBy(p => p.Other)   // the night writes them all at once
            .Select(p => (DateTimeOffset?)p.ComputedAt).FirstOrDefaultAsync(cancellationToken);
        return ([.. found.OrderByDescending(r => r.Score).ThenBy(r => r.DueOn ?? DateOnly.MaxValue)], countedAt);
    }

    /// <summary>The customer's open tasks made from a recommendation, by the recommendation's key.</summary>
    public async Task<Dictionary<string, (Guid TaskId, DateOnly DueOn, string AssigneeId)>> OpenTasks(Guid customerId, CancellationToken cancellationToken)
    {
        var open = await (from link in db.Set<RecommendationTask>()
                          join task in db.Set<CustomerTask>() on link.TaskId equals task.Id
                          where link.CustomerId == customerId && task.DoneAt == null
                          select new { link.Key, task.Id, task.DueOn, task.AssigneeId }).ToListAsync(cancellationToken);
        return open.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Select(t => (t.Id, t.DueOn, t.AssigneeId)).First());
    }
}
