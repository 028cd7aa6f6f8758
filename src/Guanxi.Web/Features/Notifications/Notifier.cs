using Guanxi.Domain.Accounts;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Notifications;

/// <summary>A message for one member of staff (a complaint's warning or escalation, an assignment), about a customer when it names one.</summary>
public sealed record StaffNotice(string UserId, Guid? CustomerId, string Title, string TitleEn, string Body, string BodyEn, string Link);

/// <summary>A message about a customer for the people who answer for it.</summary>
public sealed record CustomerAlert(Guid CustomerId, string OwnerId, Guid DepartmentId, string Title, string TitleEn, string Body, string BodyEn);

/// <summary>
/// ARC-7: alerts about a watched customer go to its owner and the managers of its department (written at once, in bulk,
/// inside the caller's transaction: the first night after a big import may alert about many); reports go to leadership
/// (staged on the caller's context, written by its SaveChanges).
/// </summary>
public sealed class Notifier(GuanxiDbContext db, TimeProvider time)
{
    public async Task<int> Alert(IReadOnlyCollection<CustomerAlert> alerts, CancellationToken cancellationToken = default)
    {
        if (alerts.Count == 0)
            return 0;
        var departments = alerts.Select(a => a.DepartmentId).Distinct().ToList();
        var managers = (await db.Users.Where(u => u.IsActive && departments.Contains(u.DepartmentId)
                && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == nameof(Role.DepartmentManager)))
            .Select(u => new { u.Id, u.DepartmentId }).ToListAsync(cancellationToken))
            .ToLookup(u => u.DepartmentId, u => u.Id);
        var now = time.GetUtcNow();
        var notifications = alerts.SelectMany(alert => managers[alert.DepartmentId].Append(alert.OwnerId).Distinct().Select(user => new Notification
        {
            UserId = user, At = now, CustomerId = alert.CustomerId, Title = alert.Title, TitleEn = alert.TitleEn, Body = alert.Body, BodyEn = alert.BodyEn,
            Link = $"/customers/{alert.CustomerId}",
        })).ToList();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Alerts are written in the caller's transaction.");
        await using var insert = new BulkInsert(db, typeof(Notification), db.Database.GetDbConnection(), transaction);
        foreach (var chunk in notifications.Chunk(10_000))
            await insert.Run(chunk, cancellationToken);
        return notifications.Count;
    }

    /// <summary>A report for the general manager and the executive VPs.</summary>
    public Task<int> ToLeadership((string Zh, string En) title, (string Zh, string En) body, string link, CancellationToken cancellationToken = default) =>
        ToRoles([Role.GeneralManager, Role.ExecutiveVp], title, body, link, cancellationToken);

    /// <summary>A notice for every active holder of the roles; the caller's SaveChanges sends it.</summary>
    public async Task<int> ToRoles(IReadOnlyCollection<Role> holders, (string Zh, string En) title, (string Zh, string En) body, string link, CancellationToken cancellationToken = default)
    {
        var roles = holders.Select(r => r.ToString()).ToList();
        var leaders = await db.Users.Where(u => u.IsActive && db.UserRoles.Any(r => r.UserId == u.Id && roles.Contains(r.RoleId))).Select(u => u.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var user in leaders)
            db.Add(new Notification { UserId = user, At = now, Title = title.Zh, TitleEn = title.En, Body = body.Zh, BodyEn = body.En, Link = link });
        return leaders.Count;
    }

    /// <summary>
    /// Notices to named members of staff: written at once, in bulk, inside the caller's transaction when there is one (the
    /// complaint times job may send many), otherwise staged for the caller's SaveChanges.
    /// </summary>
    public async Task<int> ToStaff(IReadOnlyCollection<StaffNotice> notices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var now = time.GetUtcNow();
        var notifications = notices.Select(n => new Notification
        {
            UserId = n.UserId, At = now, CustomerId = n.CustomerId, Title = n.Title, TitleEn = n.TitleEn, Body = n.Body, BodyEn = n.BodyEn, Link = n.Link,
        }).ToList();
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction)
        {
            db.AddRange(notifications);
            return notifications.Count;
        }
        await using var insert = new BulkInsert(db, typeof(Notification), db.Database.GetDbConnection(), transaction);
        foreach (var chunk in notifications.Chunk(10_000))
            await insert.Run(chunk, cancellationToken);
        return notifications.Count;
    }
}
