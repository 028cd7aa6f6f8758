using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>SVC-3: one crisis warning with its figures, plan, communications and closing (403 for those who do not read warnings).</summary>
public sealed class GetCrisisWarning(GuanxiDbContext db, CrisisWarnings warnings)
{
    public async Task<Result<CrisisWarningView>> Handle(Guid id, CancellationToken cancellationToken = default)
    {
        var reader = await warnings.Reader(cancellationToken);
        if (!reader.Succeeded)
            return Result<CrisisWarningView>.Fail(reader.Errors);
        if (await db.Set<CrisisWarning>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken) is not { } warning)
            return CrisisErrors.NotFound;
        return await warnings.View(reader.Value!, warning, cancellationToken);
    }
}
