using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Audit;

public sealed record AuditQuery(
    string? Entity = null, string? Key = null, string? UserId = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    int? Page = null, int? PageSize = null, IReadOnlyList<string>? Keys = null);

/// <summary>
/// One history row: the raw entity, key, field and values as written, and beside them the same as a person reads them in
/// the viewer's language (<see cref="AuditText"/>): <see cref="EntityName"/>, <see cref="RecordName"/> (the customer's or
/// member's name), <see cref="FieldName"/>, <see cref="OldText"/> and <see cref="NewText"/>.
/// </summary>
public sealed record AuditRow(
    long Id, DateTimeOffset At, string? UserId, string? UserName, string Entity, string Key, AuditAction Action,
    string Field, string? OldValue, string? NewValue,
    string? EntityName = null, string? RecordName = null, string? FieldName = null, string? OldText = null, string? NewText = null);

/// <summary>
/// The history, newest first, filtered by entity, key, who and when (From inclusive, To exclusive). Values of personal
/// fields (marked <c>.IsPersonal()</c>) read **** unless the caller may see them unmasked (ARC-9): the history must not
/// leak what the record masks. Who, the record, the field and the values are named as a person reads them, in the viewer's
/// language (<see cref="AuditText"/>).
/// </summary>
public sealed class ListAudit(GuanxiDbContext db, AuditText text)
{
    public async Task<Page<AuditRow>> Handle(AuditQuery query, CancellationToken cancellationToken = default) =>
        await Handle(query, revealPersonal: false, cancellationToken);

    public async Task<Page<AuditRow>> Handle(AuditQuery query, bool revealPersonal, CancellationToken cancellationToken = default)
    {
        var rows = db.Set<AuditEntry>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Entity))
            rows = rows.Where(e => e.Entity == query.Entity);
        if (!string.IsNullOrWhiteSpace(query.Key))
            rows = rows.Where(e => e.Key == query.Key);
        if (query.Keys is { Count: > 0 } keys)
            rows = rows.Where(e => keys.Contains(e.Key));
        if (!string.IsNullOrWhiteSpace(query.UserId))
            rows = rows.Where(e => e.UserId == query.UserId);
        // PostgreSQL compares timestamptz with UTC instants only; a client may send +08:00.
        if (query.From?.ToUniversalTime() is { } from)
            rows = rows.Where(e => e.At >= from);
        if (query.To?.ToUniversalTime() is { } to)
            rows = rows.Where(e => e.At < to);
        var page = await rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new AuditRow(e.Id, e.At, e.UserId, e.UserNameText, e.Entity, e.Key, e.Action, e.Field, e.OldValue, e.NewValue, null, null, null, null, null))
            .ToPageAsync(query.Page, query.PageSize, cancellationToken);
        if (!revealPersonal)
            page = Mask(page);
        return page with { Items = await text.Describe(page.Items, cancellationToken) };
    }

    private Page<AuditRow> Mask(Page<AuditRow> page)
    {
        var personal = db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Where(p => p.FindAnnotation(AuditModelExtensions.Personal) is not null)
                .Select(p => (t.ClrType.Name, p.Name)))
            .ToHashSet();
        return page with { Items = [.. page.Items.Select(r => personal.Contains((r.Entity, r.Field)) ? Masked(r) : r)] };
    }

    private static AuditRow Masked(AuditRow row) =>
        row with { OldValue = row.OldValue is null ? null : Hidden, NewValue = row.NewValue is null ? null : Hidden };

    private const string Hidden = "****";
}
