using Guanxi.Domain.Common;
using System.Text.Json;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

public sealed record ImportView(
    Guid Id, ImportStatus Status, ImportMode Mode, string FileName, bool OnlyValid, int Total, int Processed, int Percent, int Created, int Updated,
    int Merged, int Rejected, string? Message, IReadOnlyList<ImportError> Errors, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string Kind, int CustomersCreated,
    IReadOnlyList<ImportError> Warnings);

/// <summary>An import as its user sees it — live while it runs; nobody else's (404).</summary>
public sealed class GetImport(GuanxiDbContext db, CurrentUser user, ImportRunner queue)
{
    public const int ErrorsShown = 1000;

    public async Task<Result<ImportView>> Handle(Guid id, int errorsShown = ErrorsShown, CancellationToken cancellationToken = default)
    {
        var stored = await db.Set<ImportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.UserId == user.Id, cancellationToken);
        if (stored is null)
            return ImportErrors.NotFound;
        var job = queue.Running(id) ?? stored;
        var listed = stored.Errors is { } json ? JsonSerializer.Deserialize<List<ImportError>>(json) ?? [] : [];
        return new ImportView(job.Id, job.Status, job.Mode, job.FileName, job.OnlyValid, job.Total, job.Processed,
            ImportRunner.Percent(job), job.Created, job.Updated, job.Merged, job.Rejected, job.Message, [.. listed.Where(e => !e.Warning).Take(errorsShown)], job.CreatedAt, job.FinishedAt,
            job.Kind, job.CustomersCreated, [.. listed.Where(e => e.Warning).Take(errorsShown)]);
    }
}
