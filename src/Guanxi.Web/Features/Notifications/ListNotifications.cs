using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Notifications;

public sealed record NotificationView(Guid Id, DateTimeOffset At, Guid? CustomerId, string Title, string Body, string? Link, bool Read);

/// <summary>A page of the caller's notifications (like every list: total, pageNumber, pageSize) and how many are unread.</summary>
public sealed record NotificationList(IReadOnlyList<NotificationView> Items, int Unread, int Total, int PageNumber, int PageSize);

/// <summary>The caller's own notifications, newest first, and marking them read. Nobody reads another's inbox.</summary>
public sealed class ListNotifications(GuanxiDbContext db, CurrentUser user, TimeProvider time)
{
    public async Task<Result<NotificationList>> Handle(bool unreadOnly, Paging paging, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paging);
        if (user.Id is not { } id)
            return Error.SignedOut;
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == id);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var listed = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = unreadOnly ? unread : await listed.CountAsync(cancellationToken);
        var english = Cultures.IsEnglish;
        var items = await listed.OrderByDescending(n => n.At).ThenByDescending(n => n.Id).Skip(paging.Offset).Take(paging.Size)
            .Select(n => new NotificationView(n.Id, n.At, n.CustomerId, english ? n.TitleEn : n.Title, english ? n.BodyEn : n.Body, n.Link, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return new NotificationList(items, unread, total, paging.Number, paging.Size);
    }

    public Task<int> Unread(CancellationToken cancellationToken = default) =>
        db.Set<Notification>().CountAsync(n => n.UserId == user.Id && n.ReadAt == null, cancellationToken);

    /// <summary>Marks one (or, without an id, all) of the caller's notifications read; false when the id is not theirs.</summary>
    public static readonly Error NotFound = Error.NotFound("notification.not_found", "通知不存在。", "No such notification.");

    /// <summary>Marks one of the caller's notifications read (all of them without an id); another's is not found.</summary>
    public async Task<Result<Done>> MarkRead(Guid? id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var mine = db.Set<Notification>().Where(n => n.UserId == user.Id && n.ReadAt == null && (id == null || n.Id == id));
        var marked = await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return marked > 0 || id is null || await db.Set<Notification>().AnyAsync(n => n.Id == id && n.UserId == user.Id, cancellationToken) ? Done.Value : NotFound;
    }
}
