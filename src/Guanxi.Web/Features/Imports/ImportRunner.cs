using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Guanxi.Web.Features.Imports;

/// <summary>The imports waiting to run, and the live state of the one running (its progress is not in the database until it ends).</summary>
public sealed class ImportRunner
{
    private readonly Channel<Guid> waiting = Channel.CreateUnbounded<Guid>();
    private readonly ConcurrentDictionary<Guid, ImportJob> running = new();

    public ValueTask EnqueueAsync(Guid id, CancellationToken cancellationToken) => waiting.Writer.WriteAsync(id, cancellationToken);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => waiting.Reader.ReadAllAsync(cancellationToken);

    public ImportJob? Running(Guid id) => running.GetValueOrDefault(id);

    public void Start(ImportJob job) => running[job.Id] = job;

    public void Finish(Guid id) => running.TryRemove(id, out _);

    /// <summary>
    /// 0–100: the rows done of the rows known; while the file is read, the total is estimated from the share of it read.
    /// </summary>
    public static int Percent(ImportJob job) => job.Status switch
    {
        ImportStatus.Succeeded or ImportStatus.Failed => 100,
        ImportStatus.Queued => 0,
        _ => job.Total > 0 ? Math.Clamp(100 * job.Processed / job.Total, 0, 99) : 0,
    };
}
