using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Shared.Api;

/// <summary>A page of a list read: the rows and the total count for the pager.</summary>
/// <summary>One page of a list. <c>More</c>: there are more than <c>Total</c> (a search counts only so far).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize, bool More = false)
{
    public const int MaxPageSize = 200;

    public static (int Page, int Size) Clamp(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Math.Clamp(size ?? 50, 1, MaxPageSize));
}

public static class PageExtensions
{
    /// <summary>Counts the filtered rows and reads one page of the ordered projection.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Page<T>.Clamp(page, pageSize);
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<T>(items, total, number, size);
    }
}
