using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// At start-up, the imports to run again: the queued ones, and those a stop interrupted. One that was started
/// <see cref="ImportJob.MaxAttempts"/> times and is still running was killed each time — a file that exhausts memory
/// does that — so it is marked failed with the reason instead of crashing the server again at every start.
/// </summary>
public sealed class ResumeImports(GuanxiDbContext db, TimeProvider time)
{
    public const string GaveUp = "导入已两次在运行中中断（如服务器重启或内存不足），不再自动重试，未写入任何数据。请检查文件，或拆分后重新上传。";
    public const string GaveUpEn = "The import was interrupted twice while it ran (a server restart, or running out of memory), so it is not started again; nothing was written. Check the file, or split it, and upload it again.";

    /// <summary>The ids to queue, oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> Handle(CancellationToken cancellationToken)
    {
        var waiting = await db.Set<ImportJob>().Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running)
            .OrderBy(j => j.CreatedAt).ToListAsync(cancellationToken);
        foreach (var job in waiting.Where(j => j.Attempts >= ImportJob.MaxAttempts))
        {
            var english = await ImportStaff.English(db, job.UserId, cancellationToken);
            (job.Status, job.Message, job.FinishedAt) = (ImportStatus.Failed, english ? GaveUpEn : GaveUp, time.GetUtcNow());
            (job.Created, job.Updated, job.Merged, job.CustomersCreated, job.Rejected) = (0, 0, 0, 0, 0);
            if (job.Mode == ImportMode.Commit && File.Exists(job.StoredPath))
                File.Delete(job.StoredPath);   // personal data: as after any commit (a dry run's file is kept a day)
        }
        await db.SaveChangesAsync(cancellationToken);
        return [.. waiting.Where(j => j.Status != ImportStatus.Failed).Select(j => j.Id)];
    }
}
