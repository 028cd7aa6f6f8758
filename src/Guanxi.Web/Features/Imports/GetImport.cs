using System.Text.Json;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

public sealed record ImportView(
    Guid Id, string Status, string Mode, string FileName, bool OnlyValid, int Total, int Processed, int Percent, int Created, int Updated,
    int Merged, int Rejected, string? Message, IReadOnlyList<ImportError> Errors, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

/// <summary>An import as its user sees it — live while it runs; nobody else's (404).</summary>
public sealed class GetImport(GuanxiDbContext db, CurrentUser user, ImportRunner queue)
{
    public const int ErrorsShown = 1000;

    public async Task<ImportView?> Handle(Guid id, int errorsShown = ErrorsShown, CancellationToken cancellationToken = default)
    {
        var stored = await db.Set<ImportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.UserId == user.Id, cancellationToken);
        if (stored is null)
            return null;
        var job = queue.Running(id) ?? stored;
        var errors = stored.Errors is { } json ? JsonSerializer.Deserialize<List<ImportError>>(json) ?? [] : [];
        var share = job.Total > 0 ? job.Processed / (double)job.Total : 0;   // a commit reads the file twice: check, then write
        return new ImportView(job.Id, Camel(job.Status.ToString()), Camel(job.Mode.ToString()), job.FileName, job.OnlyValid, job.Total, job.Processed,
            ImportRunner.Percent(job, share), job.Created, job.Updated, job.Merged, job.Rejected, job.Message, [.. errors.Take(errorsShown)], job.CreatedAt, job.FinishedAt);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
