using Guanxi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Data;

public static class Saving
{
    /// <summary>
    /// Saves, or answers <paramref name="raced"/> when a concurrency token shows that someone else saved the record since
    /// it was read (two people acting at once: the first wins, the second learns it and changes nothing).
    /// </summary>
    public static async Task<Error?> SaveOrRacedAsync(this DbContext db, Error raced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return raced;
        }
    }
}
