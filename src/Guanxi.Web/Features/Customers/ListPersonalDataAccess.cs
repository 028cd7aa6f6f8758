using Guanxi.Domain.Common;
using Guanxi.Domain.Accounts;
using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Customers;

public sealed record PersonalDataAccessRow(
    long Id, DateTimeOffset At, string? UserId, string? UserName, PersonalDataAccessKind Kind, Guid? CustomerId, int RowCount, string? Reason);

/// <summary>The log of unmasked views, reveals and exports, newest first, for administrators; who is named as today.</summary>
public sealed class ListPersonalDataAccess(GuanxiDbContext db, CurrentUser current, StaffNames staffNames)
{
    public async Task<Result<Page<PersonalDataAccessRow>>> Handle(Guid? customerId, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        if (!current.Holds(AccountAccess.ReadsAudit))
            return StaffErrors.AuditNotAllowed;
        var rows = db.Set<PersonalDataAccess>().AsQueryable();
        if (customerId is { } id)
            rows = rows.Where(a => a.CustomerId == id);
        var found = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new PersonalDataAccessRow(a.Id, a.At, a.UserId, a.UserNameText, a.Kind, a.CustomerId, a.RowCount, a.Reason))
            .ToPageAsync(page, pageSize, cancellationToken);
        var names = await staffNames.Of(found.Items.Select(r => r.UserId), cancellationToken);
        return found with { Items = [.. found.Items.Select(r => r with { UserName = names.Who(r.UserId ?? Actor.SystemId, text: r.UserName) })] };
    }
}
