using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

public sealed record GroupBody(string? Name, string? Description);

/// <summary>Creates a group (anyone who keeps customers) or renames one (its maker and the managers).</summary>
public sealed class SaveGroup(GuanxiDbContext db, CustomerViewers viewers, TimeProvider time)
{
    public async Task<Result<Guid>> Create(GroupBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !CustomerAccess.SeesAny(viewer))
            return CustomerGroupErrors.NotAllowed;
        var created = CustomerGroup.Create(body.Name, body.Description, viewer.UserId, time.GetUtcNow());
        if (!created.Succeeded)
            return Result<Guid>.Fail([.. created.Errors]);
        if (await NameTaken(created.Value!, cancellationToken))
            return CustomerGroupErrors.NameTaken;
        db.Add(created.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return created.Value!.Id;
    }

    /// <returns>null when there is no such group.</returns>
    public async Task<Result<Guid>> Rename(Guid id, GroupBody body, CancellationToken cancellationToken = default)
    {
        var group = await db.Set<CustomerGroup>().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null || await viewers.Current(cancellationToken) is not { } viewer)
            return CustomerGroupErrors.NotFound;
        if (!group.CanBeManagedBy(viewer))
            return CustomerGroupErrors.NotAllowed;
        var renamed = group.Rename(body.Name, body.Description);
        if (!renamed.Succeeded)
            return Result<Guid>.Fail([.. renamed.Errors]);
        if (await NameTaken(group, cancellationToken))
            return CustomerGroupErrors.NameTaken;
        await db.SaveChangesAsync(cancellationToken);
        return group.Id;
    }

    private Task<bool> NameTaken(CustomerGroup group, CancellationToken cancellationToken) =>
        db.Set<CustomerGroup>().AnyAsync(g => g.Id != group.Id && g.Name == group.Name, cancellationToken);
}
