using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// One customer as the caller may see it; not found when outside the caller's sight (never confirmed to exist). Every unmasked
/// view is logged (ARC-9); a colleague who sees it masked may reveal it with a reason, which is logged too.
/// </summary>
public sealed class GetCustomer(GuanxiDbContext db, CustomerViewers viewers, PersonalDataLog log, IMarketingConsent consents)
{
    public static readonly Error ReasonRequired = new("customer.reveal_reason_required", "请说明查看原因（例如：代同事回访客户）。", "Give the reason for revealing (e.g. calling back for a colleague).", "reason");
    public static readonly Error RevealRefused = Error.Forbidden("customer.reveal_refused", "您的角色不能查看该客户的隐藏信息。", "Your role may not reveal this customer's hidden data.");

    public Task<Result<CustomerView>> Handle(Guid id, CancellationToken cancellationToken = default) =>
        Read(id, reveal: false, reason: null, cancellationToken);

    public Task<Result<CustomerView>> Reveal(Guid id, string? reason, CancellationToken cancellationToken = default) =>
        Read(id, reveal: true, reason, cancellationToken);

    private async Task<Result<CustomerView>> Read(Guid id, bool reveal, string? reason, CancellationToken cancellationToken)
    {
        var viewer = await viewers.Current(cancellationToken);
        var customer = await db.Set<Customer>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (viewer is null || customer is null)
            return CustomerWebErrors.NotFound;
        var sight = CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId);
        if (sight == CustomerSight.None)
            return CustomerWebErrors.NotFound;
        var kind = PersonalDataAccessKind.View;
        if (reveal && sight == CustomerSight.Masked)
        {
            if (!CustomerAccess.CanReveal(viewer, customer.DepartmentId))
                return RevealRefused;
            if (string.IsNullOrWhiteSpace(reason))
                return ReasonRequired;
            (sight, kind) = (CustomerSight.Full, PersonalDataAccessKind.Reveal);
        }
        if (sight == CustomerSight.Full)
            await log.RecordAsync(kind, customer.Id, 1, kind == PersonalDataAccessKind.Reveal ? reason!.Trim()[..Math.Min(500, reason.Trim().Length)] : null, cancellationToken);

        var names = await db.Users.Where(u => u.Id == customer.OwnerId)
            .Select(u => new
            {
                Owner = u.DisplayName,
                Department = db.Set<Department>().Where(d => d.Id == customer.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var groups = await ListGroups.Of(db, [customer.Id], cancellationToken);
        var consent = (await consents.Of([customer.Id], cancellationToken))[customer.Id];
        return CustomerView.Of(customer, names.Owner, names.Department ?? "", [.. groups[customer.Id]], sight,
            CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId),
            sight == CustomerSight.Masked && CustomerAccess.CanReveal(viewer, customer.DepartmentId), CustomerAccess.CanErase(viewer), consent);
    }
}
