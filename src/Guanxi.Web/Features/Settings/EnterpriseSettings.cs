using System.Text.Json;
using System.Text.Json.Serialization;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Settings;

/// <summary>Reads and writes settings by key; a key never saved reads as its default.</summary>
public sealed class EnterpriseSettings(GuanxiDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public async Task<T> Get<T>(string key, T fallback, CancellationToken cancellationToken = default)
    {
        var json = await db.Set<Setting>().AsNoTracking().Where(s => s.Key == key).Select(s => s.Json).SingleOrDefaultAsync(cancellationToken);
        return json is null ? fallback : JsonSerializer.Deserialize<T>(json, Json) ?? fallback;
    }

    /// <summary>Stages the new value; the caller's SaveChanges writes it, with the old and new JSON in the history.</summary>
    public async Task Stage<T>(string key, T value, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(value, Json);
        var setting = await db.Set<Setting>().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (setting is null)
            db.Add(new Setting { Key = key, Json = json, UpdatedAt = time.GetUtcNow() });
        else if (setting.Json != json)
            (setting.Json, setting.UpdatedAt) = (json, time.GetUtcNow());
    }
}
