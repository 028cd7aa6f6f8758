using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

public sealed record ImportSummary(Guid Id, string FileName, ImportMode Mode, ImportStatus Status, int Created, int Updated, int Merged, int Rejected, DateTimeOffset CreatedAt,
    string Kind, int CustomersCreated);

/// <summary>The caller's recent imports, newest first: where a user comes back to an import they left running.</summary>
public sealed class ListImports(GuanxiDbContext db, CurrentUser user)
{
    public async Task<Result<IReadOnlyList<ImportSummary>>> Handle(int count = 10, CancellationToken cancellationToken = default) =>
        user.Id is not { } id ? Error.SignedOut
        : await db.Set<ImportJob>().AsNoTracking().Where(j => j.UserId == id).OrderByDescending(j => j.CreatedAt).Take(count)
            .Select(j => new ImportSummary(j.Id, j.FileName, j.Mode, j.Status, j.Created, j.Updated, j.Merged, j.Rejected, j.CreatedAt, j.Kind, j.CustomersCreated))
            .ToListAsync(cancellationToken);
}
