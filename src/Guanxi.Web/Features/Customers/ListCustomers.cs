using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

public sealed record CustomerQuery(
    string? Q = null, string? OwnerId = null, Guid? DepartmentId = null, CustomerType? Type = null, CustomerStatus? Status = null,
    int? Page = null, int? PageSize = null, Guid? GroupId = null, string? Sort = null, Tier? Tier = null,
    Domain.Lifecycle.LifecycleStage? Stage = null, Domain.Credit.CreditLevel? Credit = null, bool CreditNotRated = false, bool ContactOverdue = false);

public sealed record GroupRef(Guid Id, string Name);

public sealed record CustomerRow(
    Guid Id, string Name, CustomerType Type, string? Organization, string? PrimaryPhone, string OwnerId, string OwnerName,
    Guid DepartmentId, IReadOnlyList<GroupRef> Groups, DateTimeOffset CreatedAt, Tier Tier = Tier.Ordinary,
    Domain.Lifecycle.LifecycleStage Stage = Domain.Lifecycle.LifecycleStage.Potential, Domain.Credit.CreditLevel? Credit = null,
    DateTimeOffset? LastContactAt = null, bool ContactOverdue = false);

/// <summary>
/// The customers in the caller's sight (ARC-9), filtered, searched and sorted (search results by rank, otherwise newest
/// first; a search counts up to <see cref="CustomerSearch.CountLimit"/>), the primary phone masked unless the caller may see it;
/// each with the last contact and whether it is longer ago than the tier's follow-up cadence allows (SVC-4).
/// </summary>
public sealed class ListCustomers(GuanxiDbContext db, CustomerViewers viewers, PersonalDataLog log, CustomerSearch search, FollowUpCadence cadence)
{
    public async Task<Result<Page<CustomerRow>>> Handle(CustomerQuery query, CancellationToken cancellationToken = default)
    {
        var (page, size) = Page<CustomerRow>.Clamp(query.Page, query.PageSize);
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        List<Listed> rows;
        int total;
        var more = false;
        var followUp = await cadence.Today(cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.Q) && string.IsNullOrWhiteSpace(query.Sort))   // a search, best matches first
        {
            var found = await search.Page(Scoped(query, viewer, followUp), query.Q, (page - 1) * size, size, cancellationToken);
            var byId = await Project(db.Set<Customer>().AsNoTracking().Where(c => found.Ids.Contains(c.Id))).ToDictionaryAsync(r => r.Customer.Id, cancellationToken);
            (rows, total, more) = ([.. found.Ids.Select(id => byId[id])], found.Total, found.More);
        }
        else
        {
            var customers = Filtered(query, viewer, followUp);
            total = await customers.CountAsync(cancellationToken);
            rows = await Project(Sorted(customers, query).Skip((page - 1) * size).Take(size)).ToListAsync(cancellationToken);
        }
        var groups = await ListGroups.Of(db, [.. rows.Select(r => r.Customer.Id)], cancellationToken);
        var sights = rows.Select(r => CustomerAccess.SightOf(viewer, r.Customer.OwnerId, r.Customer.DepartmentId)).ToList();
        if (sights.Count(s => s == CustomerSight.Full) is var unmasked and > 0)
            await log.RecordAsync(PersonalDataAccessKind.List, null, unmasked, null, cancellationToken);   // ARC-9: unmasked phones were shown
        return new Page<CustomerRow>([.. rows.Select((r, i) => Row(r.Customer, r.Owner ?? "", sights[i], [.. groups[r.Customer.Id]], followUp))], total, page, size, more);
    }

    private IQueryable<Listed> Project(IQueryable<Customer> customers) =>
        customers.Select(c => new Listed { Customer = c, Owner = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault() });

    private sealed class Listed
    {
        public required Customer Customer { get; init; }
        public string? Owner { get; init; }
    }

    /// <summary>
    /// The caller's customers matching the query's filters and search, unsorted (also what an export writes); the
    /// follow-up cadences of today when the query asks for the customers overdue for a contact.
    /// </summary>
    public IQueryable<Customer> Filtered(CustomerQuery query, Viewer viewer, FollowUpToday? followUp) =>
        string.IsNullOrWhiteSpace(query.Q) ? Scoped(query, viewer, followUp) : search.Filter(Scoped(query, viewer, followUp), query.Q);

    /// <summary>The caller's customers matching the query's filters, before any search.</summary>
    private IQueryable<Customer> Scoped(CustomerQuery query, Viewer viewer, FollowUpToday? followUp)
    {
        var customers = db.Set<Customer>().AsNoTracking().Where(c => c.Status == (query.Status ?? CustomerStatus.Active));
        if (CustomerAccess.ListedDepartment(viewer) is { } listed)   // only the viewer's own department, if their role sees it
            customers = customers.Where(c => c.DepartmentId == listed);
        if (query.OwnerId is { } ownerId)
            customers = customers.Where(c => c.OwnerId == ownerId);
        if (query.DepartmentId is { } departmentId)
            customers = customers.Where(c => c.DepartmentId == departmentId);
        if (query.Type is { } type)
            customers = customers.Where(c => c.Type == type);
        if (query.Tier is { } tier)
            customers = customers.Where(c => c.Tier == tier);
        if (query.Stage is { } stage)
            customers = customers.Where(c => c.Stage == stage);
        if (query.Credit is { } credit)
            customers = customers.Where(c => c.Credit == credit);
        if (query.CreditNotRated)
            customers = customers.Where(c => c.Credit == null);
        if (query.GroupId is { } groupId)
            customers = customers.Where(c => db.Set<CustomerGroupMember>().Any(m => m.GroupId == groupId && m.CustomerId == c.Id));
        if (query.ContactOverdue)
            customers = (followUp ?? throw new ArgumentNullException(nameof(followUp), "The overdue filter needs today's cadences.")).Overdue(customers);
        return customers;
    }

    /// <summary>Sort keys: name, createdAt; a leading '-' sorts descending; otherwise the newest first (a search without a sort key ranks instead).</summary>
    public IQueryable<Customer> Sorted(IQueryable<Customer> customers, CustomerQuery query) => query.Sort switch
    {
        "name" => customers.OrderBy(c => c.Name).ThenBy(c => c.Id),
        "-name" => customers.OrderByDescending(c => c.Name).ThenBy(c => c.Id),
        "createdAt" => customers.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
        _ => customers.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id),
    };

    private static CustomerRow Row(Customer c, string owner, CustomerSight sight, IReadOnlyList<GroupRef> groups, FollowUpToday followUp)
    {
        var phone = c.Phones.OrderBy(p => p.Kind).FirstOrDefault()?.Number;
        return new CustomerRow(c.Id, c.Name, c.Type, c.Organization,
            phone is null ? null : sight == CustomerSight.Full ? phone : PersonalDataMask.Phone(phone),
            c.OwnerId, owner, c.DepartmentId, groups, c.CreatedAt, c.Tier, c.Stage, c.Credit,
            c.LastContactAt, c.Status == CustomerStatus.Active && followUp.IsOverdue(c.Tier, c.LastContactAt, c.CreatedAt));
    }
}
