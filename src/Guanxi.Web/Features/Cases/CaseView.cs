using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Cases;

/// <summary>
/// One case as its reader sees it: the story and the lesson, the linked customers as far as the reader's sight goes,
/// who wrote, corrected and published it (names with their ids), and what the reader may do with it (edit, publish, read its history). <c>version</c> is
/// also the ETag.
/// </summary>
public sealed record CaseView(Guid Id, CaseKind Kind, string Title, string Story, string Lesson, IReadOnlyList<string> Tags,
    IReadOnlyList<LinkedCustomer> Customers, IReadOnlyList<Guid> ComplaintIds, CaseStatus Status,
    string AuthorId, string Author, Guid DepartmentId, string Department, DateTimeOffset CreatedAt,
    string UpdatedById, string UpdatedBy, DateTimeOffset UpdatedAt, string? PublishedById, string? PublishedBy, DateTimeOffset? PublishedAt,
    Guid Version, bool CanEdit, bool CanPublish, bool CanReadHistory);

/// <summary>A case in the library's list: enough for a card — the lesson's beginning, not the story.</summary>
public sealed record CaseRow(Guid Id, CaseKind Kind, string Title, IReadOnlyList<string> Tags, CaseStatus Status,
    string AuthorId, string Author, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, string Excerpt);

/// <summary>A tag in use among the cases the caller reads, with how many of them carry it.</summary>
public sealed record CaseTag(string Tag, int Count);

/// <summary>Builds the view of a case for its reader.</summary>
public sealed class CaseViews(GuanxiDbContext db, StaffNames staffNames, CaseLinks links)
{
    public async Task<CaseView> Of(Viewer viewer, ServiceCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var names = await staffNames.Of([c.AuthorId, c.UpdatedById, c.PublishedById], cancellationToken);
        var department = await db.Set<Department>().Where(d => d.Id == c.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
        var customers = await links.Show(viewer, c.CustomerIds, cancellationToken);
        var complaints = await links.ShowComplaints(viewer, c.ComplaintIds, cancellationToken);   // only those the reader may see
        return new CaseView(c.Id, c.Kind, c.Title, c.Story, c.Lesson, c.Tags, customers, complaints, c.Status,
            c.AuthorId, names.Name(c.AuthorId), c.DepartmentId, department ?? "", c.CreatedAt,
            c.UpdatedById, names.Name(c.UpdatedById), c.UpdatedAt, c.PublishedById, names.WhoIfAny(c.PublishedById), c.PublishedAt,
            c.Version, CaseAccess.CanEdit(viewer, c), CaseAccess.CanPublish(viewer) && c.Status == CaseStatus.Draft,
            CaseAccess.ReadsHistory(viewer));
    }
}
