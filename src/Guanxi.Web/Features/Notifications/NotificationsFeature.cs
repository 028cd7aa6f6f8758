using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Notifications;

/// <summary>The in-app inbox: ARC-7 alerts to owners and managers, periodic reports to leadership.</summary>
public static class NotificationsFeature
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<ListNotifications>();
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        var api = app.MapGroup("/api/notifications").RequireAuthorization().WithTags("Notifications");
        api.MapGet("/", async (bool? unread, [AsParameters] Paging paging, ListNotifications list, CancellationToken ct) => (await list.Handle(unread ?? false, paging, ct)).ToHttp())
            .Produces<NotificationList>()
            .WithSummary("The caller's notifications, newest first (unread=true for the unread ones), and the unread count; page and pageSize as every list (take still read, deprecated).");
        api.MapPost("/{id:guid}/read", async (Guid id, ListNotifications list, CancellationToken ct) => (await list.MarkRead(id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Mark one of the caller's notifications read.");
        api.MapPost("/read", async (ListNotifications list, CancellationToken ct) =>
        {
            await list.MarkRead(null, ct);
            return TypedResults.NoContent();
        }).WithSummary("Mark all of the caller's notifications read.");
        return app;
    }
}
