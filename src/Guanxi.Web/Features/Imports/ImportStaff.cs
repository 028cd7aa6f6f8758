using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

/// <summary>What every import looks up about people: the staff a row may name, and the importing user's language.</summary>
internal static class ImportStaff
{
    /// <summary>Staff by e-mail and by display name (a name two people share is left out: use the e-mail).</summary>
    public static async Task<IReadOnlyDictionary<string, ImportOwner>> ByNameOrEmail(GuanxiDbContext db, bool activeOnly, CancellationToken cancellationToken)
    {
        var staff = await db.Users.Where(u => u.IsActive || !activeOnly).Select(u => new { u.Id, u.Email, u.DisplayName, u.DepartmentId }).ToListAsync(cancellationToken);
        var byName = new Dictionary<string, ImportOwner>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in staff.GroupBy(s => s.DisplayName).Where(g => g.Count() == 1).Select(g => g.Single()))
            byName[s.DisplayName] = new ImportOwner(s.Id, s.DepartmentId);
        foreach (var s in staff.Where(s => s.Email is not null))
            byName[s.Email!] = new ImportOwner(s.Id, s.DepartmentId);
        return byName;
    }

    /// <summary>The worker has no request: row messages are in the importing user's own language.</summary>
    public static async Task<bool> English(GuanxiDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.PreferredCulture).SingleAsync(cancellationToken) == Cultures.English;
}
