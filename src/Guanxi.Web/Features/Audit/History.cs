using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Audit;

/// <summary>
/// One change in the history (ARC-3): who (a staff id, or the system's: <see cref="Actor"/>) and when, and the id that ties its rows together. The shape of a history row
/// is decided here, once — for the audit interceptor, which writes a row per changed field of what the change tracker
/// saves, and for the bulk writers (imports, orders), which bypass the tracker and write one row per inserted entity
/// saying where it came from.
/// </summary>
public sealed record History(Guid ChangeId, DateTimeOffset At, string UserId)
{
    /// <summary>The field of a bulk insert's row: a customer imported from a file's row, an order created by the API or an import.</summary>
    public const string Imported = "Imported", Created = "Created";

    private const int MaxValueLength = 2000;

    public static History Change(CurrentUser user, DateTimeOffset at) => new(Guid.CreateVersion7(), at, Actor.Staff(user.Id).Id);

    public AuditEntry Row(string entity, string key, AuditAction action, string field, string? oldValue, string? newValue) => new()
    {
        ChangeId = ChangeId, At = At, UserId = UserId, Entity = entity, Key = key, Action = action, Field = field,
        OldValue = Truncate(oldValue), NewValue = Truncate(newValue),
    };

    /// <summary>An entity inserted without the change tracker: one row whose <paramref name="field"/> says where it came from (<paramref name="source"/>, "customers.csv #12").</summary>
    public AuditEntry Inserted(string entity, Guid key, string field, string source) => Row(entity, key.ToString(), AuditAction.Insert, field, null, source);

    private static string? Truncate(string? value) =>
        value is { Length: > MaxValueLength } ? value[..MaxValueLength] + "…" : value;
}
