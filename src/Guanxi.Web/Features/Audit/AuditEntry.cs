namespace Guanxi.Web.Features.Audit;

/// <summary>
/// One changed field of one audited entity (ARC-3): who, when, which entity and key, which field, old and new.
/// Made only by <see cref="History"/> — for the <see cref="AuditInterceptor"/> and the bulk writers; the table is
/// append-only for the app.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public Guid ChangeId { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>Who (<see cref="Domain.Common.Actor"/>): a staff id, or the system's.</summary>
    public string? UserId { get; init; }
    /// <summary>What an older version stored for who it was when no member of staff has that name (migration ActorsById).</summary>
    public string? UserNameText { get; init; }
    public required string Entity { get; init; }
    public required string Key { get; init; }
    public required AuditAction Action { get; init; }
    public required string Field { get; init; }
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
}

public enum AuditAction
{
    Insert,
    Update,
    Delete,
}
