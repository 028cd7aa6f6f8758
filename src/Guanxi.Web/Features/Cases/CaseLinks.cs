using Guanxi.Domain.Customers;
using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

using Guanxi.Domain.Complaints;

namespace Guanxi.Web.Features.Cases;

/// <summary>A customer a case names, as the reader may see it: name and link in their sight; otherwise a masked name, no id, no link.</summary>
public sealed record LinkedCustomer(Guid? Id, string Name, string? Link, bool Visible);

/// <summary>
/// The records a case links, checked and shown in one place: whoever links a customer must see it (a customer out of
/// sight is refused exactly like a missing one, without naming it), and a reader sees each linked customer only as far
/// as their own sight goes (ARC-9). A change keeps the links its writer cannot see: nobody removes what they cannot see.
/// </summary>
public sealed class CaseLinks(GuanxiDbContext db)
{
    public static readonly Error UnknownCustomer = Error.NotFound("case.customer_unknown", "客户不存在。", "No such customer.");
    public static readonly Error UnknownComplaint = Error.NotFound("case.complaint_unknown", "投诉不存在。", "No such complaint.");

    /// <summary>
    /// The content with its final links: those the writer asks for, each checked, then those already linked that the
    /// writer cannot see (kept as they were); or a not-found error on the field of each link the writer may not make.
    /// </summary>
    public async Task<Result<Domain.Service.CaseContent>> Check(Viewer viewer, Domain.Service.CaseContent content, IReadOnlyList<Guid> linkedBefore, IReadOnlyList<Guid> complaintsBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var asked = content.CustomerIds ?? [];
        var customers = await Sights(viewer, asked.Concat(linkedBefore), cancellationToken);
        var errors = new List<Error>();
        for (var i = 0; i < asked.Count; i++)
        {
            if (!customers.TryGetValue(asked[i], out var customer) || customer.Sight == CustomerSight.None || customer.Status == CustomerStatus.Merged)
                errors.Add(UnknownCustomer.At($"customerIds[{i}]"));
        }
        var complaintsAsked = content.ComplaintIds ?? [];
        var complaints = await ComplaintSights(viewer, complaintsAsked.Concat(complaintsBefore), cancellationToken);
        for (var i = 0; i < complaintsAsked.Count; i++)
        {
            if (!complaints.TryGetValue(complaintsAsked[i], out var seen) || !seen)
                errors.Add(UnknownComplaint.At($"complaintIds[{i}]"));
        }
        if (errors.Count > 0)
            return Result<Domain.Service.CaseContent>.Fail(errors);
        var hidden = linkedBefore.Where(id => !asked.Contains(id) && (!customers.TryGetValue(id, out var c) || c.Sight == CustomerSight.None));
        var hiddenComplaints = complaintsBefore.Where(id => !complaintsAsked.Contains(id) && (!complaints.TryGetValue(id, out var seen) || !seen));
        return content with { CustomerIds = [.. asked, .. hidden], ComplaintIds = [.. complaintsAsked, .. hiddenComplaints] };
    }

    /// <summary>The linked complaints the viewer may see (ComplaintAccess), in the case's order; the others are not named.</summary>
    public async Task<IReadOnlyList<Guid>> ShowComplaints(Viewer viewer, IReadOnlyList<Guid> complaintIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaintIds);
        var complaints = await ComplaintSights(viewer, complaintIds, cancellationToken);
        return [.. complaintIds.Where(id => complaints.GetValueOrDefault(id))];
    }

    private async Task<Dictionary<Guid, bool>> ComplaintSights(Viewer viewer, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
            return [];
        var rows = await (from c in db.Set<Complaint>()
                          join k in db.Set<Customer>() on c.CustomerId equals k.Id
                          where wanted.Contains(c.Id)
                          select new { c.Id, Facts = new ComplaintFacts(k.DepartmentId, k.OwnerId, c.DepartmentId, c.StaffId, c.AssigneeId, c.Status) }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => ComplaintAccess.Sees(viewer, r.Facts));
    }

    /// <summary>The linked customers as the viewer may see them, in the case's order.</summary>
    public async Task<IReadOnlyList<LinkedCustomer>> Show(Viewer viewer, IReadOnlyList<Guid> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var customers = await Sights(viewer, customerIds, cancellationToken);
        return [.. customerIds.Select(id => customers.TryGetValue(id, out var c) && c.Sight != CustomerSight.None
            ? new LinkedCustomer(id, c.Name, $"/customers/{id}", true)
            : new LinkedCustomer(null, PersonalDataMask.Name(c?.Name), null, false))];
    }

    private async Task<Dictionary<Guid, Sighted>> Sights(Viewer viewer, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
            return [];
        var rows = await db.Set<Customer>().Where(c => wanted.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.OwnerId, c.DepartmentId, c.Status }).ToListAsync(cancellationToken);
        return rows.ToDictionary(c => c.Id, c => new Sighted(c.Name, c.Status, CustomerAccess.SightOf(viewer, c.OwnerId, c.DepartmentId)));
    }

    private sealed record Sighted(string Name, CustomerStatus Status, CustomerSight Sight);
}
