using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

public sealed record ImportSummary(Guid Id, string FileName, ImportMode Mode, ImportStatus Status, int Created, int Updated, int Merged, int Rejected, DateTimeOffset CreatedAt,
    string Kind, int CustomersCreated);

/// <summary>The caller's recent imports, newest first: where a user comes back to an import they left running.</summary>
public sealed class ListImports(GuanxiDbContext db, CurrentUser user)
{
    public async Task<IReadOnlyList<ImportSummary>> Handle(int count = 10, CancellationToken cancellationToken = default) =>
        await db.Set<ImportJob>().AsNoTracking().Where(j => j.UserId == user.Id).OrderByDescending(j => j.CreatedAt).Take(count)
            .Select(j => new ImportSummary(j.Id, j.FileName, j.Mode, j.Status, j.Created, j.Updated, j.Merged, j.Rejected, j.CreatedAt, j.Kind, j.CustomersCreated))
            .ToListAsync(cancellationToken);
}
