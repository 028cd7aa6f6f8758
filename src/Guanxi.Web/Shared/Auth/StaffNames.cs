using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Shared.Auth;

/// <summary>
/// Who did something, as the viewer reads it (issue 21): records keep a staff id or the system's (<see cref="Actor"/>),
/// and the names are looked up when shown — today's name after a rename, the system as "系统" or "System" by the
/// viewer's language, the cause after the name. One query for a whole page of records.
/// </summary>
public sealed class StaffNames(GuanxiDbContext db)
{
    /// <summary>The names of these ids (nulls and the system's are skipped), in one query.</summary>
    public async Task<ActorNames> Of(IEnumerable<string?> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.OfType<string>().Where(id => id != Actor.SystemId).Distinct().ToList();
        var names = wanted.Count == 0 ? [] : await db.Users.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new ActorNames(names, Cultures.IsEnglish);
    }

    public Task<ActorNames> Of(params string?[] ids) => Of(ids, CancellationToken.None);
}

/// <summary>Names looked up by <see cref="StaffNames"/>, in the viewer's language.</summary>
public sealed class ActorNames(IReadOnlyDictionary<string, string> names, bool english)
{
    /// <summary>The name of an id: the member of staff's, or the system's in the viewer's language.</summary>
    public string Name(string id) => id == Actor.SystemId ? Actor.SystemName(english) : names.GetValueOrDefault(id) ?? id;

    /// <summary>
    /// Who, as shown: the name with the cause ("李伟丹（订单）"), or — for a row an older version wrote with a name no member
    /// of staff had — the text it kept.
    /// </summary>
    public string Who(string id, ActorCause? cause = null, string? text = null) => text ?? Actor.Show(Name(id), cause, english);

    /// <summary><see cref="Who"/> of a field that may be empty (not yet agreed, not done): null then.</summary>
    public string? WhoIfAny(string? id, string? text = null) => text ?? (id is null ? null : Who(id));
}
