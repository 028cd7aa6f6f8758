using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Customers;

public sealed record PersonalDataAccessRow(
    long Id, DateTimeOffset At, string? UserId, string? UserName, PersonalDataAccessKind Kind, Guid? CustomerId, int RowCount, string? Reason);

/// <summary>The log of unmasked views, reveals and exports, newest first, for administrators; who is named as today.</summary>
public sealed class ListPersonalDataAccess(GuanxiDbContext db, StaffNames staffNames)
{
    public async Task<Page<PersonalDataAccessRow>> Handle(Guid? customerId, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var rows = db.Set<PersonalDataAccess>().AsQueryable();
        if (customerId is { } id)
            rows = rows.Where(a => a.CustomerId == id);
        var found = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new PersonalDataAccessRow(a.Id, a.At, a.UserId, a.UserNameText, a.Kind, a.CustomerId, a.RowCount, a.Reason))
            .ToPageAsync(page, pageSize, cancellationToken);
        var names = await staffNames.Of(found.Items.Select(r => r.UserId), cancellationToken);
        return found with { Items = [.. found.Items.Select(r => r with { UserName = names.Who(r.UserId ?? Domain.Common.Actor.SystemId, text: r.UserName) })] };
    }
}
