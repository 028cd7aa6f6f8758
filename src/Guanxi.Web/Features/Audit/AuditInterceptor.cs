using System.Globalization;
using System.Text.Json;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guanxi.Web.Features.Audit;

/// <summary>
/// The history mechanism (ARC-3): for every insert, update and delete of an audited entity it adds, in the same
/// SaveChanges and so the same transaction, one <see cref="AuditEntry"/> per changed field, in the shape <see cref="History"/> gives.
/// </summary>
public sealed class AuditInterceptor(CurrentUser currentUser, TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
            WriteHistory(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
            WriteHistory(context);
        return ValueTask.FromResult(result);
    }

    private void WriteHistory(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var entries = context.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.Entity is AuditEntry && e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit history is append-only.");

        var change = History.Change(currentUser, time.GetUtcNow());
        var rows = new List<AuditEntry>();
        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var owner = AuditOwner.Parse(entry.Metadata.FindAnnotation(AuditModelExtensions.Owner)?.Value as string);
            if (owner is null && entry.Metadata.FindAnnotation(AuditModelExtensions.Audited) is null)
                continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Insert,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            foreach (var (entity, key, field, oldValue, newValue) in owner is null ? Changes(entry) : OwnedChange(entry, owner))
                rows.Add(change.Row(entity, key, action, field, oldValue, newValue));
        }
        context.Set<AuditEntry>().AddRange(rows);
    }

    private static IEnumerable<(string Entity, string Key, string Field, string? Old, string? New)> Changes(EntityEntry entry)
    {
        var entity = entry.Metadata.ClrType.Name;
        var key = KeyOf(entry);
        foreach (var property in entry.Properties)
        {
            var meta = property.Metadata;
            if (meta.IsPrimaryKey() || meta.FindAnnotation(AuditModelExtensions.Ignored) is not null)
                continue;
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    yield return (entity, key, meta.Name, null, Text(property.CurrentValue));
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    yield return (entity, key, meta.Name, Text(property.OriginalValue), null);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    yield return (entity, key, meta.Name, Text(property.OriginalValue), Text(property.CurrentValue));
                    break;
            }
        }
    }

    /// <summary>A link row (a user's role, a customer's group) is recorded on its owner's history.</summary>
    private static IEnumerable<(string, string, string, string?, string?)> OwnedChange(EntityEntry entry, AuditOwner owner)
    {
        var ownerKey = Text(entry.Property(owner.OwnerKeyProperty).CurrentValue) ?? "";
        var value = Text(entry.Property(owner.ValueProperty).CurrentValue);
        if (entry.State == EntityState.Added)
            yield return (owner.OwnerEntity, ownerKey, owner.Field, null, value);
        else if (entry.State == EntityState.Deleted)
            yield return (owner.OwnerEntity, ownerKey, owner.Field, value, null);
    }

    private static string KeyOf(EntityEntry entry)
    {
        var keyProperties = entry.Metadata.FindPrimaryKey()?.Properties ?? [];
        var parts = keyProperties.Select(p => entry.Property(p.Name)).ToList();
        if (parts.Any(p => p.IsTemporary))
            throw new InvalidOperationException(
                $"Audited entity {entry.Metadata.ClrType.Name} needs a key set before saving (use Guid.CreateVersion7()).");
        return string.Join(",", parts.Select(p => Text(p.CurrentValue)));
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable and not string => JsonSerializer.Serialize(value, ListJson),
        _ => value.ToString(),
    };

    private static readonly JsonSerializerOptions ListJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

/// <summary>Where a link row's change is recorded: on <paramref name="OwnerEntity"/> keyed by <paramref name="OwnerKeyProperty"/>.</summary>
public sealed record AuditOwner(string OwnerEntity, string OwnerKeyProperty, string Field, string ValueProperty)
{
    // Kept in the model as a plain string so that the migrations' model snapshot can hold it.
    public override string ToString() => $"{OwnerEntity}|{OwnerKeyProperty}|{Field}|{ValueProperty}";

    public static AuditOwner? Parse(string? text) =>
        text?.Split('|') is [var entity, var key, var field, var value] ? new(entity, key, field, value) : null;
}
