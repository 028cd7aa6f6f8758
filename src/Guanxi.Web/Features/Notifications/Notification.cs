namespace Guanxi.Web.Features.Notifications;

/// <summary>A message in a staff member's in-app inbox (ARC-7 alerts, reports to leadership), read or not.</summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UserId { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid? CustomerId { get; init; }
    public required string Title { get; init; }
    public required string TitleEn { get; init; }
    public required string Body { get; init; }
    public required string BodyEn { get; init; }
    public string? Link { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}
