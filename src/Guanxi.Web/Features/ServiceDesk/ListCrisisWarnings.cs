using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>
/// SVC-3: the crisis warnings, newest first — the open ones by default, or the closed ones, or all — for the
/// customer-service manager, the duty manager and leadership (403 for others).
/// </summary>
public sealed class ListCrisisWarnings(GuanxiDbContext db, CrisisWarnings warnings)
{
    /// <param name="status">open (default), closed or all.</param>
    public async Task<Result<Page<CrisisWarningRow>>> Handle(string? status, Paging paging, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var reader = await warnings.Reader(cancellationToken);
        if (!reader.Succeeded)
            return Result<Page<CrisisWarningRow>>.Fail(reader.Errors);
        if (!Filter(status, out var only))
            return CrisisErrors.StatusFilter;
        var query = db.Set<CrisisWarning>().AsNoTracking();
        if (only is { } s)
            query = query.Where(w => w.Status == s);
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(w => w.RaisedAt).ThenByDescending(w => w.Id).Skip(paging.Offset).Take(paging.Size).ToListAsync(cancellationToken);
        var names = await warnings.SeriesNames(cancellationToken);
        var english = Cultures.IsEnglish;
        return new Page<CrisisWarningRow>([.. page.Select(w =>
        {
            var name = names.Of(w);
            return new CrisisWarningRow(w.Id, w.Kind, w.SeriesKey, name, w.Window, w.Observed, w.Usual, CrisisTexts.Figures(w, name, english),
                w.DepartmentId, names.Department(w.DepartmentId), warnings.Local(w.RaisedAt), w.Status, w.Plan is not null, w.Communications.Count);
        })], total, paging.Number, paging.Size);
    }

    private static bool Filter(string? status, out CrisisStatus? only)
    {
        (only, var known) = status?.Trim().ToLowerInvariant() switch
        {
            null or "" or "open" => (CrisisStatus.Open, true),
            "closed" => (CrisisStatus.Closed, true),
            "all" => ((CrisisStatus?)null, true),
            _ => (null, false),
        };
        return known;
    }
}
