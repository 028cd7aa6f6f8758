using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Shared.Api;

/// <summary>One page of a list. <c>More</c>: there are more than <c>Total</c> (a search counts only so far).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize, bool More = false)
{
    /// <summary>The largest page of every list (a bigger pageSize is clamped to it and the answer says so).</summary>
    public const int MaxPageSize = 500;

    public static (int Page, int Size) Clamp(int? page, int? size)
    {
        var paging = new Paging(page, size);
        return (paging.Number, paging.Size);
    }
}

/// <summary>
/// How every list is paged (<c>[AsParameters]</c>): page (from 1) and pageSize (default 50, at most
/// <see cref="Page{T}.MaxPageSize"/>). skip/take are still read for one release and are deprecated: a list asked with them
/// starts at skip.
/// </summary>
public sealed record Paging(int? Page, int? PageSize, int? Skip = null, int? Take = null)
{
    public int Size => Math.Clamp(PageSize ?? Take ?? 50, 1, Page<object>.MaxPageSize);

    /// <summary>The rows before this page.</summary>
    public int Offset => Page is { } page ? (int)Math.Min(int.MaxValue, (Math.Max(1L, page) - 1) * Size) : Math.Max(0, Skip ?? 0);

    /// <summary>The page number the answer reports (for skip/take, the page skip falls on).</summary>
    public int Number => Offset / Size + 1;
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
