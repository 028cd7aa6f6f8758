using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Contacts;

/// <summary>One contact, for whoever sees its customer; to anyone else it is not there.</summary>
public sealed class GetContact(GuanxiDbContext db, CustomerViewers viewers, StaffNames staffNames)
{
    public static readonly Error NotFound = Error.NotFound("contact.not_found", "联系记录不存在。", "No such contact.");

    public async Task<Result<ContactRecordView>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return NotFound;
        var row = await (from k in db.Set<Contact>().AsNoTracking()
                         join c in db.Set<Customer>() on k.CustomerId equals c.Id
                         where k.Id == id
                         select new { Contact = k, c.Name, c.OwnerId, c.DepartmentId }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || CustomerAccess.SightOf(viewer, row.OwnerId, row.DepartmentId) == CustomerSight.None)
            return NotFound;
        var names = await staffNames.Of([row.Contact.StaffId], cancellationToken);
        return View(row.Contact, row.Name, names);
    }

    public static ContactRecordView View(Contact k, string customerName, ActorNames names) =>
        new(k.Id, k.CustomerId, customerName, k.Channel, k.Direction, k.At, k.Summary, k.Outcome, k.Touchpoint, k.StaffId, names.Who(k.StaffId), k.DepartmentId, k.CreatedAt, k.Version);
}
