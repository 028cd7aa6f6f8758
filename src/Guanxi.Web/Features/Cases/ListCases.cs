using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Cases;

/// <summary>The library's filters: q (2+ characters), kind success|failure, tag (as written), status draft|published; page, pageSize.</summary>
public sealed record CaseQuery(string? Q = null, string? Kind = null, string? Tag = null, string? Status = null, int? Page = null, int? PageSize = null);

/// <summary>
/// SVC-7: the cases the caller reads — every published one, their own drafts, and every draft for the customer-service
/// manager — newest first. q finds any part of the title, story, lesson or tags: Chinese from 2 characters, Latin in
/// any case and width. The library holds thousands of cases, so a contains-match over the folded text is enough.
/// </summary>
public sealed class ListCases(GuanxiDbContext db, CustomerViewers viewers, StaffNames staffNames)
{
    public const int MinQueryLength = 2;
    public const int MaxQueryLength = 100;
    public const int ExcerptLength = 120;

    public static readonly Error QueryLength = new("case.q", $"搜索词至少 {MinQueryLength} 个字、不超过 {MaxQueryLength} 个字（一个字会匹配到太多案例）。",
        $"Search for {MinQueryLength} to {MaxQueryLength} characters (one character matches too many cases).", "q");
    public static readonly Error Status = new("case.status", "状态只能是 draft（草稿）或 published（已发布）。", "status is draft or published.", "status");
    public static readonly Error Tag = new("case.tag_filter", $"标签不超过 {ServiceCase.MaxTagLength} 个字。", $"A tag has at most {ServiceCase.MaxTagLength} characters.", "tag");

    public async Task<Result<Page<CaseRow>>> Handle(CaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        var errors = new List<Error>();
        var q = ServiceCase.Fold(query.Q?.Trim());
        if (q.Length is > 0 and < MinQueryLength or > MaxQueryLength)
            errors.Add(QueryLength);
        if (!ApiEnums.TryParse<CaseKind>(query.Kind, out var kind))
            errors.Add(CaseErrors.Kind);
        if (!ApiEnums.TryParse<CaseStatus>(query.Status, out var status))
            errors.Add(Status);
        var tag = query.Tag?.Trim();
        if (tag?.Length > ServiceCase.MaxTagLength)
            errors.Add(Tag);
        if (errors.Count > 0)
            return Result<Page<CaseRow>>.Fail(errors);

        var cases = Readable(db, viewer);
        if (q.Length > 0)
        {
            var pattern = "%" + q.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            cases = cases.Where(c => EF.Functions.Like(c.SearchText, pattern, @"\"));
        }
        if (kind is { } k)
            cases = cases.Where(c => c.Kind == k);
        if (status is { } s)
            cases = cases.Where(c => c.Status == s);
        if (!string.IsNullOrEmpty(tag))
            cases = cases.Where(c => c.Tags.Contains(tag));
        var page = await cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Kind, c.Title, c.Tags, c.Status, c.AuthorId, c.CreatedAt, c.PublishedAt, c.Lesson })
            .ToPageAsync(query.Page, query.PageSize, cancellationToken);
        var names = await staffNames.Of(page.Items.Select(c => c.AuthorId), cancellationToken);
        return new Page<CaseRow>([.. page.Items.Select(c => new CaseRow(c.Id, c.Kind, c.Title, c.Tags, c.Status, c.AuthorId, names.Name(c.AuthorId), c.CreatedAt, c.PublishedAt,
            c.Lesson.Length <= ExcerptLength ? c.Lesson : c.Lesson[..ExcerptLength] + "…"))], page.Total, page.PageNumber, page.PageSize);
    }

    /// <summary>The cases a viewer reads (<see cref="CaseAccess.CanSee(Viewer, CaseStatus, string)"/> as a query).</summary>
    public static IQueryable<ServiceCase> Readable(GuanxiDbContext db, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var cases = db.Set<ServiceCase>().AsNoTracking();
        return CaseAccess.SeesEveryDraft(viewer) ? cases : cases.Where(c => c.Status == CaseStatus.Published || c.AuthorId == viewer.UserId);
    }
}
