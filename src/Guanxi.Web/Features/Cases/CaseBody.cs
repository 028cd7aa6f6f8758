using Guanxi.Domain.Service;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Cases;

/// <summary>A case as the API and the form take it: kind success|failure, title, story, lesson, tags, customerIds, complaintIds.</summary>
public sealed record CaseBody(string? Kind, string? Title, string? Story, string? Lesson,
    IReadOnlyList<string>? Tags = null, IReadOnlyList<Guid>? CustomerIds = null, IReadOnlyList<Guid>? ComplaintIds = null)
{
    /// <summary>The content the domain checks; a kind that names no kind (or a number) is no kind, which the domain refuses on "kind".</summary>
    public CaseContent ToContent() =>
        new(ApiEnums.TryParse<CaseKind>(Kind, out var kind) ? kind : null, Title, Story, Lesson, Tags, CustomerIds, ComplaintIds);
}
