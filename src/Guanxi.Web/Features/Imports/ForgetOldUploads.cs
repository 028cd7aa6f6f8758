using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Personal data (SEC-1): an uploaded file is kept only while it may still be committed. A commit deletes it when it
/// ends; the file of a dry run that nobody commits is deleted a day after the dry run ended (the worker checks at start
/// and after every import). Committing it later asks for the file again.
/// </summary>
public sealed class ForgetOldUploads(GuanxiDbContext db, TimeProvider time)
{
    public static readonly TimeSpan DryRunKept = TimeSpan.FromDays(1);

    public async Task<int> Handle(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - DryRunKept;
        var paths = await db.Set<ImportJob>()
            .Where(j => j.Mode == ImportMode.DryRun && j.FinishedAt != null && j.FinishedAt < before)
            .Select(j => j.StoredPath).ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var path in paths.Where(File.Exists))
        {
            File.Delete(path);
            deleted++;
        }
        return deleted;
    }
}
