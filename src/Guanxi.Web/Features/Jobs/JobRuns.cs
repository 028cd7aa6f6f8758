using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Jobs;

/// <summary>A run as shown: <see cref="StartedBy"/> is who started it, named as today in the viewer's language, with why.</summary>
public sealed record JobView(Guid Id, string Kind, JobStatus Status, double Progress, string? Message, string? UserId, string StartedBy, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

/// <summary>Records job runs and their progress. Progress is written in a scope of its own, outside the job's transaction.</summary>
public sealed class JobRuns(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Who the histories name for the nightly runs: the grading job's night and a lifecycle run nobody asked for.</summary>
    public static readonly Actor Nightly = Actor.System(ActorCause.Nightly);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, double> live = new();

    public async Task<JobRun> Queue(string kind, Actor by, CancellationToken cancellationToken = default)
    {
        var run = new JobRun { Id = Guid.CreateVersion7(), Kind = kind, UserId = by.Id, StartedByCause = by.Cause, CreatedAt = time.GetUtcNow() };
        await Write(db => db.Add(run), cancellationToken);
        return run;
    }

    /// <summary>
    /// The run of this kind that is queued or running, if any: a second request joins it instead of starting another.
    /// A run older than an hour that never finished was cut off by a restart and is not waited for.
    /// </summary>
    public async Task<Guid?> Pending(string kind, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var since = time.GetUtcNow().AddHours(-1);
        return await scope.ServiceProvider.GetRequiredService<GuanxiDbContext>().Set<JobRun>()
            .Where(j => j.Kind == kind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running) && j.CreatedAt > since)
            .OrderByDescending(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public Task Progress(Guid id, JobStatus status, double progress, (string Zh, string En)? message = null, CancellationToken cancellationToken = default)
    {
        if (status is JobStatus.Succeeded or JobStatus.Failed)
            live.TryRemove(id, out _);
        return Write(async db => await db.Set<JobRun>().Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status)
            .SetProperty(j => j.Progress, Math.Clamp(progress, 0, 1))
            .SetProperty(j => j.Message, message == null ? null : message.Value.Zh)
            .SetProperty(j => j.MessageEn, message == null ? null : message.Value.En)
            .SetProperty(j => j.FinishedAt, status is JobStatus.Succeeded or JobStatus.Failed ? time.GetUtcNow() : null), cancellationToken), cancellationToken);
    }

    public async Task<JobView?> Get(Guid id, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<GuanxiDbContext>().Set<JobRun>().Where(j => j.Id == id)
            .Select(j => new { View = new JobView(j.Id, j.Kind, j.Status, j.Progress, Cultures.IsEnglish ? j.MessageEn : j.Message, j.UserId, "", j.CreatedAt, j.FinishedAt), j.StartedByCause, j.StartedByText })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var names = await scope.ServiceProvider.GetRequiredService<StaffNames>().Of([row.View.UserId], cancellationToken);
        var run = row.View with { StartedBy = names.Who(row.View.UserId ?? Actor.SystemId, row.StartedByCause, row.StartedByText) };
        return run is { Status: JobStatus.Running } && live.TryGetValue(id, out var progress) ? run with { Progress = progress } : run;
    }

    /// <summary>
    /// Progress as the job reports it, kept in memory: a job's own write transaction may hold the database (SQLite
    /// has one writer), so only the status changes are written.
    /// </summary>
    public Func<double, Task> Reporter(Guid id) => p =>
    {
        live[id] = Math.Clamp(p, 0, 1);
        return Task.CompletedTask;
    };

    private async Task Write(Func<GuanxiDbContext, Task> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<GuanxiDbContext>());
    }

    private async Task Write(Action<GuanxiDbContext> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
        work(db);
        await db.SaveChangesAsync(cancellationToken);
    }
}
