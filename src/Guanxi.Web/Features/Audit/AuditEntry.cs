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
    /// <summary>Who (<see cref="Domain.Common.Actor"/>): a staff id, or the system's (null in rows written before migration ActorsById: the system).</summary>
    public string? UserId { get; init; }
    /// <summary>
    /// The name older versions wrote beside the id (column UserName). The history is append-only, so migration ActorsById
    /// leaves it as written: it is shown only for a row without an id; new rows leave it empty.
    /// </summary>
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
