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

    /// <summary>0–100, from the rows done of the rows known (or the file read, while the rows are still being counted).</summary>
    public static int Percent(ImportJob job, double firstPassShare) => job.Status switch
    {
        ImportStatus.Succeeded or ImportStatus.Failed => 100,
        ImportStatus.Queued => 0,
        _ => (int)Math.Clamp(firstPassShare * 100, 0, 99),
    };
}
