using System.Security.Claims;
using System.Text.Json;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Runs imports in the background, one at a time, as the user who started them (their rights, their name in the
/// history). Jobs queued or interrupted by a restart run again, but not a third time (<see cref="ResumeImports"/>); a
/// commit that failed half-way wrote nothing.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportRunner queue, TimeProvider time, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                foreach (var id in await scope.ServiceProvider.GetRequiredService<ResumeImports>().Handle(stoppingToken))
                    await queue.EnqueueAsync(id, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<ForgetOldUploads>().Handle(stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not look for interrupted imports (is the database migrated?)");
        }
        await foreach (var id in queue.ReadAllAsync(stoppingToken))
            await RunAsync(id, stoppingToken);
    }

    private async Task RunAsync(Guid id, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GuanxiDbContext>();
        var job = await db.Set<ImportJob>().SingleOrDefaultAsync(j => j.Id == id, stoppingToken);
        if (job is null || job.Status is ImportStatus.Succeeded or ImportStatus.Failed)
            return;
        services.GetRequiredService<CurrentUser>().Use(await PrincipalOf(db, job.UserId, stoppingToken));
        (job.Status, job.Processed, job.Created, job.Updated, job.Merged, job.Rejected, job.CustomersCreated) = (ImportStatus.Running, 0, 0, 0, 0, 0, 0);
        job.Attempts++;   // saved before it runs: a start that kills the process still counts
        await db.SaveChangesAsync(stoppingToken);
        queue.Start(job);
        try
        {
            var errors = job.Kind == StartImport.Orders ? await services.GetRequiredService<RunOrderImport>().Handle(job, stoppingToken)
                : services.GetServices<IImportKind>().FirstOrDefault(k => k.Kind == job.Kind) is { } other ? await other.Run(job, stoppingToken)
                : await services.GetRequiredService<RunCustomerImport>().Handle(job, stoppingToken);
            job.Errors = JsonSerializer.Serialize(errors.Take(ImportJob.MaxStoredErrors));
            job.Status = job.Message is null ? ImportStatus.Succeeded : ImportStatus.Failed;
        }
        catch (Imports.ImportFileException e)
        {
            var english = await ImportStaff.English(db, job.UserId, stoppingToken);
            (job.Status, job.Message) = (ImportStatus.Failed, e.MessageFor(english));
            (job.Created, job.Updated, job.Merged, job.CustomersCreated, job.Rejected) = (0, 0, 0, 0, 0);   // the file was refused: nothing was written
            if (e.Row is { } row)   // the row at fault goes in the list too, where rejected rows are shown and downloaded
                job.Errors = JsonSerializer.Serialize(new[] { new ImportError(row, e.Column ?? "", e.MessageFor(english)) });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import {ImportId} failed", job.Id);
            (job.Status, job.Message) = (ImportStatus.Failed, "导入时出错，未写入任何数据。请检查文件后重试。");
        }
        finally
        {
            queue.Finish(job.Id);
        }
        job.FinishedAt = time.GetUtcNow();
        db.ChangeTracker.Clear();
        db.Update(job);
        await db.SaveChangesAsync(stoppingToken);
        if (job.Mode == ImportMode.Commit && File.Exists(job.StoredPath))
            File.Delete(job.StoredPath);   // personal data: the upload is not kept once written (a dry run keeps it for the commit)
        await services.GetRequiredService<ForgetOldUploads>().Handle(stoppingToken);
    }

    private static async Task<ClaimsPrincipal> PrincipalOf(GuanxiDbContext db, string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName }).SingleAsync(cancellationToken);
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Select(r => r.RoleId).ToListAsync(cancellationToken);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(GuanxiClaims.DisplayName, user.DisplayName) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Import"));
    }
}
