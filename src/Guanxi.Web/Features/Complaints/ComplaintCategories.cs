using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-2: the category tree the enterprise edits — read by everyone signed in (the complaint form's choices), replaced whole
/// by an administrator or the customer-service manager. A category that complaints carry is not removed (409 naming it).
/// </summary>
public sealed class ComplaintCategories(GuanxiDbContext db, ComplaintDesk desk, EnterpriseSettings settings, CurrentUser user)
{
    public async Task<Result<IReadOnlyList<ComplaintCategory>>> Get(CancellationToken cancellationToken = default) =>
        !user.IsAuthenticated ? Error.SignedOut : Result<IReadOnlyList<ComplaintCategory>>.Ok(await desk.Categories(cancellationToken));

    public async Task<Result<IReadOnlyList<ComplaintCategory>>> Save(IReadOnlyList<ComplaintCategory> tree, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (await desk.Caller(cancellationToken) is not { } viewer || !ComplaintAccess.EditsSettings(viewer))
            return ComplaintErrors.NotSettings;
        if (ComplaintCategory.Validate(tree) is { Count: > 0 } errors)
            return Result<IReadOnlyList<ComplaintCategory>>.Fail(errors);
        var kept = ComplaintCategory.Normalize(tree);
        var codes = kept.Select(c => c.Code).ToList();
        var removed = await db.Set<Complaint>().Where(c => !codes.Contains(c.Category)).Select(c => c.Category).Distinct().Take(20).ToListAsync(cancellationToken);
        if (removed.Count > 0)
            return ComplaintErrors.CategoriesInUse(removed.Order(StringComparer.Ordinal));
        await settings.Stage(ComplaintDesk.CategoriesKey, kept, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<ComplaintCategory>>.Ok(kept);
    }
}
